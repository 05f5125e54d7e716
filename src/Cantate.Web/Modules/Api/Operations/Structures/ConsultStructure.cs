using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Api.Operations.Referentiel;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Operations.Structures;

/// <summary>
/// <c>POST /cpro/structures/v1/consulter</c>: a public structure, or the caller's own, by <c>idStructureCPP</c> (oca,
/// fe, the Swagger) or <c>idStructure</c> (go, §D1). The ten routing and EDI flags oca and go read come in
/// <c>parametres</c>. For its own structure the caller also gets its password's expiry
/// (<c>dateExpirationMotPasseCompteTech</c>, RFC 3339), which oca watches to remind the gestionnaires. Strings the
/// platform does not keep (e-mail, RCS, names of a natural person) are empty rather than absent, as go and php read them.
/// </summary>
public sealed class ConsultStructure(CantateDbContext db)
{
    public async Task<IResult> HandleAsync(CproCaller caller, CproRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        CproChoices.Language(request);
        var structure = await VisibleStructures.FindAsync(db, caller, request, cancellationToken, "idStructureCPP", "idStructure");
        var passwordExpiry = structure.Id == caller.StructureId
            ? await db.TechnicalAccounts.AsNoTracking().Where(a => a.Id == caller.TechnicalAccountId)
                .Select(a => (DateTime?)a.PasswordExpiresAt).FirstOrDefaultAsync(cancellationToken)
            : null;
        return CproResults.Ok(new
        {
            informationGenerales = new
            {
                idStructureCPP = structure.CppId,
                // No structure of the platform is a duplicate of another: each is its own origin.
                idStructureOrigine = structure.CppId,
                identifiantStructure = structure.Siret,
                libelleStructure = structure.RaisonSociale,
                raisonSocialeStructure = structure.RaisonSociale,
                nomStructure = string.Empty,
                prenomStructure = string.Empty,
                emailStructure = string.Empty,
                numeroRcsStructure = string.Empty,
                numeroTVA = string.Empty,
                structurePriveePublique = structure.IsPublic ? "PUBLIQUE" : "PRIVEE",
                typeIdentifiantStructure = "SIRET",
                estValideurDeleguee = false,
                dateExpirationMotPasseCompteTech = passwordExpiry is { } expiry ? CproDates.Timestamp(expiry) : null,
                listeStructureDupliquees = Array.Empty<object>(),
            },
            adressePostaleDuSiege = VisibleStructures.PostalAddress(structure, caller),
            parametres = new
            {
                codeServiceDoitEtreRenseigne = structure.ServiceCodeRequired,
                connexionEDI = false,
                estMoaUniquement = false,
                estValideurDelegue = false,
                gestionNumeroEJOuCodeService = structure.ServiceOrEngagementRequired,
                getaMoa = false,
                nonDiffusibleInsee = structure.NonDiffusible,
                numeroEJDoitEtreRenseigne = structure.EngagementRequired,
                recevoirDonneesViaEDI = false,
                statutMiseEnPaiementNestPasRemonte = structure.PaymentStatusNotReported,
            },
        });
    }
}
