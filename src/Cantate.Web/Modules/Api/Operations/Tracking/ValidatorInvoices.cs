using System.Globalization;
using Cantate.Sirene;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features.ProcessInvoice;
using Cantate.Web.Modules.Invoices.Features.ValidateInvoice;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Operations.Tracking;

/// <summary>
/// The validation circuit of A9/A12 invoices through the API, with the portal's rules and guarded transitions:
/// <c>traiter/factureAValider</c> for the valideur's technical account (only the invoices its structure is the
/// designated valideur of exist for it), <c>corriger/valideur/facture</c> for the supplier's, and
/// <c>recuperer/statutsFactureVisibles/valideur</c>; <see cref="InvoiceSearches"/> answers rechercher/valideur.
/// </summary>
public sealed class ValidatorInvoices(CantateDbContext db, TrackedInvoices tracked, InvoiceActions actions, TimeProvider clock)
{
    /// <summary>traiter/factureAValider actions: MISE_EN_RECYCLAGE sends the invoice back to the supplier to designate another valideur.</summary>
    private static readonly Dictionary<string, InvoiceActions.ValidatorDecision> Actions = new(StringComparer.Ordinal)
    {
        ["VALIDATION"] = InvoiceActions.ValidatorDecision.Validate,
        ["REFUS"] = InvoiceActions.ValidatorDecision.Refuse,
        ["MISE_EN_RECYCLAGE"] = InvoiceActions.ValidatorDecision.WrongValidator,
    };

    public async Task<IResult> ProcessAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var caller = CproCaller.Of(http);
        var request = CproCaller.RequestOf(http);
        var viewed = await tracked.FindAsync(caller, request, InvoiceSide.Validator, cancellationToken, "idFacture", "identifiantFactureCPP");
        var code = request.Text("action")?.ToUpperInvariant()
            ?? throw request.Missing("action", "VALIDATION, REFUS (avec motifRefus) ou MISE_EN_RECYCLAGE (vous n'êtes pas le valideur de cette facture)");
        if (!Actions.TryGetValue(code, out var decision))
        {
            throw new CproException(CproCodes.InvalidField,
                $"L'action « {code} » n'est pas possible sur une facture à valider : VALIDATION, REFUS (avec motifRefus) ou MISE_EN_RECYCLAGE (le fournisseur désigne alors un autre valideur).");
        }
        var (refusal, comment) = decision == InvoiceActions.ValidatorDecision.Refuse
            ? RefusalOf(request)
            : (null, request.Text("motifRefus", "motif", "complementInfo"));
        if (decision == InvoiceActions.ValidatorDecision.Refuse && refusal is null && comment is null)
        {
            throw request.Missing("motifRefus",
                $"donnez le code d'un motif de refus (recuperer/motifs/refus/Facture/AValider : {ValidatorRefusalReasons.Listed()}) ou le motif en clair ({Invoice.MaxReasonLength} caractères au plus) : le fournisseur le reçoit");
        }
        if (refusal is { NeedsComment: true } && comment is null)
            throw request.Missing("complementInfo", $"le motif {refusal.Code} demande d'écrire pourquoi la facture est refusée");
        if (comment is { Length: > Invoice.MaxReasonLength })
            throw new CproException(CproCodes.InvalidField, $"Le motif en clair compte {comment.Length} caractères : {Invoice.MaxReasonLength} au plus. Raccourcissez-le.");
        var error = await actions.DecideAsValidatorAsync(viewed, caller.TechnicalAccountId, caller.Login, decision, comment, refusal, cancellationToken);
        if (error is not null) throw new CproException(CproCodes.WrongStatus, error);
        return CproResults.Ok(new
        {
            idFacture = viewed.Invoice.CppId,
            numeroFacture = viewed.Invoice.Number,
            dateTraitement = CproDates.Date(clock.GetUtcNow().UtcDateTime),
            statutFacture = viewed.Invoice.Status.Code(),
        });
    }

    /// <summary>
    /// The reason of a REFUS: a code or id of Cantate's list, in codeMotif / idMotif or in motifRefus itself (go sends only
    /// motifRefus and complementInfo, both strings); any other motifRefus is the reason in words. complementInfo adds to it.
    /// </summary>
    private static (ValidatorRefusalReason? Refusal, string? Comment) RefusalOf(CproRequest request)
    {
        var words = request.Text("motifRefus", "motif");
        var extra = request.Text("complementInfo");
        var explicitCode = request.Text("codeMotif") ?? request.Id("idMotif")?.ToString(CultureInfo.InvariantCulture);
        if (explicitCode is not null)
        {
            var reason = ValidatorRefusalReasons.Find(explicitCode) ?? throw new CproException(CproCodes.InvalidField,
                $"Le motif de refus « {explicitCode} » n'existe pas : {ValidatorRefusalReasons.Listed()} (recuperer/motifs/refus/Facture/AValider).");
            return (reason, Joined(words, extra));
        }
        return ValidatorRefusalReasons.Find(words) is { } coded ? (coded, extra) : (null, Joined(words, extra));
    }

    private static string? Joined(string? first, string? second) => first is null ? second : second is null ? first : $"{first} {second}";

    public async Task<IResult> CorrectAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var caller = CproCaller.Of(http);
        var request = CproCaller.RequestOf(http);
        var viewed = await tracked.FindAsync(caller, request, InvoiceSide.Supplier, cancellationToken, "idFacture", "identifiantFactureCPP");
        if (request.Text("typeIdentifiantStructure")?.ToUpperInvariant() is { } type && type != "SIRET")
            throw new CproException(CproCodes.InvalidField, $"Le valideur est désigné par son SIRET : typeIdentifiantStructure vaut SIRET, pas « {type} ».");
        var siret = request.Text("identifiantStructure", "codeStructureValideur");
        if (siret is null && request.Id("idStructure") is { } structureId)
        {
            siret = await db.Structures.AsNoTracking().Where(s => s.CppId == structureId).Select(s => s.Siret).FirstOrDefaultAsync(cancellationToken)
                ?? throw new CproException(CproCodes.NotFound, $"La structure {structureId} (idStructure) n'existe pas : indiquez le SIRET du valideur dans identifiantStructure.");
        }
        if (siret is null) throw request.Missing("identifiantStructure", "le SIRET du nouveau valideur (titulaire ou mandataire du marché)");
        var problems = await actions.CorrectValidatorAsync(viewed, null, caller.Login,
            new ValidatorRequest(SiretRules.Normalize(siret), request.Text("codeServiceValideur", "codeService"), request.Qualified("identifiantStructure"),
                request.Qualified("codeServiceValideur")), cancellationToken);
        if (problems.Count > 0)
        {
            var code = viewed.Invoice.Status == InvoiceStatus.ErreurFournisseurSurValideur ? CproCodes.InvalidField : CproCodes.WrongStatus;
            throw new CproException(code, string.Join(" ; ", problems.Select(p => p.Message)));
        }
        return CproResults.Ok(new
        {
            idFacture = viewed.Invoice.CppId,
            numeroFacture = viewed.Invoice.Number,
            statutFacture = viewed.Invoice.Status.Code(),
            dateTraitement = CproDates.Date(clock.GetUtcNow().UtcDateTime),
        });
    }

    public static IResult VisibleStatuses() => CproResults.Ok(new
    {
        listeStatutsFacture = InvoiceStatuses.ValidationCircuit.Select(s => new { code = s.Code(), libelle = s.Label() }).ToList(),
    });
}
