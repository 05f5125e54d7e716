namespace Cantate.Invoicing.Model;

/// <summary>BG-10 Payee: the party that receives the payment when it is not the seller (factor...).</summary>
public sealed class Payee : ModelElement
{
    /// <summary>BT-59 Payee name. Mandatory in the group.</summary>
    public string? Name { get; set; }

    /// <summary>BT-60 Payee identifier, with its scheme (BT-60-1).</summary>
    public Identifier? Identifier { get; set; }

    /// <summary>BT-61 Payee legal registration identifier, with its scheme (BT-61-1).</summary>
    public Identifier? LegalRegistrationId { get; set; }
}

/// <summary>BG-11 Seller tax representative party.</summary>
public sealed class TaxRepresentative : ModelElement
{
    /// <summary>BT-62 Seller tax representative name.</summary>
    public string? Name { get; set; }

    /// <summary>BT-63 Seller tax representative VAT identifier.</summary>
    public string? VatId { get; set; }

    /// <summary>BG-12 Seller tax representative postal address.</summary>
    public PostalAddress? Address { get; set; }
}
