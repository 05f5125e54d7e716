namespace Cantate.Invoicing.Model;

/// <summary>UNTDID 1001 document type codes as used by EN 16931 (BT-3).</summary>
public static class InvoiceTypeCodes
{
    /// <summary>380 Commercial invoice.</summary>
    public const string CommercialInvoice = "380";

    /// <summary>381 Credit note.</summary>
    public const string CreditNote = "381";

    /// <summary>384 Corrected invoice.</summary>
    public const string CorrectedInvoice = "384";

    /// <summary>386 Prepayment invoice.</summary>
    public const string PrepaymentInvoice = "386";

    /// <summary>389 Self-billed invoice.</summary>
    public const string SelfBilledInvoice = "389";

    /// <summary>The codes that the EN 16931 UBL binding places in a <c>CreditNote</c> document.</summary>
    public static IReadOnlySet<string> CreditNoteCodes { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "502", "503", "532" };
}
