using Cantate.Sirene;
using Cantate.Web.Modules.Api.Gateway;

namespace Cantate.Web.Modules.Api.Operations.Structures;

/// <summary>
/// <c>POST /cpro/transverses/v1/consulter/information/siret</c>: an établissement as SIRENE knows it, by
/// <c>siretStructure</c>. Every value is a string (dates too), except <c>estActif</c> and <c>nonDiffusibleInsee</c>.
/// A SIRET that is not 14 digits or fails its check key is refused with the reason; one SIRENE does not know is not
/// found. For a unit in partial diffusion only what INSEE publishes comes: no name, no address. The platform's
/// SIRENE lookup carries no company category, civility, creation dates or succession links, so those are left out.
/// </summary>
public sealed class SiretInformation(ISireneDirectory sirene)
{
    public async Task<IResult> HandleAsync(CproRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var siret = SiretRules.Normalize(request.Text("siretStructure", "siret"));
        var field = request.Qualified("siretStructure");
        switch (SiretRules.Check(siret))
        {
            case SiretProblem.Empty:
                throw request.Missing("siretStructure", "donnez le SIRET de l'établissement (14 chiffres)");
            case SiretProblem.NotFourteenDigits:
                throw new CproException(CproCodes.InvalidField, $"Le champ « {field} » doit contenir 14 chiffres (reçu : « {siret} »).");
            case SiretProblem.BadCheckKey:
                throw new CproException(CproCodes.InvalidField,
                    $"Le SIRET {siret} (champ « {field} ») n'est pas valide : sa clé de contrôle (formule de Luhn) est fausse ; vérifiez les chiffres saisis.");
        }
        var lookup = await sirene.FindEtablissementAsync(siret, cancellationToken);
        if (lookup.Status == SireneLookupStatus.Unavailable)
        {
            throw new CproException(CproCodes.SireneUnavailable,
                $"La base SIRENE ne peut pas répondre pour le moment ({lookup.Detail}) : renvoyez la requête plus tard.", StatusCodes.Status503ServiceUnavailable);
        }
        if (lookup.Etablissement is not { } e)
            throw new CproException(CproCodes.NotFound, $"Aucun établissement de SIRET {siret} dans la base SIRENE : vérifiez le numéro.");
        var shown = !e.PartiallyDiffusible;
        return CproResults.Ok(new
        {
            siret = e.Siret,
            siren = e.Siren,
            raisonSociale = shown ? e.RaisonSociale : null,
            adresse = shown ? Join(e.AddressLine, e.AddressComplement, e.PostalCode, e.City, e.CountryName) : null,
            categorieJuridique = e.CategorieJuridique,
            localisationSiege = shown && e.IsSiege ? Join(e.PostalCode, e.City, e.CountryName) : null,
            numeroInterneClassement = e.Siret[9..],
            siege = e.IsSiege ? "true" : "false",
            estActif = e.IsActive && e.UniteLegaleIsActive,
            nonDiffusibleInsee = e.PartiallyDiffusible,
        });
    }

    private static string? Join(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } joined ? joined : null;
}
