namespace Cantate.Invoicing.Model;

/// <summary>
/// A document level allowance (BG-20, BT-92..BT-98) or charge (BG-21, BT-99..BT-105).
/// </summary>
public sealed class DocumentAllowanceCharge : ModelElement
{
    /// <summary>True for a charge (BG-21), false for an allowance (BG-20).</summary>
    public bool IsCharge { get; set; }

    /// <summary>BT-92 / BT-99 Amount, without VAT. Mandatory.</summary>
    public decimal? Amount { get; set; }

    /// <summary>BT-93 / BT-100 Base amount the percentage applies to.</summary>
    public decimal? BaseAmount { get; set; }

    /// <summary>BT-94 / BT-101 Percentage.</summary>
    public decimal? Percentage { get; set; }

    /// <summary>BT-95 / BT-102 VAT category code (UNCL 5305). Mandatory.</summary>
    public string? VatCategoryCode { get; set; }

    /// <summary>BT-96 / BT-103 VAT rate, in percent.</summary>
    public decimal? VatRate { get; set; }

    /// <summary>BT-97 / BT-104 Reason, as text.</summary>
    public string? Reason { get; set; }

    /// <summary>BT-98 / BT-105 Reason code (UNCL 5189 for allowances, UNCL 7161 for charges).</summary>
    public string? ReasonCode { get; set; }
}

/// <summary>
/// An invoice line allowance (BG-27, BT-136..BT-140) or charge (BG-28, BT-141..BT-145).
/// Line allowances and charges carry no VAT of their own: the line's VAT category applies.
/// </summary>
public sealed class LineAllowanceCharge : ModelElement
{
    /// <summary>True for a charge (BG-28), false for an allowance (BG-27).</summary>
    public bool IsCharge { get; set; }

    /// <summary>BT-136 / BT-141 Amount, without VAT. Mandatory.</summary>
    public decimal? Amount { get; set; }

    /// <summary>BT-137 / BT-142 Base amount.</summary>
    public decimal? BaseAmount { get; set; }

    /// <summary>BT-138 / BT-143 Percentage.</summary>
    public decimal? Percentage { get; set; }

    /// <summary>BT-139 / BT-144 Reason, as text.</summary>
    public string? Reason { get; set; }

    /// <summary>BT-140 / BT-145 Reason code.</summary>
    public string? ReasonCode { get; set; }
}
