namespace Cantate.Invoicing.Model;

/// <summary>
/// An invoice or credit note in the EN 16931 semantic model (the root group). Every business term (BT)
/// and group (BG) of EN 16931-1 has a property, named in English and documented with its BT/BG number.
/// Amounts and quantities are <see cref="decimal"/> and keep the scale they were written with; dates
/// are <see cref="DateOnly"/> (the standard has no time zones). Codes are kept as written, unchecked,
/// so that a validator can report them; nothing is validated on construction.
/// </summary>
public sealed class Invoice : ModelElement
{
    /// <summary>BT-1 Invoice number. Mandatory (Chorus Pro: at most 20 characters).</summary>
    public string? Number { get; set; }

    /// <summary>BT-2 Invoice issue date. Mandatory.</summary>
    public DateOnly? IssueDate { get; set; }

    /// <summary>
    /// BT-3 Invoice type code (UNTDID 1001): <c>380</c> commercial invoice, <c>381</c> credit note,
    /// <c>384</c> corrected invoice, <c>386</c> prepayment invoice, <c>389</c> self-billed invoice... Mandatory.
    /// Chorus Pro refuses 751, 389 and 261.
    /// </summary>
    public string? TypeCode { get; set; }

    /// <summary>BT-5 Invoice currency code (ISO 4217, e.g. <c>EUR</c>). Mandatory.</summary>
    public string? CurrencyCode { get; set; }

    /// <summary>BT-6 VAT accounting currency code, when VAT is accounted in another currency than BT-5.</summary>
    public string? VatAccountingCurrencyCode { get; set; }

    /// <summary>BT-7 Value added tax point date (date of the chargeable event, when it differs from the issue date).</summary>
    public DateOnly? VatPointDate { get; set; }

    /// <summary>BT-8 Value added tax point date code (UNTDID 2005: <c>3</c> issue date, <c>35</c> delivery date, <c>432</c> paid-to date).</summary>
    public string? VatPointDateCode { get; set; }

    /// <summary>BT-9 Payment due date.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>
    /// BT-10 Buyer reference. For Chorus Pro this is the <b>"service exécutant"</b> code of the public
    /// buyer (at most 100 characters, must exist in the Chorus Pro directory; mandatory for some buyers).
    /// </summary>
    public string? BuyerReference { get; set; }

    /// <summary>BT-11 Project reference.</summary>
    public string? ProjectReference { get; set; }

    /// <summary>BT-12 Contract reference ("numéro de marché").</summary>
    public string? ContractReference { get; set; }

    /// <summary>
    /// BT-13 Purchase order reference. For Chorus Pro this is the <b>"engagement juridique"</b> number
    /// (bon de commande, mandatory for some public buyers).
    /// </summary>
    public string? PurchaseOrderReference { get; set; }

    /// <summary>BT-14 Sales order reference.</summary>
    public string? SalesOrderReference { get; set; }

    /// <summary>BT-15 Receiving advice reference.</summary>
    public string? ReceivingAdviceReference { get; set; }

    /// <summary>BT-16 Despatch advice reference.</summary>
    public string? DespatchAdviceReference { get; set; }

    /// <summary>BT-17 Tender or lot reference.</summary>
    public string? TenderOrLotReference { get; set; }

    /// <summary>BT-18 Invoiced object identifier, with its scheme (BT-18-1, UNTDID 1153).</summary>
    public Identifier? InvoicedObjectId { get; set; }

    /// <summary>BT-19 Buyer accounting reference.</summary>
    public string? BuyerAccountingReference { get; set; }

    /// <summary>BT-20 Payment terms (free text, e.g. "30 jours fin de mois, pénalités de retard...").</summary>
    public string? PaymentTerms { get; set; }

    /// <summary>BG-1 Invoice notes.</summary>
    public IList<InvoiceNote> Notes { get; init; } = [];

    /// <summary>
    /// BT-23 Business process type (BG-2). For Chorus Pro this is the <b>"cadre de facturation"</b>:
    /// <c>A1</c> invoice deposited by a supplier, <c>A2</c> invoice already paid, <c>A9</c> subcontractor
    /// invoice, <c>A12</c> co-contractor invoice... (the French 2026 reform uses B1, S1, M1...).
    /// </summary>
    public string? BusinessProcessType { get; set; }

    /// <summary>
    /// BT-24 Specification identifier (BG-2), e.g. <c>urn:cen.eu:en16931:2017</c>; for Factur-X it names
    /// the profile (see <see cref="Cantate.Invoicing.FacturX.FacturXProfile"/>). Mandatory.
    /// </summary>
    public string? SpecificationId { get; set; }

    /// <summary>BG-3 Preceding invoice references.</summary>
    public IList<PrecedingInvoiceReference> PrecedingInvoices { get; init; } = [];

    /// <summary>BG-4 Seller. Mandatory.</summary>
    public Seller? Seller { get; set; }

    /// <summary>BG-7 Buyer. Mandatory.</summary>
    public Buyer? Buyer { get; set; }

    /// <summary>BG-10 Payee, when the payment goes to another party than the seller.</summary>
    public Payee? Payee { get; set; }

    /// <summary>BG-11 Seller tax representative party.</summary>
    public TaxRepresentative? TaxRepresentative { get; set; }

    /// <summary>BG-13 Delivery information.</summary>
    public Delivery? Delivery { get; set; }

    /// <summary>BG-14 Invoicing period.</summary>
    public Period? InvoicingPeriod { get; set; }

    /// <summary>BG-16 Payment instructions.</summary>
    public PaymentInstructions? PaymentInstructions { get; set; }

    /// <summary>BG-20 and BG-21 Document level allowances and charges, in document order.</summary>
    public IList<DocumentAllowanceCharge> AllowanceCharges { get; init; } = [];

    /// <summary>BG-22 Document totals. Mandatory.</summary>
    public DocumentTotals? Totals { get; set; }

    /// <summary>BG-23 VAT breakdown. At least one is mandatory.</summary>
    public IList<VatBreakdown> VatBreakdowns { get; init; } = [];

    /// <summary>BG-24 Additional supporting documents.</summary>
    public IList<SupportingDocument> SupportingDocuments { get; init; } = [];

    /// <summary>BG-25 Invoice lines. At least one is mandatory.</summary>
    public IList<InvoiceLine> Lines { get; init; } = [];

    /// <summary>BG-20 Document level allowances (the allowances among <see cref="AllowanceCharges"/>).</summary>
    public IEnumerable<DocumentAllowanceCharge> Allowances => AllowanceCharges.Where(a => !a.IsCharge);

    /// <summary>BG-21 Document level charges (the charges among <see cref="AllowanceCharges"/>).</summary>
    public IEnumerable<DocumentAllowanceCharge> Charges => AllowanceCharges.Where(a => a.IsCharge);

    /// <summary>
    /// True when <see cref="TypeCode"/> is one of the UNTDID 1001 credit note codes allowed in a UBL
    /// CreditNote (81, 83, 261, 262, 296, 308, 381, 396, 420, 458, 502, 503, 532).
    /// </summary>
    public bool IsCreditNote => TypeCode is not null && InvoiceTypeCodes.CreditNoteCodes.Contains(TypeCode);
}
