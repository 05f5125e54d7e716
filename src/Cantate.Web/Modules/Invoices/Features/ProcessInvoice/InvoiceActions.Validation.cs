using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Modules.Invoices.Features.ValidateInvoice;
using Cantate.Web.Modules.Notifications;

namespace Cantate.Web.Modules.Invoices.Features.ProcessInvoice;

/// <summary>
/// The validation circuit of A9/A12 invoices (traiter/factureAValider, corriger/valideur/facture): the valideur
/// validates, refuses or says it is not the right one; the supplier then designates another. Same authorization as
/// every action here: the side is the one the caller was found on.
/// </summary>
public sealed partial class InvoiceActions
{
    /// <summary>What a valideur may do with an invoice to validate.</summary>
    public enum ValidatorDecision
    {
        Validate,
        Refuse,
        WrongValidator,
    }

    /// <summary>
    /// Null when done (a validated invoice leaves for its recipient from the outbox); otherwise why not, for the user.
    /// <paramref name="comment"/> is the refusal's (or the wrong valideur's) words; <paramref name="refusal"/> the coded reason of a refusal.
    /// </summary>
    public async Task<string?> DecideAsValidatorAsync(Viewed viewed, Guid? userId, string userName, ValidatorDecision decision, string? comment,
        ValidatorRefusalReason? refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewed);
        if (viewed.Side != InvoiceSide.Validator) return "Seul le valideur désigné (titulaire ou mandataire) peut valider ou refuser cette facture.";
        var invoice = viewed.Invoice;
        // A technical account of the API acts without a user: the history names its login.
        var actor = userId ?? Guid.Empty;
        return await ApplyAsync(invoice, () =>
        {
            switch (decision)
            {
                case ValidatorDecision.Validate:
                    invoice.ValidateByValidator(actor, userName, Now);
                    db.Enqueue(InvoiceRouting.Kind, new InvoiceRouting.Message(invoice.Id), Now);
                    break;
                case ValidatorDecision.Refuse:
                    invoice.RefuseByValidator(refusal, comment, actor, userName, Now);
                    break;
                case ValidatorDecision.WrongValidator:
                    invoice.DeclineAsWrongValidator(comment, actor, userName, Now);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(decision), decision, null);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// After ERREUR_FOURNISSEUR_SUR_VALIDEUR the supplier designates another valideur, checked like at deposit; the
    /// invoice waits for it again (A_VALIDER_1) and its users are told.
    /// </summary>
    public async Task<IReadOnlyList<DepositProblem>> CorrectValidatorAsync(Viewed viewed, Guid? userId, string userName, ValidatorRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewed);
        ArgumentNullException.ThrowIfNull(request);
        var invoice = viewed.Invoice;
        if (viewed.Side != InvoiceSide.Supplier) return [new("VALIDEUR", "VALIDEUR", "", "Seul le fournisseur peut désigner le valideur de sa facture.")];
        if (invoice.Status != InvoiceStatus.ErreurFournisseurSurValideur)
            return [new("VALIDEUR", "VALIDEUR", "", $"Une facture « {invoice.Status.Label()} » ne change pas de valideur : seule une facture dont le valideur a signalé l'erreur peut en recevoir un autre.")];
        var outcome = await validators.CheckAsync(invoice.Cadre, invoice.SupplierStructureId, request, cancellationToken);
        if (outcome.Problems.Count > 0) return outcome.Problems;
        var error = await ApplyAsync(invoice, () => invoice.CorrectValidator(outcome.Validator!, userId ?? Guid.Empty, userName, Now), cancellationToken);
        return error is null ? [] : [new DepositProblem("VALIDEUR", "VALIDEUR", "", error)];
    }
}
