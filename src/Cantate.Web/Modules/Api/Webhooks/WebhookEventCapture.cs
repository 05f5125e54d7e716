using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cantate.Web.Modules.Api.Webhooks;

/// <summary>
/// Something that happened, for the structures concerned; fanned out to their subscriptions from the outbox. A
/// facture.statut event carries the change as sent, taken when it happened (the invoice may move on); a flux.traite
/// event names the flow, whose result no longer changes once final.
/// </summary>
public sealed record WebhookEvent(Guid Id, string Type, DateTime Date, IReadOnlyList<Guid> StructureIds, InvoiceStatusChange? Invoice, Guid? FlowId);

/// <summary>The <c>data</c> of a facture.statut notification.</summary>
public sealed record InvoiceStatusChange(int IdFacture, string NumeroFacture, string Statut, string? StatutPrecedent, string? Motif, string DateHeure);

/// <summary>
/// Sees the events in the changes being saved (a status recorded in an invoice's history, a deposit flow reaching a
/// final state) and writes them to the outbox in the same transaction, so none is lost and none is invented by a
/// change that was rolled back. Nothing is written when no structure concerned has an active subscription.
/// </summary>
public sealed class WebhookEventCapture(TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData?.Context is CantateDbContext db) await CaptureAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData?.Context is CantateDbContext db) CaptureAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async Task CaptureAsync(CantateDbContext db, CancellationToken cancellationToken)
    {
        // One pass over the tracked entities (each typed Entries<T>() would detect changes again).
        var entries = db.ChangeTracker.Entries().Where(e => e.Entity is InvoiceEvent or Invoice or DepositFlow).ToList();
        if (entries.Count == 0) return;
        var events = FlowEvents(entries);
        var changes = entries.Where(e => e.State == EntityState.Added).Select(e => e.Entity).OfType<InvoiceEvent>()
            .Where(e => e.Action == e.Status.Code()).ToList();
        if (changes.Count > 0) events.AddRange(await InvoiceEventsAsync(db, entries, changes, cancellationToken));
        if (events.Count == 0) return;
        var structures = events.SelectMany(e => e.StructureIds).Distinct().ToList();
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.IsActive && structures.Contains(s.StructureId), cancellationToken)) return;
        db.Enqueue(WebhookFanOut.Kind, new WebhookFanOut.Message(events), clock.GetUtcNow().UtcDateTime);
    }

    private List<WebhookEvent> FlowEvents(List<EntityEntry> entries)
    {
        var events = new List<WebhookEvent>();
        foreach (var entry in entries.Where(e => e.Entity is DepositFlow).Select(e => e.Context.Entry((DepositFlow)e.Entity)))
        {
            var flow = entry.Entity;
            if (flow.Status is not (FlowStatus.InIntegre or FlowStatus.InIntegrePartiel or FlowStatus.InRejete)) continue;
            var became = entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && entry.Property(f => f.Status).OriginalValue != flow.Status);
            if (!became) continue;
            events.Add(new WebhookEvent(Guid.CreateVersion7(), WebhookEvents.FlowProcessed, flow.ProcessedAt ?? clock.GetUtcNow().UtcDateTime,
                [flow.SupplierStructureId], null, flow.Id));
        }
        return events;
    }

    private sealed record Parties(int CppId, string Number, Guid Supplier, Guid? Recipient);

    private static async Task<List<WebhookEvent>> InvoiceEventsAsync(CantateDbContext db, List<EntityEntry> entries, List<InvoiceEvent> changes,
        CancellationToken cancellationToken)
    {
        var tracked = entries.Where(e => e.Entity is Invoice).Select(e => db.Entry((Invoice)e.Entity)).ToDictionary(e => e.Entity.Id);
        // The aggregate adds history through a tracked invoice; an entry added on its own is read from the database.
        var missing = changes.Select(c => c.InvoiceId).Where(id => !tracked.ContainsKey(id)).Distinct().ToList();
        var stored = missing.Count == 0 ? [] : await db.Invoices.AsNoTracking().Where(i => missing.Contains(i.Id))
            .Select(i => new { i.Id, Parties = new Parties(i.CppId, i.Number, i.SupplierStructureId, i.RecipientStructureId) })
            .ToDictionaryAsync(i => i.Id, i => i.Parties, cancellationToken);
        var events = new List<WebhookEvent>();
        foreach (var group in changes.GroupBy(c => c.InvoiceId))
        {
            Parties? parties;
            InvoiceStatus? previous = null;
            var ordered = group.ToList();
            var creating = false;
            if (tracked.TryGetValue(group.Key, out var entry))
            {
                var invoice = entry.Entity;
                parties = new Parties(invoice.CppId, invoice.Number, invoice.SupplierStructureId, invoice.RecipientStructureId);
                ordered = [.. group.OrderBy(invoice.History.IndexOf)];
                creating = entry.State == EntityState.Added;
                if (!creating) previous = OriginalStatus(entry);
            }
            else if (!stored.TryGetValue(group.Key, out parties)) continue;
            foreach (var change in ordered)
            {
                // The deposit itself is not a change of status: flux.traite reports it.
                if (creating && previous is null)
                {
                    previous = change.Status;
                    continue;
                }
                events.Add(new WebhookEvent(Guid.CreateVersion7(), WebhookEvents.InvoiceStatusChanged, change.At, Concerned(parties, change.Status),
                    new InvoiceStatusChange(parties.CppId, parties.Number, change.Status.Code(), previous?.Code(), change.Comment, CproDates.Timestamp(change.At)),
                    null));
                previous = change.Status;
            }
        }
        return events;
    }

    private static InvoiceStatus OriginalStatus(EntityEntry<Invoice> entry) => entry.Property(i => i.Status).OriginalValue;

    /// <summary>The supplier always; the recipient once the invoice was made available to it.</summary>
    private static List<Guid> Concerned(Parties parties, InvoiceStatus status) =>
        parties.Recipient is { } recipient && status is not (InvoiceStatus.Deposee or InvoiceStatus.EnCoursAcheminement) && recipient != parties.Supplier
            ? [parties.Supplier, recipient]
            : [parties.Supplier];
}
