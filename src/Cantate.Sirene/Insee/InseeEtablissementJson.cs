using System.Text.Json;

namespace Cantate.Sirene.Insee;

/// <summary>
/// Maps the <c>etablissement</c> object of a <c>/siret/{siret}</c> response (API Sirene 3.11). The current
/// état administratif is in the period whose <c>dateFin</c> is null; unité légale values are flattened in
/// <c>etablissement.uniteLegale</c>.
/// </summary>
public static class InseeEtablissementJson
{
    /// <summary>Maps the établissement; <paramref name="siret"/> is used when the response omits it.</summary>
    public static SireneEtablissement Map(JsonElement etablissement, string siret)
    {
        var masked = false;
        var uniteLegale = Object(etablissement, "uniteLegale");
        var adresse = Object(etablissement, "adresseEtablissement");
        var current = CurrentPeriod(etablissement);

        masked |= SireneValues.IsPartialDiffusionStatus(String(etablissement, "statutDiffusionEtablissement"));
        masked |= SireneValues.IsPartialDiffusionStatus(String(uniteLegale, "statutDiffusionUniteLegale"));

        string? Clean(JsonElement? obj, string name) => SireneValues.Clean(String(obj, name), ref masked);

        var name = SireneValues.BuildName(
            Clean(uniteLegale, "denominationUniteLegale"), Clean(uniteLegale, "prenomUsuelUniteLegale"),
            Clean(uniteLegale, "prenom1UniteLegale"), Clean(uniteLegale, "nomUsageUniteLegale"), Clean(uniteLegale, "nomUniteLegale"));
        var line = SireneValues.BuildAddressLine(
            Clean(adresse, "numeroVoieEtablissement"), Clean(adresse, "indiceRepetitionEtablissement"),
            Clean(adresse, "typeVoieEtablissement"), Clean(adresse, "libelleVoieEtablissement"));
        var complement = SireneValues.BuildComplement(Clean(adresse, "complementAdresseEtablissement"), Clean(adresse, "distributionSpecialeEtablissement"));
        var postalCode = Clean(adresse, "codePostalEtablissement");
        var city = Clean(adresse, "libelleCommuneEtablissement") ?? Clean(adresse, "libelleCommuneEtrangerEtablissement");
        var country = Clean(adresse, "libellePaysEtrangerEtablissement");
        var categorie = Clean(uniteLegale, "categorieJuridiqueUniteLegale");
        var naf = Clean(current, "activitePrincipaleEtablissement") ?? Clean(uniteLegale, "activitePrincipaleUniteLegale");

        return new SireneEtablissement
        {
            Siret = String(etablissement, "siret") ?? siret,
            IsActive = String(current, "etatAdministratifEtablissement") == "A",
            UniteLegaleIsActive = String(uniteLegale, "etatAdministratifUniteLegale") != "C",
            IsSiege = etablissement.TryGetProperty("etablissementSiege", out var siege) && siege.ValueKind == JsonValueKind.True,
            PartiallyDiffusible = masked,
            RaisonSociale = name,
            AddressLine = line,
            AddressComplement = complement,
            PostalCode = postalCode,
            City = city,
            CountryCode = SireneValues.CountryCodeOf(country),
            CountryName = country,
            CategorieJuridique = categorie,
            ActivitePrincipale = naf,
        };
    }

    private static JsonElement? CurrentPeriod(JsonElement etablissement)
    {
        if (!etablissement.TryGetProperty("periodesEtablissement", out var periods) || periods.ValueKind != JsonValueKind.Array) return null;
        JsonElement? first = null;
        foreach (var period in periods.EnumerateArray())
        {
            first ??= period;
            if (!period.TryGetProperty("dateFin", out var end) || end.ValueKind == JsonValueKind.Null) return period;
        }
        return first;
    }

    private static JsonElement? Object(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? String(JsonElement? parent, string name) =>
        parent is { } p && p.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
