using System.Xml.Linq;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// The business terms the EN 16931 rules look at, read from a UBL or CII tree without interpretation: every
/// term is the raw element (or null), so that rules see exactly what the Schematron sees (presence, empty
/// strings, lexical decimals) and can point to the element in their findings. Partial documents (the CEN unit
/// tests are fragments) give a partial view, never an exception.
/// </summary>
internal sealed class InvoiceView
{
    public required XElement Root { get; init; }

    public bool IsUbl { get; init; }

    public XElement? CustomizationId { get; init; }

    public XElement? Id { get; init; }

    public XElement? IssueDate { get; init; }

    public XElement? TypeCode { get; init; }

    public XElement? Currency { get; init; }

    public IReadOnlyList<XElement> TaxCurrencies { get; init; } = [];

    public XElement? TaxPointDate { get; init; }

    public IReadOnlyList<XElement> TaxPointDateCodes { get; init; } = [];

    public XElement? DueDate { get; init; }

    public XElement? PaymentTermsNote { get; init; }

    public IReadOnlyList<XElement> InvoicePeriods { get; init; } = [];

    public PartyView? Seller { get; init; }

    public PartyView? Buyer { get; init; }

    public PartyView? Payee { get; init; }

    public PartyView? TaxRepresentative { get; init; }

    public XElement? DeliverToAddress { get; init; }

    public XElement? DeliverToCountry { get; init; }

    public XElement? ActualDeliveryDate { get; init; }

    public IReadOnlyList<AllowanceChargeView> AllowanceCharges { get; init; } = [];

    public IReadOnlyList<LineView> Lines { get; init; } = [];

    public IReadOnlyList<VatBreakdownView> VatBreakdowns { get; init; } = [];

    /// <summary>The element holding the document totals (UBL LegalMonetaryTotal, CII header monetary summation).</summary>
    public XElement? Totals { get; init; }

    public XElement? LineTotal { get; init; }

    public XElement? AllowanceTotal { get; init; }

    public XElement? ChargeTotal { get; init; }

    public XElement? TaxExclusive { get; init; }

    /// <summary>All invoice total VAT amounts (BT-110 and BT-111), with their currency attribute.</summary>
    public IReadOnlyList<XElement> TaxTotalAmounts { get; init; } = [];

    public XElement? TaxInclusive { get; init; }

    public XElement? Prepaid { get; init; }

    public XElement? Rounding { get; init; }

    public XElement? Payable { get; init; }

    public IReadOnlyList<PaymentMeansView> PaymentMeans { get; init; } = [];

    /// <summary>Supporting document identifiers (BT-122), one per supporting document (null when absent).</summary>
    public IReadOnlyList<(XElement Document, XElement? Id)> SupportingDocuments { get; init; } = [];

    /// <summary>Preceding invoice references (BT-25), one per reference (null when absent).</summary>
    public IReadOnlyList<(XElement Reference, XElement? Id)> PrecedingInvoices { get; init; } = [];

    /// <summary>All VAT category codes used anywhere (lines, allowances, charges, breakdown) with their source.</summary>
    public IEnumerable<XElement> LineCategoryCodes => Lines.Select(l => l.CategoryCode).OfType<XElement>();

    public IEnumerable<AllowanceChargeView> Allowances => AllowanceCharges.Where(a => a.IsCharge == false);

    public IEnumerable<AllowanceChargeView> Charges => AllowanceCharges.Where(a => a.IsCharge == true);
}

internal sealed class PartyView
{
    public required XElement Node { get; init; }

    public XElement? Name { get; init; }

    public XElement? TradingName { get; init; }

    public XElement? PostalAddress { get; init; }

    public XElement? Country { get; init; }

    /// <summary>VAT identifiers (BT-31, BT-48, BT-63).</summary>
    public IReadOnlyList<XElement> VatIds { get; init; } = [];

    /// <summary>Tax registration identifiers other than VAT (BT-32).</summary>
    public IReadOnlyList<XElement> TaxRegistrationIds { get; init; } = [];

    /// <summary>Legal registration identifiers (BT-30, BT-47, BT-61).</summary>
    public IReadOnlyList<XElement> LegalIds { get; init; } = [];

    /// <summary>Party identifiers (BT-29, BT-46, BT-60).</summary>
    public IReadOnlyList<XElement> Identifiers { get; init; } = [];

    public XElement? ElectronicAddress { get; init; }
}

internal sealed class AllowanceChargeView
{
    public required XElement Node { get; init; }

    /// <summary>True for a charge, false for an allowance, null when the indicator is missing or not a boolean.</summary>
    public bool? IsCharge { get; init; }

    public XElement? Amount { get; init; }

    public XElement? BaseAmount { get; init; }

    public XElement? Percentage { get; init; }

    /// <summary>The VAT category code (BT-95, BT-102) of a category declared with the VAT scheme.</summary>
    public XElement? CategoryCode { get; init; }

    /// <summary>The first category code whatever its tax scheme (the VAT sums of the UBL binding do not look at the scheme).</summary>
    public XElement? AnySchemeCategoryCode { get; init; }

    public XElement? Rate { get; init; }

    public XElement? Reason { get; init; }

    public XElement? ReasonCode { get; init; }
}

internal sealed class LineView
{
    public required XElement Node { get; init; }

    public XElement? Id { get; init; }

    public XElement? Quantity { get; init; }

    public XElement? NetAmount { get; init; }

    public XElement? ItemName { get; init; }

    public XElement? NetPrice { get; init; }

    public XElement? GrossPrice { get; init; }

    public XElement? PriceDiscount { get; init; }

    public XElement? BaseQuantity { get; init; }

    public XElement? CategoryCode { get; init; }

    public XElement? Rate { get; init; }

    public XElement? Period { get; init; }

    public XElement? PeriodStart { get; init; }

    public XElement? PeriodEnd { get; init; }

    public IReadOnlyList<AllowanceChargeView> AllowanceCharges { get; init; } = [];

    public IReadOnlyList<XElement> StandardIds { get; init; } = [];

    public IReadOnlyList<XElement> ClassificationCodes { get; init; } = [];

    public IReadOnlyList<XElement> ItemAttributes { get; init; } = [];
}

internal sealed class VatBreakdownView
{
    public required XElement Node { get; init; }

    public XElement? TaxableAmount { get; init; }

    public XElement? TaxAmount { get; init; }

    public XElement? CategoryCode { get; init; }

    public XElement? Rate { get; init; }

    public XElement? ExemptionReason { get; init; }

    public XElement? ExemptionReasonCode { get; init; }
}

internal sealed class PaymentMeansView
{
    public required XElement Node { get; init; }

    public XElement? Code { get; init; }

    public XElement? CardAccount { get; init; }

    public XElement? CardNumber { get; init; }

    public IReadOnlyList<XElement> CreditAccounts { get; init; } = [];

    /// <summary>The credit transfer account elements (BG-17), with or without identifier.</summary>
    public IReadOnlyList<XElement> CreditAccountGroups { get; init; } = [];

    public XElement? DebitMandate { get; init; }
}
