using System.Text.Json;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Invoices.Features.RouteInvoice;

/// <summary>
/// Takes a deposited invoice to its recipient, from the outbox. Running it twice for the same invoice does
/// nothing the second time, so a restart after a crash cannot route an invoice twice.
/// </summary>
public sealed class InvoiceRouting(CantateDbContext db, RoutingRules rules, TimeProvider clock) : IOutboxHandler
{
    public const string Kind = "invoice-routing";

    public sealed record Message(Guid InvoiceId);

    string IOutboxHandler.Kind => Kind;

    bool IOutboxHandler.OnlyWritesDatabase => true;

    /// <summary>The invoices of the batch being handled, read together (null: not found).</summary>
    private readonly Dictionary<Guid, Invoice?> _batch = [];

    public async Task PrepareAsync(IReadOnlyList<string> payloads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        var ids = payloads.Select(p => Read(p).InvoiceId).Distinct().ToList();
        var invoices = await db.Invoices.Include(i => i.History).Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        foreach (var id in ids) _batch[id] = invoices.GetValueOrDefault(id);
    }

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var message = Read(payload);
        // Read with its batch, unless the batch was since given up (the change tracker cleared): then read again.
        var invoice = _batch.TryGetValue(message.InvoiceId, out var read) && (read is null || db.Entry(read).State != EntityState.Detached)
            ? read
            : await db.Invoices.Include(i => i.History).FirstOrDefaultAsync(i => i.Id == message.InvoiceId, cancellationToken);
        if (invoice is null || !invoice.AwaitsRouting) return;
        var now = clock.GetUtcNow().UtcDateTime;

        var outcome = await rules.CheckAsync(invoice.RecipientSiret, invoice.ServiceCode, invoice.EngagementNumber, cancellationToken);
        if (outcome.Problems.Count > 0 || outcome.Recipient is null)
        {
            invoice.RoutingFailed(string.Join(" ", outcome.Problems.Select(p => p.Message)), now);
            db.Enqueue(InvoiceStatusNotifications.Kind, new InvoiceStatusNotifications.Message(invoice.Id, invoice.Status.Code()), now);
        }
        else
        {
            invoice.StartRouting(outcome.Recipient.Id, outcome.Recipient.RaisonSociale, now);
            invoice.MakeAvailable(now);
        }
        // Database-only: the outbox worker saves these changes with the message's bookkeeping.
    }

    private static Message Read(string payload) =>
        JsonSerializer.Deserialize<Message>(payload) ?? throw new InvalidOperationException("Empty routing message.");
}
