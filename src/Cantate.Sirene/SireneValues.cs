using System.Collections.Frozen;
using System.Text;

namespace Cantate.Sirene;

/// <summary>
/// How SIRENE values (stock files and API alike) become what the portal shows: masked values, address line,
/// name of a natural person, foreign country.
/// </summary>
public static class SireneValues
{
    /// <summary>The literal INSEE publishes in place of a value it does not diffuse.</summary>
    public const string NotDiffused = "[ND]";

    /// <summary>
    /// Abbreviations of <c>typeVoieEtablissement</c> (INSEE list), expanded in capitals without accents like the
    /// rest of SIRENE addresses. A value not in the list (newer files may carry the full word) is kept as is.
    /// </summary>
    public static FrozenDictionary<string, string> StreetTypes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ALL"] = "ALLEE",
        ["AV"] = "AVENUE",
        ["BD"] = "BOULEVARD",
        ["CAR"] = "CARREFOUR",
        ["CHE"] = "CHEMIN",
        ["CHS"] = "CHAUSSEE",
        ["CITE"] = "CITE",
        ["COR"] = "CORNICHE",
        ["CRS"] = "COURS",
        ["DOM"] = "DOMAINE",
        ["DSC"] = "DESCENTE",
        ["ECA"] = "ECART",
        ["ESP"] = "ESPLANADE",
        ["FG"] = "FAUBOURG",
        ["GR"] = "GRANDE RUE",
        ["HAM"] = "HAMEAU",
        ["HLE"] = "HALLE",
        ["IMP"] = "IMPASSE",
        ["LD"] = "LIEU-DIT",
        ["LOT"] = "LOTISSEMENT",
        ["MAR"] = "MARCHE",
        ["MTE"] = "MONTEE",
        ["PARC"] = "PARC",
        ["PAS"] = "PASSAGE",
        ["PL"] = "PLACE",
        ["PLN"] = "PLAINE",
        ["PLT"] = "PLATEAU",
        ["PRO"] = "PROMENADE",
        ["PRV"] = "PARVIS",
        ["QUA"] = "QUARTIER",
        ["QUAI"] = "QUAI",
        ["RES"] = "RESIDENCE",
        ["RLE"] = "RUELLE",
        ["ROC"] = "ROCADE",
        ["RPT"] = "ROND-POINT",
        ["RTE"] = "ROUTE",
        ["RUE"] = "RUE",
        ["SEN"] = "SENTIER",
        ["SQ"] = "SQUARE",
        ["TPL"] = "TERRE-PLEIN",
        ["TRA"] = "TRAVERSE",
        ["VLA"] = "VILLA",
        ["VLGE"] = "VILLAGE",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> RepetitionIndexes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["B"] = "BIS",
        ["T"] = "TER",
        ["Q"] = "QUATER",
        ["C"] = "QUINQUIES",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// ISO 3166-1 alpha-2 codes of the countries most often found in <c>libellePaysEtrangerEtablissement</c>
    /// (INSEE writes the French name in capitals). Unknown names give <see cref="UnknownCountryCode"/>.
    /// </summary>
    private static readonly FrozenDictionary<string, string> CountryCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ALLEMAGNE"] = "DE", ["ANDORRE"] = "AD", ["AUTRICHE"] = "AT", ["BELGIQUE"] = "BE", ["BULGARIE"] = "BG",
        ["CANADA"] = "CA", ["CHINE"] = "CN", ["CHYPRE"] = "CY", ["CROATIE"] = "HR", ["DANEMARK"] = "DK",
        ["ESPAGNE"] = "ES", ["ESTONIE"] = "EE", ["ETATS-UNIS"] = "US", ["FINLANDE"] = "FI", ["GRECE"] = "GR",
        ["HONGRIE"] = "HU", ["IRLANDE"] = "IE", ["ISLANDE"] = "IS", ["ITALIE"] = "IT", ["JAPON"] = "JP",
        ["LETTONIE"] = "LV", ["LIECHTENSTEIN"] = "LI", ["LITUANIE"] = "LT", ["LUXEMBOURG"] = "LU", ["MALTE"] = "MT",
        ["MAROC"] = "MA", ["MONACO"] = "MC", ["NORVEGE"] = "NO", ["PAYS-BAS"] = "NL", ["POLOGNE"] = "PL",
        ["PORTUGAL"] = "PT", ["ROUMANIE"] = "RO", ["ROYAUME-UNI"] = "GB", ["SLOVAQUIE"] = "SK", ["SLOVENIE"] = "SI",
        ["SUEDE"] = "SE", ["SUISSE"] = "CH", ["TCHEQUIE"] = "CZ", ["TUNISIE"] = "TN", ["ALGERIE"] = "DZ",
        ["SENEGAL"] = "SN", ["COTE D'IVOIRE"] = "CI", ["ISRAEL"] = "IL", ["INDE"] = "IN", ["BRESIL"] = "BR",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Country code given when SIRENE names a foreign country this library does not know (ISO "user-assigned").</summary>
    public const string UnknownCountryCode = "ZZ";

    /// <summary>True when the value is the "[ND]" mask.</summary>
    public static bool IsNotDiffused(ReadOnlySpan<char> value) => value.Trim().SequenceEqual(NotDiffused);

    /// <summary>
    /// Null for empty values and for "[ND]" (then sets <paramref name="masked"/>); otherwise the trimmed value.
    /// </summary>
    public static string? Clean(string? value, ref bool masked)
    {
        if (value is null) return null;
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return null;
        if (trimmed == NotDiffused)
        {
            masked = true;
            return null;
        }
        return trimmed;
    }

    /// <summary>True for statutDiffusion "P" (partial diffusion) and the legacy "N" (non diffusible).</summary>
    public static bool IsPartialDiffusionStatus(string? statutDiffusion) => statutDiffusion is "P" or "N";

    /// <summary>Expands a street type abbreviation ("AV" gives "AVENUE"); unknown values are returned unchanged.</summary>
    public static string ExpandStreetType(string typeVoie) =>
        StreetTypes.TryGetValue(typeVoie.Trim().ToUpperInvariant(), out var full) ? full : typeVoie.Trim();

    /// <summary>
    /// "12 BIS RUE DES LILAS" from numéro, indice de répétition, type de voie (expanded) and libellé de voie.
    /// Null when none is given. Values must already be cleaned (see <see cref="Clean"/>).
    /// </summary>
    public static string? BuildAddressLine(string? numeroVoie, string? indiceRepetition, string? typeVoie, string? libelleVoie)
    {
        var line = new StringBuilder(64);
        Add(line, numeroVoie);
        if (indiceRepetition is not null)
            Add(line, RepetitionIndexes.TryGetValue(indiceRepetition.ToUpperInvariant(), out var full) ? full : indiceRepetition);
        if (typeVoie is not null) Add(line, ExpandStreetType(typeVoie));
        Add(line, libelleVoie);
        return line.Length == 0 ? null : line.ToString();
    }

    /// <summary>
    /// Joins the complément d'adresse and the distribution spéciale (e.g. "BP 12"); null when both are empty.
    /// </summary>
    public static string? BuildComplement(string? complement, string? distributionSpeciale)
    {
        var line = new StringBuilder();
        Add(line, complement);
        Add(line, distributionSpeciale);
        return line.Length == 0 ? null : line.ToString();
    }

    /// <summary>
    /// Name of a unité légale: the dénomination, else (natural person) the usual or first first name followed by
    /// the usage or birth name.
    /// </summary>
    public static string? BuildName(string? denomination, string? prenomUsuel, string? prenom1, string? nomUsage, string? nom)
    {
        if (denomination is not null) return denomination;
        var line = new StringBuilder();
        Add(line, prenomUsuel ?? prenom1);
        Add(line, nomUsage ?? nom);
        return line.Length == 0 ? null : line.ToString();
    }

    /// <summary>ISO code of a foreign country named by SIRENE, "FR" when none is named.</summary>
    public static string CountryCodeOf(string? libellePaysEtranger) =>
        libellePaysEtranger is null ? "FR"
        : CountryCodes.TryGetValue(libellePaysEtranger.Trim().ToUpperInvariant(), out var code) ? code
        : UnknownCountryCode;

    private static void Add(StringBuilder line, string? part)
    {
        if (string.IsNullOrWhiteSpace(part)) return;
        if (line.Length > 0) line.Append(' ');
        line.Append(part.Trim());
    }
}
