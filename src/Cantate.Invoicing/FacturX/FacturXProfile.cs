namespace Cantate.Invoicing.FacturX;

/// <summary>A Factur-X / ZUGFeRD profile, as named by the invoice's specification identifier (BT-24).</summary>
public enum FacturXProfile
{
    /// <summary>BT-24 is not a known Factur-X or ZUGFeRD identifier.</summary>
    Unknown,

    /// <summary>MINIMUM (not EN 16931 compliant: no lines).</summary>
    Minimum,

    /// <summary>BASIC WL (not EN 16931 compliant: no lines).</summary>
    BasicWl,

    /// <summary>BASIC (EN 16931 compliant subset).</summary>
    Basic,

    /// <summary>EN 16931 (formerly COMFORT).</summary>
    En16931,

    /// <summary>EXTENDED (EN 16931 conformant extension).</summary>
    Extended,

    /// <summary>EXTENDED-CTC-FR of the French 2026 reform.</summary>
    ExtendedCtcFr,

    /// <summary>XRECHNUNG reference profile (attachment <c>xrechnung.xml</c>).</summary>
    XRechnung,
}

/// <summary>Maps Factur-X profiles to their BT-24 identifiers and XMP conformance levels.</summary>
public static class FacturXProfiles
{
    /// <summary>The BT-24 identifier written for a profile (Factur-X 1.0x).</summary>
    public static string SpecificationId(this FacturXProfile profile) => profile switch
    {
        FacturXProfile.Minimum => "urn:factur-x.eu:1p0:minimum",
        FacturXProfile.BasicWl => "urn:factur-x.eu:1p0:basicwl",
        FacturXProfile.Basic => "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic",
        FacturXProfile.En16931 => "urn:cen.eu:en16931:2017",
        FacturXProfile.Extended => "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended",
        FacturXProfile.ExtendedCtcFr => "urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr",
        FacturXProfile.XRechnung => "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "No identifier for an unknown profile."),
    };

    /// <summary>The XMP <c>fx:ConformanceLevel</c> value for a profile (<c>EN 16931</c>, <c>BASIC WL</c>...).</summary>
    public static string ConformanceLevel(this FacturXProfile profile) => profile switch
    {
        FacturXProfile.Minimum => "MINIMUM",
        FacturXProfile.BasicWl => "BASIC WL",
        FacturXProfile.Basic => "BASIC",
        FacturXProfile.En16931 => "EN 16931",
        FacturXProfile.Extended or FacturXProfile.ExtendedCtcFr => "EXTENDED",
        FacturXProfile.XRechnung => "XRECHNUNG",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "No conformance level for an unknown profile."),
    };

    /// <summary>
    /// The profile named by a BT-24 value, accepting the Factur-X 1.0x identifiers and the legacy ZUGFeRD 2.x
    /// ones (<c>urn:zugferd.de:2p0:...</c>). Unknown for anything else.
    /// </summary>
    public static FacturXProfile FromSpecificationId(string? specificationId)
    {
        if (string.IsNullOrWhiteSpace(specificationId))
        {
            return FacturXProfile.Unknown;
        }

        var id = specificationId.Trim();
        if (id.Equals("urn:cen.eu:en16931:2017", StringComparison.OrdinalIgnoreCase))
        {
            return FacturXProfile.En16931;
        }

        // The profile is the last segment after '#', or the whole id for MINIMUM / BASIC WL.
        var tail = id[(id.LastIndexOf('#') + 1)..];
        if (tail.Contains("xrechnung", StringComparison.OrdinalIgnoreCase))
        {
            return FacturXProfile.XRechnung;
        }

        if (tail.EndsWith(":extended-ctc-fr", StringComparison.OrdinalIgnoreCase))
        {
            return FacturXProfile.ExtendedCtcFr;
        }

        var last = tail[(tail.LastIndexOf(':') + 1)..].ToUpperInvariant();
        return last switch
        {
            "MINIMUM" => FacturXProfile.Minimum,
            "BASICWL" => FacturXProfile.BasicWl,
            "BASIC" => FacturXProfile.Basic,
            "EN16931" or "COMFORT" => FacturXProfile.En16931,
            "EXTENDED" => FacturXProfile.Extended,
            _ => FacturXProfile.Unknown,
        };
    }
}
