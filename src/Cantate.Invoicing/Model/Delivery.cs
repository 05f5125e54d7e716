namespace Cantate.Invoicing.Model;

/// <summary>BG-13 Delivery information.</summary>
public sealed class Delivery : ModelElement
{
    /// <summary>BT-70 Deliver to party name.</summary>
    public string? PartyName { get; set; }

    /// <summary>BT-71 Deliver to location identifier, with its scheme (BT-71-1).</summary>
    public Identifier? LocationId { get; set; }

    /// <summary>BT-72 Actual delivery date.</summary>
    public DateOnly? ActualDeliveryDate { get; set; }

    /// <summary>BG-15 Deliver to address.</summary>
    public PostalAddress? Address { get; set; }
}

/// <summary>A period: BG-14 invoicing period or BG-26 invoice line period.</summary>
public sealed class Period : ModelElement
{
    /// <summary>BT-73 / BT-134 Start date.</summary>
    public DateOnly? StartDate { get; set; }

    /// <summary>BT-74 / BT-135 End date.</summary>
    public DateOnly? EndDate { get; set; }
}
