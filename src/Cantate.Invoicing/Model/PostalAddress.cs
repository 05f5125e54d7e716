namespace Cantate.Invoicing.Model;

/// <summary>
/// A postal address: BG-5 (seller), BG-8 (buyer), BG-12 (tax representative) or BG-15 (deliver to).
/// The BT numbers below are those of the seller address; the other groups follow the same order.
/// </summary>
public sealed class PostalAddress : ModelElement
{
    /// <summary>BT-35 Address line 1 (street and number).</summary>
    public string? Line1 { get; set; }

    /// <summary>BT-36 Address line 2.</summary>
    public string? Line2 { get; set; }

    /// <summary>BT-162 Address line 3.</summary>
    public string? Line3 { get; set; }

    /// <summary>BT-37 City.</summary>
    public string? City { get; set; }

    /// <summary>BT-38 Post code.</summary>
    public string? PostCode { get; set; }

    /// <summary>BT-39 Country subdivision (region, département...).</summary>
    public string? CountrySubdivision { get; set; }

    /// <summary>BT-40 Country code (ISO 3166-1 alpha-2, e.g. <c>FR</c>). Mandatory in the standard.</summary>
    public string? CountryCode { get; set; }
}
