namespace Cantate.Invoicing.Validation;

/// <summary>The rule set an invoice is checked against.</summary>
public enum ValidationProfile
{
    /// <summary>XSD + the EN 16931 rules of the CEN artefacts v1.3.16 (BR-*, BR-CO-*, BR-DEC-*, BR-CL-*, VAT families, UBL/CII syntax rules).</summary>
    En16931,

    /// <summary>EN 16931 plus the Factur-X profile rules chosen by the specification identifier (BT-24).</summary>
    FacturX,

    /// <summary>EN 16931 plus the Chorus Pro (B2G) rules.</summary>
    Chorus,

    /// <summary>EN 16931 plus the French 2026 reform rules (BR-FR-*).</summary>
    Fr,
}

/// <summary>Stable names of <see cref="ValidationProfile"/> values (<c>en16931</c>, <c>facturx</c>, <c>chorus</c>, <c>fr</c>).</summary>
public static class ValidationProfileNames
{
    /// <summary>The stable lower-case name of a profile.</summary>
    public static string ToName(this ValidationProfile profile) => profile switch
    {
        ValidationProfile.FacturX => "facturx",
        ValidationProfile.Chorus => "chorus",
        ValidationProfile.Fr => "fr",
        _ => "en16931",
    };

    /// <summary>Parses a stable name; returns false for anything else.</summary>
    public static bool TryParse(string? name, out ValidationProfile profile)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "en16931":
                profile = ValidationProfile.En16931;
                return true;
            case "facturx" or "factur-x":
                profile = ValidationProfile.FacturX;
                return true;
            case "chorus":
                profile = ValidationProfile.Chorus;
                return true;
            case "fr":
                profile = ValidationProfile.Fr;
                return true;
            default:
                profile = ValidationProfile.En16931;
                return false;
        }
    }
}
