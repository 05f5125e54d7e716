using System.Linq.Expressions;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Modules.Invoices.Features.ValidateInvoice;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Invoices.Features.ProcessInvoice;

/// <summary>Which side of an invoice a user is on.</summary>
public enum InvoiceSide
{
    Supplier,
    Recipient,
    /// <summary>The titulaire or mandataire who validates an A9/A12 invoice ("Factures à valider").</summary>
    Validator,
}

/// <summary>
/// Loads an invoice for a user who may see it, and applies the actions of each side: the recipient processes it
/// (traiter/recue), the supplier recycles, completes, or acknowledges a rejection. Authorization is checked here,
/// on the server: an invoice of a structure the user does not hold the right workspace on is "not found".
/// </summary>
public sealed partial class InvoiceActions(CantateDbContext db, StructureAccess access, RoutingRules routing, ValidatorRules validators, DocumentStore documents,
    TimeProvider clock)
{
    /// <summary>An invoice as its viewer sees it; <see cref="Membership"/> is null for a technical account of the API.</summary>
    public sealed record Viewed(Invoice Invoice, InvoiceSide Side, Membership? Membership);

    /// <summary>
    /// The invoice as seen from the structure the user acts for, or null: the structure must be on one of its sides
    /// and the user must hold that side's workspace ("Factures émises", "Factures reçues", "Factures à valider").
    /// </summary>
    public async Task<Viewed?> FindAsync(Guid userId, Guid structureId, Guid invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await Load(i => i.Id == invoiceId, structureId, cancellationToken);
        if (invoice is null) return null;
        var membership = await access.MembershipAsync(userId, structureId, cancellationToken);
        if (membership is null) return null;
        foreach (var side in SidesOf(invoice, structureId))
        {
            if (membership.Workspaces.Contains(WorkspaceOf(side))) return new Viewed(invoice, side, membership);
        }
        return null;
    }

    /// <summary>The workspace a user needs to see invoices from that side.</summary>
    public static Workspace WorkspaceOf(InvoiceSide side) => side switch
    {
        InvoiceSide.Supplier => Workspace.FacturesEmises,
        InvoiceSide.Recipient => Workspace.FacturesRecues,
        InvoiceSide.Validator => Workspace.FacturesAValider,
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, null),
    };

    /// <summary>
    /// The invoice of this API id as the structure of a technical account sees it, from the given side (or either),
    /// or null: an invoice of another structure, or not yet available to its recipient, does not exist for it.
    /// </summary>
    public async Task<Viewed?> FindForStructureAsync(Guid structureId, int cppId, InvoiceSide? side, CancellationToken cancellationToken) =>
        cppId <= 0 || await VisibleAsync(i => i.CppId == cppId, structureId, side, cancellationToken) is not (var invoice, var seen)
            ? null : new Viewed(invoice, seen, null);

    /// <summary>The supporting documents joined to the invoice after its deposit, oldest first.</summary>
    public Task<List<InvoiceAttachment>> AttachmentsAsync(Guid invoiceId, CancellationToken cancellationToken) =>
        db.InvoiceAttachments.AsNoTracking().Where(a => a.InvoiceId == invoiceId).OrderBy(a => a.CppId).ToListAsync(cancellationToken);

    private async Task<(Invoice, InvoiceSide)?> VisibleAsync(Expression<Func<Invoice, bool>> which, Guid structureId, InvoiceSide? wanted,
        CancellationToken cancellationToken)
    {
        var invoice = await Load(which, structureId, cancellationToken);
        if (invoice is null) return null;
        foreach (var side in SidesOf(invoice, structureId))
        {
            if (wanted is null || wanted == side) return (invoice, side);
        }
        return null;
    }

    private Task<Invoice?> Load(Expression<Func<Invoice, bool>> which, Guid structureId, CancellationToken cancellationToken) =>
        db.Invoices.Include(i => i.History.OrderBy(h => h.Id)).Where(which)
            .FirstOrDefaultAsync(i => i.SupplierStructureId == structureId || i.RecipientStructureId == structureId || i.ValidatorStructureId == structureId,
                cancellationToken);

    /// <summary>The sides the structure is on for this invoice, in order of precedence.</summary>
    private static IEnumerable<InvoiceSide> SidesOf(Invoice invoice, Guid structureId)
    {
        if (invoice.SupplierStructureId == structureId) yield return InvoiceSide.Supplier;
        // A recipient sees an invoice only once it was made available to it.
        if (invoice.RecipientStructureId == structureId && invoice.Status is not (InvoiceStatus.Deposee or InvoiceStatus.EnCoursAcheminement))
            yield return InvoiceSide.Recipient;
        // The valideur designated now; a valideur that was replaced after saying it was not the right one sees it no more.
        if (invoice.ValidatorStructureId == structureId) yield return InvoiceSide.Validator;
    }

    /// <summary>Null when done; otherwise what prevented it, for the user.</summary>
    public async Task<string?> ProcessAsRecipientAsync(Viewed viewed, Guid userId, string userName, InvoiceStatus target, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewed);
        if (viewed.Side != InvoiceSide.Recipient) return "Seul le destinataire peut traiter cette facture.";
        return await ApplyAsync(viewed.Invoice, () => viewed.Invoice.ProcessByRecipient(target, userId, userName, reason, Now), cancellationToken);
    }

    public async Task<string?> AcknowledgeRejectionAsync(Viewed viewed, Guid userId, string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewed);
        if (viewed.Side != InvoiceSide.Supplier) return "Seul le fournisseur peut acquitter le rejet.";
        return await ApplyAsync(viewed.Invoice, () => viewed.Invoice.AcknowledgeRejection(userId, userName, Now), cancellationToken);
    }

    /// <summary>Completes a suspended invoice; the attachments (already stored and checked) are saved with the new status.</summary>
    public async Task<string?> CompleteAsync(Viewed viewed, Guid userId, string userName, string? comment, IReadOnlyList<InvoiceAttachment> attachments,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewed);
        ArgumentNullException.ThrowIfNull(attachments);
        if (viewed.Side != InvoiceSide.Supplier) return "Seul le fournisseur peut compléter la facture.";
        return await ApplyAsync(viewed.Invoice, () =>
        {
            viewed.Invoice.Complete(comment, attachments.Select(a => a.FileName).ToList(), userId, userName, Now);
            db.InvoiceAttachments.AddRange(attachments);
        }, cancellationToken);
    }

    /// <summary>The recipient downloaded these invoices: recorded once per download, never refused.</summary>
    public async Task RecordDownloadsAsync(IEnumerable<Viewed> downloaded, Guid? actorId, string actorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(downloaded);
        var recorded = false;
        foreach (var viewed in downloaded.Where(v => v.Side == InvoiceSide.Recipient))
        {
            viewed.Invoice.RecordDownloadByRecipient(actorId, actorName, Now);
            recorded = true;
        }
        if (recorded) await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Recycling is checked against the directory at once, like a deposit, then routed from the outbox.</summary>
    public async Task<IReadOnlyList<DepositProblem>> RecycleAsync(Viewed viewed, Guid userId, string userName, string? recipientSiret,
        string? serviceCode, string? engagementNumber, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewed);
        if (viewed.Side != InvoiceSide.Supplier) return [new("RECYCLAGE", "", "", "Seul le fournisseur peut recycler la facture.")];
        static string? Clean(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        var siret = Clean(recipientSiret)?.Replace(" ", "", StringComparison.Ordinal) ?? string.Empty;
        var outcome = await routing.CheckAsync(siret, Clean(serviceCode), Clean(engagementNumber), cancellationToken);
        if (outcome.Problems.Count > 0) return outcome.Problems;
        var error = await ApplyAsync(viewed.Invoice, () =>
        {
            viewed.Invoice.Recycle(siret, Clean(serviceCode), Clean(engagementNumber), userId, userName, Now, comment);
            db.Enqueue(InvoiceRouting.Kind, new InvoiceRouting.Message(viewed.Invoice.Id), Now);
        }, cancellationToken);
        return error is null ? [] : [new DepositProblem("RECYCLAGE", "", "", error)];
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<string?> ApplyAsync(Invoice invoice, Action change, CancellationToken cancellationToken)
    {
        try
        {
            change();
        }
        catch (InvoiceTransitionException ex)
        {
            db.ChangeTracker.Clear();
            return ex.Message;
        }
        if (InvoiceStatusNotifications.Notified.Contains(invoice.Status) && invoice.History[^1].Action == invoice.Status.Code())
        {
            db.Enqueue(InvoiceStatusNotifications.Kind, new InvoiceStatusNotifications.Message(invoice.Id, invoice.Status.Code()), Now);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return "La facture a été modifiée par quelqu'un d'autre pendant que vous la traitiez : rechargez la page pour voir son nouveau statut.";
        }
    }
}
