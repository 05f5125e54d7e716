using System.Globalization;
using System.Text;

namespace Cantate.Sirene.Bench;

/// <summary>
/// Writes synthetic StockEtablissement / StockUniteLegale files in the INSEE 3.11 layout: every row has a
/// Luhn-valid SIRET, one in ten is closed, one in fifty is partially diffusible ("[ND]"), one in twenty has a
/// quoted complement with a comma. Used by the import benchmark and the import tests.
/// </summary>
public static class SyntheticStock
{
    /// <summary>The 54 columns of StockEtablissement_utf8.csv, in INSEE order.</summary>
    public static readonly string[] EtablissementColumns =
    [
        "siren", "nic", "siret", "statutDiffusionEtablissement", "dateCreationEtablissement",
        "trancheEffectifsEtablissement", "anneeEffectifsEtablissement",
        "activitePrincipaleRegistreMetiersEtablissement", "dateDernierTraitementEtablissement", "etablissementSiege",
        "nombrePeriodesEtablissement", "complementAdresseEtablissement", "numeroVoieEtablissement",
        "indiceRepetitionEtablissement", "dernierNumeroVoieEtablissement",
        "indiceRepetitionDernierNumeroVoieEtablissement", "typeVoieEtablissement", "libelleVoieEtablissement",
        "codePostalEtablissement", "libelleCommuneEtablissement", "libelleCommuneEtrangerEtablissement",
        "distributionSpecialeEtablissement", "codeCommuneEtablissement", "codeCedexEtablissement",
        "libelleCedexEtablissement", "codePaysEtrangerEtablissement", "libellePaysEtrangerEtablissement",
        "identifiantAdresseEtablissement", "coordonneeLambertAbscisseEtablissement",
        "coordonneeLambertOrdonneeEtablissement", "complementAdresse2Etablissement", "numeroVoie2Etablissement",
        "indiceRepetition2Etablissement", "typeVoie2Etablissement", "libelleVoie2Etablissement",
        "codePostal2Etablissement", "libelleCommune2Etablissement", "libelleCommuneEtranger2Etablissement",
        "distributionSpeciale2Etablissement", "codeCommune2Etablissement", "codeCedex2Etablissement",
        "libelleCedex2Etablissement", "codePaysEtranger2Etablissement", "libellePaysEtranger2Etablissement",
        "dateDebut", "etatAdministratifEtablissement", "enseigne1Etablissement", "enseigne2Etablissement",
        "enseigne3Etablissement", "denominationUsuelleEtablissement", "activitePrincipaleEtablissement",
        "nomenclatureActivitePrincipaleEtablissement", "caractereEmployeurEtablissement",
        "activitePrincipaleNAF25Etablissement",
    ];

    /// <summary>The 35 columns of StockUniteLegale_utf8.csv, in INSEE order.</summary>
    public static readonly string[] UniteLegaleColumns =
    [
        "siren", "statutDiffusionUniteLegale", "unitePurgeeUniteLegale", "dateCreationUniteLegale", "sigleUniteLegale",
        "sexeUniteLegale", "prenom1UniteLegale", "prenom2UniteLegale", "prenom3UniteLegale", "prenom4UniteLegale",
        "prenomUsuelUniteLegale", "pseudonymeUniteLegale", "identifiantAssociationUniteLegale",
        "trancheEffectifsUniteLegale", "anneeEffectifsUniteLegale", "dateDernierTraitementUniteLegale",
        "nombrePeriodesUniteLegale", "categorieEntreprise", "anneeCategorieEntreprise", "dateDebut",
        "etatAdministratifUniteLegale", "nomUniteLegale", "nomUsageUniteLegale", "denominationUniteLegale",
        "denominationUsuelle1UniteLegale", "denominationUsuelle2UniteLegale", "denominationUsuelle3UniteLegale",
        "categorieJuridiqueUniteLegale", "activitePrincipaleUniteLegale", "nomenclatureActivitePrincipaleUniteLegale",
        "nicSiegeUniteLegale", "economieSocialeSolidaireUniteLegale", "societeMissionUniteLegale",
        "caractereEmployeurUniteLegale", "activitePrincipaleNAF25UniteLegale",
    ];

    private static readonly string[] StreetTypes = ["RUE", "AV", "BD", "PL", "CHE", "RTE", "IMP", "ALL", "QUAI"];
    private static readonly string[] Cities = ["LYON", "PARIS", "NANTES", "BORDEAUX", "LILLE", "RENNES", "DIJON", "TOURS"];

    /// <summary>SIRET of the établissement number <paramref name="index"/> (one établissement per unité légale).</summary>
    public static string Siret(long index)
    {
        var siren = WithLuhnKey((10_000_000 + index).ToString("D8", CultureInfo.InvariantCulture));
        return WithLuhnKey(siren + "0001");
    }

    /// <summary>
    /// Writes <paramref name="rows"/> établissements. <paramref name="columns"/> chooses and orders the header
    /// (default: the INSEE columns), to check that the import maps columns by name.
    /// </summary>
    public static void WriteEtablissements(TextWriter writer, long rows, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        columns ??= EtablissementColumns;
        writer.Write(string.Join(',', columns));
        writer.Write('\n');
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (long i = 0; i < rows; i++)
        {
            values.Clear();
            var siret = Siret(i);
            var masked = i % 50 == 49;
            values["siren"] = siret[..9];
            values["nic"] = siret[9..];
            values["siret"] = siret;
            values["statutDiffusionEtablissement"] = masked ? "P" : "O";
            values["dateCreationEtablissement"] = "2015-06-01";
            values["etablissementSiege"] = "true";
            values["nombrePeriodesEtablissement"] = "1";
            values["complementAdresseEtablissement"] = masked ? "[ND]" : i % 20 == 3 ? "\"BATIMENT A, ETAGE 2\"" : "";
            values["numeroVoieEtablissement"] = masked ? "[ND]" : (1 + i % 150).ToString(CultureInfo.InvariantCulture);
            values["typeVoieEtablissement"] = masked ? "[ND]" : StreetTypes[i % StreetTypes.Length];
            values["libelleVoieEtablissement"] = masked ? "[ND]" : "DES ARTISANS " + (i % 97).ToString(CultureInfo.InvariantCulture);
            values["codePostalEtablissement"] = masked ? "[ND]" : (10_000 + i % 85_000).ToString("D5", CultureInfo.InvariantCulture);
            values["libelleCommuneEtablissement"] = masked ? "[ND]" : Cities[i % Cities.Length];
            values["codeCommuneEtablissement"] = masked ? "[ND]" : "69123";
            values["dateDebut"] = "2015-06-01";
            values["etatAdministratifEtablissement"] = i % 10 == 7 ? "F" : "A";
            values["activitePrincipaleEtablissement"] = "62.02A";
            values["nomenclatureActivitePrincipaleEtablissement"] = "NAFRev2";
            values["caractereEmployeurEtablissement"] = "N";
            WriteRow(writer, columns, values);
        }
    }

    /// <summary>Writes <paramref name="rows"/> unités légales matching <see cref="WriteEtablissements"/>.</summary>
    public static void WriteUnitesLegales(TextWriter writer, long rows, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        columns ??= UniteLegaleColumns;
        writer.Write(string.Join(',', columns));
        writer.Write('\n');
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (long i = 0; i < rows; i++)
        {
            values.Clear();
            var person = i % 5 == 4;
            var masked = i % 50 == 49;
            values["siren"] = Siret(i)[..9];
            values["statutDiffusionUniteLegale"] = masked ? "P" : "O";
            values["dateCreationUniteLegale"] = "2015-06-01";
            values["dateDebut"] = "2015-06-01";
            values["etatAdministratifUniteLegale"] = i % 30 == 7 ? "C" : "A";
            values["denominationUniteLegale"] = person ? "" : "SOCIETE SYNTHETIQUE " + i.ToString(CultureInfo.InvariantCulture);
            values["prenom1UniteLegale"] = person ? (masked ? "[ND]" : "JEANNE") : "";
            values["nomUniteLegale"] = person ? (masked ? "[ND]" : "DUPUIS") : "";
            values["categorieJuridiqueUniteLegale"] = person ? "1000" : "5710";
            values["activitePrincipaleUniteLegale"] = "62.02A";
            values["nomenclatureActivitePrincipaleUniteLegale"] = "NAFRev2";
            values["nicSiegeUniteLegale"] = "00010";
            WriteRow(writer, columns, values);
        }
    }

    private static void WriteRow(TextWriter writer, IReadOnlyList<string> columns, Dictionary<string, string> values)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            if (c > 0) writer.Write(',');
            if (values.TryGetValue(columns[c], out var value)) writer.Write(value);
        }
        writer.Write('\n');
    }

    private static string WithLuhnKey(string digits)
    {
        for (var key = 0; key < 10; key++)
        {
            var candidate = digits + key.ToString(CultureInfo.InvariantCulture);
            if (SiretRules.IsValidSiren(candidate) || (candidate.Length == 14 && SiretRules.IsValidSiret(candidate))) return candidate;
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Writes both files as UTF-8 (with BOM, as INSEE does) and returns their paths.</summary>
    public static (string Etablissements, string UnitesLegales) WriteFiles(string directory, long rows)
    {
        Directory.CreateDirectory(directory);
        var etablissements = Path.Combine(directory, "StockEtablissement_utf8.csv");
        var unitesLegales = Path.Combine(directory, "StockUniteLegale_utf8.csv");
        using (var writer = new StreamWriter(etablissements, false, new UTF8Encoding(true), 1 << 16)) WriteEtablissements(writer, rows);
        using (var writer = new StreamWriter(unitesLegales, false, new UTF8Encoding(true), 1 << 16)) WriteUnitesLegales(writer, rows);
        return (etablissements, unitesLegales);
    }
}
