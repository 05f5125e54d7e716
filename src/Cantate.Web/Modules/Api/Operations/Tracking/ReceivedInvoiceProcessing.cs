using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features.ProcessInvoice;

namespace Cantate.Web.Modules.Api.Operations.Tracking;

/// <summary>
/// <c>factures/v1/traiter/recue</c>: the recipient sets the status of an invoice made available to it, with the same
/// guarded transitions as the portal; the history records the technical account's login as the actor. A motif
/// (255 characters at most) is required to reject, suspend or ask for recycling. Only the recipient's technical
/// account may do this: for anyone else the invoice does not exist (20000).
/// </summary>
public sealed class ReceivedInvoiceProcessing(TrackedInvoices tracked, InvoiceActions actions, TimeProvider clock)
{
    private static readonly string Targets = string.Join(", ", InvoiceStatuses.SetByRecipient.Select(s => s.Code()));

    public async Task<IResult> HandleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var caller = CproCaller.Of(http);
        var request = CproCaller.RequestOf(http);
        var viewed = await tracked.FindAsync(caller, request, InvoiceSide.Recipient, cancellationToken, "idFacture", "identifiantFactureCPP");
        var invoice = viewed.Invoice;
        var code = request.Text("nouveauStatut")?.ToUpperInvariant()
            ?? throw request.Missing("nouveauStatut", $"le statut à donner à la facture ({Targets})");
        var target = InvoiceStatuses.FromCode(code) ?? throw new CproException(CproCodes.InvalidField,
            $"Le champ « nouveauStatut » vaut « {code} », qui n'est pas un statut de facture : indiquez l'un de {Targets}.");
        var reason = Reason(request, target);
        if (!invoice.NextStatusesForRecipient().Contains(target))
        {
            var next = invoice.NextStatusesForRecipient();
            throw new CproException(CproCodes.WrongStatus,
                $"La facture {invoice.Number} est au statut {invoice.Status.Code()} (« {invoice.Status.Label()} ») : elle ne peut pas passer au statut {target.Code()}. "
                + (next.Count == 0 ? "Elle ne peut plus changer de statut." : $"Statuts possibles : {string.Join(", ", next.Select(s => s.Code()))}."));
        }
        var error = await actions.ProcessAsRecipientAsync(viewed, caller.TechnicalAccountId, caller.Login, target, reason, cancellationToken);
        if (error is not null) throw new CproException(CproCodes.WrongStatus, error);
        return CproResults.Ok(new
        {
            idFacture = invoice.CppId,
            numeroFacture = invoice.Number,
            dateTraitement = CproDates.Date(clock.GetUtcNow().UtcDateTime),
            nouveauStatut = target.Code(),
        });
    }

    /// <summary>The motif, with the mandate number (numeroDPMandat) when one is given: both are kept in the history.</summary>
    private static string? Reason(CproRequest request, InvoiceStatus target)
    {
        var motif = request.Text("motif");
        var mandate = request.Text("numeroDPMandat");
        if (motif is null && target is InvoiceStatus.Rejetee or InvoiceStatus.Suspendue or InvoiceStatus.ARecycler)
        {
            throw request.Missing("motif", $"indiquez pourquoi la facture passe au statut {target.Code()} (255 caractères au plus)");
        }
        var reason = mandate is null ? motif : motif is null ? $"Mandat n° {mandate}" : $"{motif} (mandat n° {mandate})";
        if (reason is { Length: > Invoice.MaxReasonLength })
        {
            throw new CproException(CproCodes.InvalidField,
                $"Le champ « motif » compte {reason.Length} caractères (numéro de mandat compris) : {Invoice.MaxReasonLength} au plus. Raccourcissez-le.");
        }
        return reason;
    }
}
