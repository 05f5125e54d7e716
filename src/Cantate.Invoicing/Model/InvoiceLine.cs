namespace Cantate.Invoicing.Model;

/// <summary>BG-25 Invoice line.</summary>
public sealed class InvoiceLine : ModelElement
{
    /// <summary>BT-126 Invoice line identifier, unique within the invoice. Mandatory.</summary>
    public string? Id { get; set; }

    /// <summary>BT-127 Invoice line note.</summary>
    public string? Note { get; set; }

    /// <summary>BT-128 Invoice line object identifier, with its scheme (BT-128-1).</summary>
    public Identifier? ObjectId { get; set; }

    /// <summary>BT-129 Invoiced quantity (negative for a return on an invoice). Mandatory.</summary>
    public decimal? Quantity { get; set; }

    /// <summary>BT-130 Invoiced quantity unit of measure code (UN/ECE Rec 20/21: <c>C62</c> unit, <c>HUR</c> hour, <c>DAY</c>...). Mandatory.</summary>
    public string? UnitCode { get; set; }

    /// <summary>BT-131 Invoice line net amount (quantity x net price / base quantity, plus charges, minus allowances). Mandatory.</summary>
    public decimal? NetAmount { get; set; }

    /// <summary>BT-132 Referenced purchase order line reference.</summary>
    public string? OrderLineReference { get; set; }

    /// <summary>BT-133 Invoice line buyer accounting reference.</summary>
    public string? BuyerAccountingReference { get; set; }

    /// <summary>BG-26 Invoice line period.</summary>
    public Period? Period { get; set; }

    /// <summary>BG-27 and BG-28 Invoice line allowances and charges, in document order.</summary>
    public IList<LineAllowanceCharge> AllowanceCharges { get; init; } = [];

    /// <summary>BG-29 Price details. Mandatory.</summary>
    public PriceDetails? Price { get; set; }

    /// <summary>BG-30 Line VAT information. Mandatory.</summary>
    public LineVat? Vat { get; set; }

    /// <summary>BG-31 Item information. Mandatory.</summary>
    public Item? Item { get; set; }
}

/// <summary>BG-29 Price details.</summary>
public sealed class PriceDetails : ModelElement
{
    /// <summary>BT-146 Item net price, without VAT, after the price discount. Mandatory, never negative.</summary>
    public decimal? NetPrice { get; set; }

    /// <summary>BT-147 Item price discount (gross price minus net price).</summary>
    public decimal? Discount { get; set; }

    /// <summary>BT-148 Item gross price, before the discount.</summary>
    public decimal? GrossPrice { get; set; }

    /// <summary>BT-149 Item price base quantity (the price is per this many units; 1 when absent).</summary>
    public decimal? BaseQuantity { get; set; }

    /// <summary>BT-150 Item price base quantity unit of measure code.</summary>
    public string? BaseQuantityUnitCode { get; set; }
}

/// <summary>BG-30 Line VAT information.</summary>
public sealed class LineVat : ModelElement
{
    /// <summary>BT-151 Invoiced item VAT category code (UNCL 5305). Mandatory.</summary>
    public string? CategoryCode { get; set; }

    /// <summary>BT-152 Invoiced item VAT rate, in percent.</summary>
    public decimal? Rate { get; set; }
}

/// <summary>BG-31 Item information.</summary>
public sealed class Item : ModelElement
{
    /// <summary>BT-153 Item name. Mandatory.</summary>
    public string? Name { get; set; }

    /// <summary>BT-154 Item description.</summary>
    public string? Description { get; set; }

    /// <summary>BT-155 Item seller's identifier.</summary>
    public string? SellerId { get; set; }

    /// <summary>BT-156 Item buyer's identifier.</summary>
    public string? BuyerId { get; set; }

    /// <summary>BT-157 Item standard identifier (GTIN...), with its scheme (BT-157-1, e.g. <c>0160</c>).</summary>
    public Identifier? StandardId { get; set; }

    /// <summary>BT-158 Item classification identifiers, each with its list (BT-158-1) and list version (BT-158-2).</summary>
    public IList<ItemClassification> Classifications { get; init; } = [];

    /// <summary>BT-159 Item country of origin (ISO 3166-1 alpha-2).</summary>
    public string? CountryOfOrigin { get; set; }

    /// <summary>BG-32 Item attributes.</summary>
    public IList<ItemProperty> Attributes { get; init; } = [];
}

/// <summary>BT-158 Item classification identifier.</summary>
/// <param name="Code">The classification code.</param>
/// <param name="ListId">BT-158-1 Scheme identifier (UNTDID 7143: <c>STI</c>, <c>CV</c> for CPV...).</param>
/// <param name="ListVersionId">BT-158-2 Scheme version identifier.</param>
public sealed record ItemClassification(string Code, string? ListId = null, string? ListVersionId = null);

/// <summary>BG-32 Item attribute.</summary>
public sealed class ItemProperty : ModelElement
{
    /// <summary>BT-160 Item attribute name. Mandatory.</summary>
    public string? Name { get; set; }

    /// <summary>BT-161 Item attribute value. Mandatory.</summary>
    public string? Value { get; set; }
}
