namespace Cantate.Invoicing.Model;

/// <summary>BG-4 Seller: the party that supplies the goods or services and issues the invoice.</summary>
public sealed class Seller : ModelElement
{
    /// <summary>BT-27 Seller name (full formal name, "raison sociale"). Mandatory.</summary>
    public string? Name { get; set; }

    /// <summary>BT-28 Seller trading name ("nom commercial").</summary>
    public string? TradingName { get; set; }

    /// <summary>BT-29 Seller identifiers, each with its scheme (BT-29-1). A SEPA creditor identifier is BT-90, not here.</summary>
    public IList<Identifier> Identifiers { get; init; } = [];

    /// <summary>
    /// BT-30 Seller legal registration identifier, with its scheme (BT-30-1): in France the SIREN
    /// (scheme <c>0002</c>) or the SIRET (scheme <c>0009</c>).
    /// </summary>
    public Identifier? LegalRegistrationId { get; set; }

    /// <summary>BT-31 Seller VAT identifier (intra-community VAT number, e.g. <c>FR32123456789</c>).</summary>
    public string? VatId { get; set; }

    /// <summary>BT-32 Seller tax registration identifier (local tax id, when not VAT).</summary>
    public string? TaxRegistrationId { get; set; }

    /// <summary>BT-33 Seller additional legal information (legal form, share capital, RCS...).</summary>
    public string? AdditionalLegalInformation { get; set; }

    /// <summary>BT-34 Seller electronic address, with its EAS scheme (BT-34-1).</summary>
    public Identifier? ElectronicAddress { get; set; }

    /// <summary>BG-5 Seller postal address. Mandatory.</summary>
    public PostalAddress? Address { get; set; }

    /// <summary>BG-6 Seller contact.</summary>
    public Contact? Contact { get; set; }
}
