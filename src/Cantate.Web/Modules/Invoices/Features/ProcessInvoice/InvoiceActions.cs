using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
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
}

/// <summary>
/// Loads an invoice for a user who may see it, and applies the actions of each side: the recipient processes it
/// (traiter/recue), the supplier recycles, completes, or acknowledges a rejection. Authorization is checked here,
/// on the server: an invoice of a structure the user does not hold the right workspace on is "not found".
/// </summary>
public sealed class InvoiceActions(CantateDbContext db, StructureAccess access, RoutingRules routing, TimeProvider clock)
{
    public sealed record Viewed(Invoice Invoice, InvoiceSide Side, Membership Membership);

    /// <summary>The invoice as seen from the structure the user acts for, or null.</summary>
    public async Task<Viewed?> FindAsync(Guid userId, Guid structureId, Guid invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.Include(i => i.History.OrderBy(h => h.Id))
            .FirstOrDefaultAsync(i => i.Id == invoiceId && (i.SupplierStructureId == structureId || i.RecipientStructureId == structureId), cancellationToken);
        if (invoice is null) return null;
        // A recipient sees an invoice only once it was made available to it.
        var side = invoice.SupplierStructureId == structureId ? InvoiceSide.Supplier : InvoiceSide.Recipient;
        var workspace = side == InvoiceSide.Supplier ? Workspace.FacturesEmises : Workspace.FacturesRecues;
        var membership = await access.WorkspaceMembershipAsync(userId, structureId, workspace, cancellationToken);
        if (membership is null) return null;
        if (side == InvoiceSide.Recipient && invoice.Status is InvoiceStatus.Deposee or InvoiceStatus.EnCoursAcheminement) return null;
        return new Viewed(invoice, side, membership);
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

    public async Task<string?> CompleteAsync(Viewed viewed, Guid userId, string userName, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewed);
        if (viewed.Side != InvoiceSide.Supplier) return "Seul le fournisseur peut compléter la facture.";
        return await ApplyAsync(viewed.Invoice, () => viewed.Invoice.Complete(comment ?? string.Empty, userId, userName, Now), cancellationToken);
    }

    /// <summary>Recycling is checked against the directory at once, like a deposit, then routed from the outbox.</summary>
    public async Task<IReadOnlyList<DepositProblem>> RecycleAsync(Viewed viewed, Guid userId, string userName, string? recipientSiret,
        string? serviceCode, string? engagementNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewed);
        if (viewed.Side != InvoiceSide.Supplier) return [new("RECYCLAGE", "", "", "Seul le fournisseur peut recycler la facture.")];
        static string? Clean(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        var siret = Clean(recipientSiret)?.Replace(" ", "", StringComparison.Ordinal) ?? string.Empty;
        var outcome = await routing.CheckAsync(siret, Clean(serviceCode), Clean(engagementNumber), cancellationToken);
        if (outcome.Problems.Count > 0) return outcome.Problems;
        var error = await ApplyAsync(viewed.Invoice, () =>
        {
            viewed.Invoice.Recycle(siret, Clean(serviceCode), Clean(engagementNumber), userId, userName, Now);
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
