namespace Cantate.Sirene;

/// <summary>Why a SIRET is not acceptable by format alone.</summary>
public enum SiretProblem
{
    None,
    Empty,
    /// <summary>Not exactly 14 digits once spaces are removed.</summary>
    NotFourteenDigits,
    /// <summary>Luhn key wrong (and not a La Poste SIRET whose digits sum to a multiple of 5).</summary>
    BadCheckKey,
}

/// <summary>Format rules for SIREN and SIRET numbers.</summary>
public static class SiretRules
{
    /// <summary>SIREN of La Poste, whose établissements do not follow the Luhn key.</summary>
    public const string LaPosteSiren = "356000000";

    /// <summary>Removes the spaces users type between groups of digits ("130 025 265 00013").</summary>
    public static string Normalize(string? input) =>
        input is null ? string.Empty : new string(input.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>Checks a SIRET (after <see cref="Normalize"/>).</summary>
    public static SiretProblem Check(string? siret)
    {
        var s = Normalize(siret);
        if (s.Length == 0) return SiretProblem.Empty;
        if (s.Length != 14 || !s.All(char.IsAsciiDigit)) return SiretProblem.NotFourteenDigits;
        if (Luhn(s)) return SiretProblem.None;
        if (s.StartsWith(LaPosteSiren, StringComparison.Ordinal) && s.Sum(c => c - '0') % 5 == 0) return SiretProblem.None;
        return SiretProblem.BadCheckKey;
    }

    /// <summary>True when the SIRET passes <see cref="Check"/>.</summary>
    public static bool IsValidSiret(string? siret) => Check(siret) == SiretProblem.None;

    /// <summary>True for 9 digits with a valid Luhn key.</summary>
    public static bool IsValidSiren(string? siren)
    {
        var s = Normalize(siren);
        return s.Length == 9 && s.All(char.IsAsciiDigit) && Luhn(s);
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
