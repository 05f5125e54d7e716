using Cantate.Sirene;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Invoices.Features.ValidateInvoice;

/// <summary>
/// The valideur a supplier designates for an A9/A12 invoice, as typed; <see cref="Field"/> names the field in the
/// supplier's own words (the portal's label, or the API's cadreDeFacturation.codeStructureValideur).
/// </summary>
public sealed record ValidatorRequest(string? Siret, string? ServiceCode, string Field = "SIRET du valideur", string ServiceField = "code service du valideur");

/// <summary>
/// Checks the valideur of an A9/A12 invoice when it is deposited or corrected: a structure registered on Cantate,
/// designated by SIRET (and optionally one of its services), active, and not the supplier itself. Other cadres need
/// none and any valideur given with them is ignored. A null request means the door (a batch, an EDI flow) has no
/// way to name a valideur: an A9/A12 invoice is then refused with where to deposit it instead.
/// </summary>
public sealed class ValidatorRules(CantateDbContext db)
{
    public sealed record Outcome(ValidatorDesignation? Validator, IReadOnlyList<DepositProblem> Problems);

    public async Task<Outcome> CheckAsync(string cadre, Guid supplierStructureId, ValidatorRequest? request, CancellationToken cancellationToken)
    {
        if (!Invoice.CadreRequiresValidator(cadre)) return new Outcome(null, []);
        var role = Invoice.ValidatorRole(cadre);
        var kind = role == "mandataire" ? "de cotraitant (A12) est validée par le mandataire" : "de sous-traitant (A9) est validée par le titulaire";
        if (request is null)
            return Refused("VALIDEUR-ABSENT",
                $"Une facture {kind} du marché, qu'un dépôt en lot ou par flux ne permet pas de désigner : déposez-la seule sur le portail (« Déposer une facture », champ « SIRET du valideur ») ou par l'API soumettre (cadreDeFacturation.codeStructureValideur).");
        var field = request.Field;
        var siret = SiretRules.Normalize(request.Siret);
        if (siret.Length == 0)
            return Refused("VALIDEUR-ABSENT", $"Une facture {kind} du marché avant d'aller au destinataire : indiquez son SIRET dans le champ « {field} ».");
        if (!SiretRules.IsValidSiret(siret))
            return Refused("VALIDEUR-SIRET", $"Le {field} « {request.Siret!.Trim()} » n'est pas un SIRET valide : saisissez les 14 chiffres du SIRET du {role}.");
        var structure = await db.Structures.AsNoTracking().Where(s => s.Siret == siret)
            .Select(s => new { s.Id, s.RaisonSociale, s.IsActive }).FirstOrDefaultAsync(cancellationToken);
        if (structure is null)
            return Refused("VALIDEUR-INCONNU",
                $"La structure de SIRET {siret} ({field}) n'est pas inscrite sur Cantate : le {role} doit créer son compte et ouvrir l'espace « Factures à valider » avant que vous lui adressiez la facture.");
        if (!structure.IsActive)
            return Refused("VALIDEUR-INACTIF", $"La structure {structure.RaisonSociale} (SIRET {siret}, {field}) est désactivée sur Cantate : elle ne peut plus valider de factures.");
        if (structure.Id == supplierStructureId)
            return Refused("VALIDEUR-FOURNISSEUR",
                $"Le {field} est celui de votre propre structure : une facture {kind}, indiquez le SIRET du {role}, pas le vôtre.");

        var serviceCode = string.IsNullOrWhiteSpace(request.ServiceCode) ? null : request.ServiceCode.Trim();
        if (serviceCode is not null)
        {
            var service = await db.StructureServices.AsNoTracking().Where(s => s.StructureId == structure.Id && s.Code == serviceCode)
                .Select(s => new { s.IsActive }).FirstOrDefaultAsync(cancellationToken);
            if (service is null)
                return Refused("VALIDEUR-SERVICE-INCONNU", $"Le service « {serviceCode} » ({request.ServiceField}) n'existe pas chez {structure.RaisonSociale} : laissez le champ vide ou demandez le bon code au {role}.");
            if (!service.IsActive)
                return Refused("VALIDEUR-SERVICE-INACTIF", $"Le service « {serviceCode} » ({request.ServiceField}) de {structure.RaisonSociale} est inactif : laissez le champ vide ou choisissez un service actif.");
        }
        return new Outcome(new ValidatorDesignation(structure.Id, siret, structure.RaisonSociale, serviceCode), []);
    }

    private static Outcome Refused(string rule, string message) => new(null, [new DepositProblem(rule, "VALIDEUR", "", message)]);
}
