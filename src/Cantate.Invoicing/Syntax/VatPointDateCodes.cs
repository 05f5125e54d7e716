namespace Cantate.Invoicing.Syntax;

/// <summary>
/// BT-8 is a UNTDID 2005 code in the model and in UBL (<c>3</c> invoice date, <c>35</c> delivery date,
/// <c>432</c> paid-to date), but CII writes it with the UNTDID 2475 codes of the same events
/// (<c>5</c>, <c>29</c>, <c>72</c>). Other values pass through unchanged, for the validator to report.
/// </summary>
internal static class VatPointDateCodes
{
    public static string? FromCii(string? code) => code switch
    {
        "5" => "3",
        "29" => "35",
        "72" => "432",
        _ => code,
    };

    public static string? ToCii(string? code) => code switch
    {
        "3" => "5",
        "35" => "29",
        "432" => "72",
        _ => code,
    };
}
