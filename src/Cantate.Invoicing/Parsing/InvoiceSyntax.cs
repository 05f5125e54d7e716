namespace Cantate.Invoicing.Parsing;

/// <summary>The concrete syntax of an invoice document, detected from its root element and namespace.</summary>
public enum InvoiceSyntax
{
    /// <summary>Neither UBL 2.1 Invoice/CreditNote nor UN/CEFACT CII (or not readable at all).</summary>
    Unknown,

    /// <summary>OASIS UBL 2.1 <c>Invoice</c>.</summary>
    UblInvoice,

    /// <summary>OASIS UBL 2.1 <c>CreditNote</c>.</summary>
    UblCreditNote,

    /// <summary>UN/CEFACT Cross Industry Invoice (D16B or later).</summary>
    Cii,

    /// <summary>A PDF container (Factur-X / ZUGFeRD) carrying a CII invoice as an attachment.</summary>
    FacturX,
}

/// <summary>Stable names of <see cref="InvoiceSyntax"/> values, as printed by the CLI and the API.</summary>
public static class InvoiceSyntaxNames
{
    /// <summary>Returns the stable name: <c>UBL-Invoice</c>, <c>UBL-CreditNote</c>, <c>CII</c>, <c>FACTURX</c> or <c>UNKNOWN</c>.</summary>
    public static string ToName(this InvoiceSyntax syntax) => syntax switch
    {
        InvoiceSyntax.UblInvoice => "UBL-Invoice",
        InvoiceSyntax.UblCreditNote => "UBL-CreditNote",
        InvoiceSyntax.Cii => "CII",
        InvoiceSyntax.FacturX => "FACTURX",
        _ => "UNKNOWN",
    };
}
