namespace Cantate.Invoicing.Model;

/// <summary>BG-7 Buyer: the party that receives the goods or services (for Chorus Pro, the public structure).</summary>
public sealed class Buyer : ModelElement
{
    /// <summary>BT-44 Buyer name. Mandatory.</summary>
    public string? Name { get; set; }

    /// <summary>BT-45 Buyer trading name.</summary>
    public string? TradingName { get; set; }

    /// <summary>BT-46 Buyer identifier, with its scheme (BT-46-1).</summary>
    public Identifier? Identifier { get; set; }

    /// <summary>
    /// BT-47 Buyer legal registration identifier, with its scheme (BT-47-1). For Chorus Pro this is the
    /// SIRET of the public structure, scheme <c>0009</c>; it is mandatory for public buyers.
    /// </summary>
    public Identifier? LegalRegistrationId { get; set; }

    /// <summary>BT-48 Buyer VAT identifier.</summary>
    public string? VatId { get; set; }

    /// <summary>BT-49 Buyer electronic address, with its EAS scheme (BT-49-1); Chorus Pro uses the SIRET with scheme <c>0009</c>.</summary>
    public Identifier? ElectronicAddress { get; set; }

    /// <summary>BG-8 Buyer postal address. Mandatory.</summary>
    public PostalAddress? Address { get; set; }

    /// <summary>BG-9 Buyer contact.</summary>
    public Contact? Contact { get; set; }
}
