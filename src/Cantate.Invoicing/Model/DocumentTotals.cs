namespace Cantate.Invoicing.Model;

/// <summary>BG-22 Document totals. All amounts are in the invoice currency (BT-5) except BT-111.</summary>
public sealed class DocumentTotals : ModelElement
{
    /// <summary>BT-106 Sum of invoice line net amounts. Mandatory.</summary>
    public decimal? LineNetTotal { get; set; }

    /// <summary>BT-107 Sum of allowances on document level.</summary>
    public decimal? AllowanceTotal { get; set; }

    /// <summary>BT-108 Sum of charges on document level.</summary>
    public decimal? ChargeTotal { get; set; }

    /// <summary>BT-109 Invoice total amount without VAT ("total HT"). Mandatory.</summary>
    public decimal? TaxExclusiveAmount { get; set; }

    /// <summary>BT-110 Invoice total VAT amount, in the invoice currency.</summary>
    public decimal? VatTotal { get; set; }

    /// <summary>BT-111 Invoice total VAT amount in the VAT accounting currency (BT-6).</summary>
    public decimal? VatTotalInAccountingCurrency { get; set; }

    /// <summary>BT-112 Invoice total amount with VAT ("total TTC"). Mandatory.</summary>
    public decimal? TaxInclusiveAmount { get; set; }

    /// <summary>BT-113 Paid amount (prepayments).</summary>
    public decimal? PaidAmount { get; set; }

    /// <summary>BT-114 Rounding amount.</summary>
    public decimal? RoundingAmount { get; set; }

    /// <summary>BT-115 Amount due for payment ("net à payer"). Mandatory.</summary>
    public decimal? AmountDue { get; set; }
}

/// <summary>BG-23 VAT breakdown: one entry per VAT category and rate.</summary>
public sealed class VatBreakdown : ModelElement
{
    /// <summary>BT-116 VAT category taxable amount. Mandatory.</summary>
    public decimal? TaxableAmount { get; set; }

    /// <summary>BT-117 VAT category tax amount. Mandatory.</summary>
    public decimal? TaxAmount { get; set; }

    /// <summary>BT-118 VAT category code (UNCL 5305: S, Z, E, AE, K, G, O, L, M, B). Mandatory.</summary>
    public string? CategoryCode { get; set; }

    /// <summary>BT-119 VAT category rate, in percent.</summary>
    public decimal? Rate { get; set; }

    /// <summary>BT-120 VAT exemption reason text.</summary>
    public string? ExemptionReason { get; set; }

    /// <summary>BT-121 VAT exemption reason code (VATEX).</summary>
    public string? ExemptionReasonCode { get; set; }
}
