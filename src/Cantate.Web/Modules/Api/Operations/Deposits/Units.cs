using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Cantate.Web.Modules.Api.Operations.Deposits;

/// <summary>
/// lignePosteUnite is free text in Chorus Pro ("lot", "heure", "u"), a UN/ECE Recommendation 20 code in EN 16931
/// (BT-130): common French words map to their code, a code passes through, anything else counts as a unit (C62) and
/// is kept in the line's description.
/// </summary>
public static class Units
{
    private static readonly FrozenDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["u"] = "C62", ["un"] = "C62", ["unite"] = "C62", ["unites"] = "C62", ["piece"] = "H87", ["pieces"] = "H87", ["pce"] = "H87",
        ["lot"] = "LO", ["lots"] = "LO", ["forfait"] = "LS", ["forfaits"] = "LS", ["ens"] = "LS", ["ensemble"] = "LS",
        ["h"] = "HUR", ["heure"] = "HUR", ["heures"] = "HUR", ["j"] = "DAY", ["jour"] = "DAY", ["jours"] = "DAY", ["mois"] = "MON", ["an"] = "ANN",
        ["kg"] = "KGM", ["g"] = "GRM", ["t"] = "TNE", ["tonne"] = "TNE", ["m"] = "MTR", ["ml"] = "MTR", ["km"] = "KMT", ["m2"] = "MTK", ["m²"] = "MTK",
        ["m3"] = "MTQ", ["m³"] = "MTQ", ["l"] = "LTR", ["litre"] = "LTR", ["litres"] = "LTR", ["kwh"] = "KWH",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Codes = new[]
    {
        "C62", "H87", "LO", "LS", "HUR", "DAY", "MON", "ANN", "WEE", "MIN", "KGM", "GRM", "TNE", "MTR", "KMT", "MTK", "MTQ", "LTR", "KWH", "XPP", "E48", "SET", "PR",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static string CodeOf(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit)) return "C62";
        var trimmed = unit.Trim();
        if (Codes.Contains(trimmed.ToUpperInvariant())) return trimmed.ToUpperInvariant();
        return Words.TryGetValue(Key(trimmed), out var code) ? code : "C62";
    }

    /// <summary>Whether the unit is said by its code (nothing to keep in the description).</summary>
    public static bool IsCode(string? unit) =>
        string.IsNullOrWhiteSpace(unit) || Codes.Contains(unit.Trim().ToUpperInvariant()) || Words.ContainsKey(Key(unit.Trim()));

    private static string Key(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray()).TrimEnd('.');
    }
}
