using System.Xml.Linq;
using Cantate.Invoicing.Model;
using static Cantate.Invoicing.Syntax.XmlWriting;

namespace Cantate.Invoicing.Syntax;

/// <summary>
/// Writes the EN 16931 model as an OASIS UBL 2.1 document, following CEN/TS 16931-3-2: an
/// <c>Invoice</c>, or a <c>CreditNote</c> when the type code (BT-3) is a credit note code.
/// Elements are written in schema order; absent terms produce no element, except where UBL requires an
/// element that EN 16931 leaves optional: the price discount (BT-147) is written as gross minus net price
/// when only the gross price (BT-148) is known, and the VAT total (BT-110) as the sum of the breakdown
/// amounts when it is absent.
/// </summary>
public static class UblWriter
{
    private static readonly XNamespace Cac = Namespaces.Cac;
    private static readonly XNamespace Cbc = Namespaces.Cbc;

    /// <summary>Writes the invoice as a new UBL document.</summary>
    public static XDocument Write(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var creditNote = invoice.IsCreditNote;
        var ns = creditNote ? Namespaces.UblCreditNote : Namespaces.UblInvoice;
        var currency = invoice.CurrencyCode;
        var payments = PaymentMeans(invoice, creditNote);

        var root = new XElement(
            ns + (creditNote ? "CreditNote" : "Invoice"),
            new XAttribute(XNamespace.Xmlns + "cac", Cac.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "cbc", Cbc.NamespaceName),
            Leaf(Cbc + "CustomizationID", invoice.SpecificationId),
            Leaf(Cbc + "ProfileID", invoice.BusinessProcessType),
            Leaf(Cbc + "ID", invoice.Number),
            Leaf(Cbc + "IssueDate", Date(invoice.IssueDate)),
            creditNote ? null : Leaf(Cbc + "DueDate", Date(invoice.DueDate)),
            creditNote ? Leaf(Cbc + "TaxPointDate", Date(invoice.VatPointDate)) : null,
            Leaf(Cbc + (creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode"), invoice.TypeCode),
            invoice.Notes.Select(n => Leaf(Cbc + "Note", n.SubjectCode is null ? n.Text : $"#{n.SubjectCode}#{n.Text}")),
            creditNote ? null : Leaf(Cbc + "TaxPointDate", Date(invoice.VatPointDate)),
            Leaf(Cbc + "DocumentCurrencyCode", currency),
            Leaf(Cbc + "TaxCurrencyCode", invoice.VatAccountingCurrencyCode),
            Leaf(Cbc + "AccountingCost", invoice.BuyerAccountingReference),
            Leaf(Cbc + "BuyerReference", invoice.BuyerReference),
            Period(invoice.InvoicingPeriod, invoice.VatPointDateCode),
            OrderReference(invoice),
            invoice.PrecedingInvoices.Select(p => Group(
                Cac + "BillingReference",
                Group(Cac + "InvoiceDocumentReference", Leaf(Cbc + "ID", p.Number), Leaf(Cbc + "IssueDate", Date(p.IssueDate))))),
            Reference("DespatchDocumentReference", invoice.DespatchAdviceReference),
            Reference("ReceiptDocumentReference", invoice.ReceivingAdviceReference),
            creditNote ? null : Reference("OriginatorDocumentReference", invoice.TenderOrLotReference),
            Reference("ContractDocumentReference", invoice.ContractReference),
            AdditionalDocuments(invoice, creditNote),
            creditNote ? Reference("OriginatorDocumentReference", invoice.TenderOrLotReference) : null,
            creditNote ? null : Reference("ProjectReference", invoice.ProjectReference),
            Group(Cac + "AccountingSupplierParty", Seller(invoice)),
            Group(Cac + "AccountingCustomerParty", Buyer(invoice.Buyer)),
            Payee(invoice),
            TaxRepresentative(invoice.TaxRepresentative),
            Delivery(invoice.Delivery),
            payments,
            Group(Cac + "PaymentTerms", Leaf(Cbc + "Note", invoice.PaymentTerms)),
            invoice.AllowanceCharges.Select(a => AllowanceCharge(
                a.IsCharge, a.ReasonCode, a.Reason, a.Percentage, a.Amount, a.BaseAmount, currency,
                Group(Cac + "TaxCategory", Leaf(Cbc + "ID", a.VatCategoryCode), Leaf(Cbc + "Percent", a.VatRate), VatScheme()))),
            TaxTotals(invoice),
            MonetaryTotal(invoice.Totals, currency),
            invoice.Lines.Select(l => Line(l, creditNote, currency)));

        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
    }

    private static string? Date(DateOnly? date) => date is null ? null : IsoDate(date.Value);

    private static XAttribute? Currency(string? currency) => Attr("currencyID", currency);

    private static XElement? Amount(string name, decimal? value, string? currency) => Leaf(Cbc + name, value, Currency(currency));

    private static XElement? Reference(string name, string? id) => Group(Cac + name, Leaf(Cbc + "ID", id));

    private static XElement VatScheme() => new(Cac + "TaxScheme", new XElement(Cbc + "ID", "VAT"));

    private static XElement? Period(Period? period, string? descriptionCode) => Group(
        Cac + "InvoicePeriod",
        Leaf(Cbc + "StartDate", Date(period?.StartDate)),
        Leaf(Cbc + "EndDate", Date(period?.EndDate)),
        Leaf(Cbc + "DescriptionCode", descriptionCode));

    private static XElement? OrderReference(Invoice invoice)
    {
        if (invoice.PurchaseOrderReference is null && invoice.SalesOrderReference is null)
        {
            return null;
        }

        // UBL requires OrderReference/ID; the binding writes "NA" when only the sales order is known.
        return new XElement(
            Cac + "OrderReference",
            new XElement(Cbc + "ID", invoice.PurchaseOrderReference ?? "NA"),
            Leaf(Cbc + "SalesOrderID", invoice.SalesOrderReference));
    }

    private static IEnumerable<XElement?> AdditionalDocuments(Invoice invoice, bool creditNote)
    {
        foreach (var document in invoice.SupportingDocuments)
        {
            yield return Group(
                Cac + "AdditionalDocumentReference",
                Leaf(Cbc + "ID", document.Reference),
                Leaf(Cbc + "DocumentDescription", document.Description),
                Group(
                    Cac + "Attachment",
                    document.Attachment is { } a
                        ? new XElement(Cbc + "EmbeddedDocumentBinaryObject", Attr("mimeCode", a.MimeCode), Attr("filename", a.FileName), Binary.Write(a))
                        : null,
                    Group(Cac + "ExternalReference", Leaf(Cbc + "URI", document.ExternalLocation))));
        }

        if (invoice.InvoicedObjectId is { } objectId)
        {
            yield return new XElement(Cac + "AdditionalDocumentReference", Id(Cbc + "ID", objectId), new XElement(Cbc + "DocumentTypeCode", "130"));
        }

        if (creditNote && invoice.ProjectReference is { } project)
        {
            yield return new XElement(Cac + "AdditionalDocumentReference", new XElement(Cbc + "ID", project), new XElement(Cbc + "DocumentTypeCode", "50"));
        }
    }

    private static XElement? Address(XName name, PostalAddress? address) => address is null ? null : Group(
        name,
        Leaf(Cbc + "StreetName", address.Line1),
        Leaf(Cbc + "AdditionalStreetName", address.Line2),
        Leaf(Cbc + "CityName", address.City),
        Leaf(Cbc + "PostalZone", address.PostCode),
        Leaf(Cbc + "CountrySubentity", address.CountrySubdivision),
        Group(Cac + "AddressLine", Leaf(Cbc + "Line", address.Line3)),
        Group(Cac + "Country", Leaf(Cbc + "IdentificationCode", address.CountryCode)));

    private static XElement? Contact(Contact? contact) => contact is null ? null : Group(
        Cac + "Contact",
        Leaf(Cbc + "Name", contact.Name),
        Leaf(Cbc + "Telephone", contact.Telephone),
        Leaf(Cbc + "ElectronicMail", contact.Email));

    private static XElement? PartyIdentification(Identifier? id) => Group(Cac + "PartyIdentification", Id(Cbc + "ID", id));

    private static XElement? TaxScheme(string? companyId, string scheme) => companyId is null ? null : new XElement(
        Cac + "PartyTaxScheme",
        new XElement(Cbc + "CompanyID", companyId),
        new XElement(Cac + "TaxScheme", new XElement(Cbc + "ID", scheme)));

    private static string? SepaCreditorId(Invoice invoice) => invoice.PaymentInstructions?.DirectDebit?.CreditorId;

    private static XElement? Seller(Invoice invoice)
    {
        var seller = invoice.Seller;
        if (seller is null)
        {
            return null;
        }

        // BT-90 goes with the payee when there is one, else with the seller.
        var sepa = invoice.Payee is null ? SepaCreditorId(invoice) : null;
        return Group(
            Cac + "Party",
            Id(Cbc + "EndpointID", seller.ElectronicAddress),
            seller.Identifiers.Select(PartyIdentification),
            PartyIdentification(sepa is null ? null : new Identifier(sepa, "SEPA")),
            Group(Cac + "PartyName", Leaf(Cbc + "Name", seller.TradingName)),
            Address(Cac + "PostalAddress", seller.Address),
            TaxScheme(seller.VatId, "VAT"),
            TaxScheme(seller.TaxRegistrationId, "TAX"),
            Group(
                Cac + "PartyLegalEntity",
                Leaf(Cbc + "RegistrationName", seller.Name),
                Id(Cbc + "CompanyID", seller.LegalRegistrationId),
                Leaf(Cbc + "CompanyLegalForm", seller.AdditionalLegalInformation)),
            Contact(seller.Contact));
    }

    private static XElement? Buyer(Buyer? buyer) => buyer is null ? null : Group(
        Cac + "Party",
        Id(Cbc + "EndpointID", buyer.ElectronicAddress),
        PartyIdentification(buyer.Identifier),
        Group(Cac + "PartyName", Leaf(Cbc + "Name", buyer.TradingName)),
        Address(Cac + "PostalAddress", buyer.Address),
        TaxScheme(buyer.VatId, "VAT"),
        Group(
            Cac + "PartyLegalEntity",
            Leaf(Cbc + "RegistrationName", buyer.Name),
            Id(Cbc + "CompanyID", buyer.LegalRegistrationId)),
        Contact(buyer.Contact));

    private static XElement? Payee(Invoice invoice)
    {
        var payee = invoice.Payee;
        if (payee is null)
        {
            return null;
        }

        var sepa = SepaCreditorId(invoice);
        return Group(
            Cac + "PayeeParty",
            PartyIdentification(payee.Identifier),
            PartyIdentification(sepa is null ? null : new Identifier(sepa, "SEPA")),
            Group(Cac + "PartyName", Leaf(Cbc + "Name", payee.Name)),
            Group(Cac + "PartyLegalEntity", Id(Cbc + "CompanyID", payee.LegalRegistrationId)));
    }

    private static XElement? TaxRepresentative(TaxRepresentative? representative) => representative is null ? null : Group(
        Cac + "TaxRepresentativeParty",
        Group(Cac + "PartyName", Leaf(Cbc + "Name", representative.Name)),
        Address(Cac + "PostalAddress", representative.Address),
        TaxScheme(representative.VatId, "VAT"));

    private static XElement? Delivery(Delivery? delivery) => delivery is null ? null : Group(
        Cac + "Delivery",
        Leaf(Cbc + "ActualDeliveryDate", Date(delivery.ActualDeliveryDate)),
        Group(Cac + "DeliveryLocation", Id(Cbc + "ID", delivery.LocationId), Address(Cac + "Address", delivery.Address)),
        Group(Cac + "DeliveryParty", Group(Cac + "PartyName", Leaf(Cbc + "Name", delivery.PartyName))));

    private static IEnumerable<XElement> PaymentMeans(Invoice invoice, bool creditNote)
    {
        var instructions = invoice.PaymentInstructions;
        // A UBL CreditNote has no DueDate: BT-9 goes to PaymentMeans/PaymentDueDate.
        var dueDate = creditNote ? Date(invoice.DueDate) : null;
        if (instructions is null)
        {
            if (dueDate is not null)
            {
                yield return new XElement(Cac + "PaymentMeans", new XElement(Cbc + "PaymentMeansCode", "1"), new XElement(Cbc + "PaymentDueDate", dueDate));
            }

            yield break;
        }

        // One PaymentMeans per account; the first also carries the card and the mandate.
        var accounts = instructions.CreditTransfers.Count == 0 ? [null] : instructions.CreditTransfers.Cast<CreditTransfer?>().ToList();
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            var first = i == 0;
            var debit = first ? instructions.DirectDebit : null;
            var means = Group(
                Cac + "PaymentMeans",
                Leaf(Cbc + "PaymentMeansCode", instructions.MeansCode, Attr("name", instructions.MeansText)),
                first ? Leaf(Cbc + "PaymentDueDate", dueDate) : null,
                Leaf(Cbc + "PaymentID", instructions.RemittanceInformation),
                first && instructions.Card is { } card
                    ? Group(
                        Cac + "CardAccount",
                        Leaf(Cbc + "PrimaryAccountNumberID", card.PrimaryAccountNumber),
                        new XElement(Cbc + "NetworkID", "NA"),
                        Leaf(Cbc + "HolderName", card.HolderName))
                    : null,
                account is null ? null : Group(
                    Cac + "PayeeFinancialAccount",
                    Leaf(Cbc + "ID", account.AccountId),
                    Leaf(Cbc + "Name", account.AccountName),
                    Group(Cac + "FinancialInstitutionBranch", Leaf(Cbc + "ID", account.ServiceProviderId))),
                debit is null ? null : Group(
                    Cac + "PaymentMandate",
                    Leaf(Cbc + "ID", debit.MandateReference),
                    Group(Cac + "PayerFinancialAccount", Leaf(Cbc + "ID", debit.DebitedAccountId))));
            if (means is not null)
            {
                yield return means;
            }
        }
    }

    private static XElement AllowanceCharge(
        bool isCharge, string? reasonCode, string? reason, decimal? percentage, decimal? amount, decimal? baseAmount, string? currency, XElement? taxCategory) => new(
        Cac + "AllowanceCharge",
        new XElement(Cbc + "ChargeIndicator", isCharge ? "true" : "false"),
        Leaf(Cbc + "AllowanceChargeReasonCode", reasonCode),
        Leaf(Cbc + "AllowanceChargeReason", reason),
        Leaf(Cbc + "MultiplierFactorNumeric", percentage),
        Amount("Amount", amount, currency),
        Amount("BaseAmount", baseAmount, currency),
        taxCategory);

    private static IEnumerable<XElement> TaxTotals(Invoice invoice)
    {
        var currency = invoice.CurrencyCode;
        var totals = invoice.Totals;
        if (totals?.VatTotal is not null || invoice.VatBreakdowns.Count > 0)
        {
            yield return new XElement(
                Cac + "TaxTotal",
                // cbc:TaxAmount is mandatory: without BT-110 the sum of the breakdown (BR-CO-14) is written.
                Amount("TaxAmount", totals?.VatTotal ?? invoice.VatBreakdowns.Sum(v => v.TaxAmount ?? 0m), currency),
                invoice.VatBreakdowns.Select(v => new XElement(
                    Cac + "TaxSubtotal",
                    Amount("TaxableAmount", v.TaxableAmount, currency),
                    Amount("TaxAmount", v.TaxAmount, currency),
                    Group(
                        Cac + "TaxCategory",
                        Leaf(Cbc + "ID", v.CategoryCode),
                        Leaf(Cbc + "Percent", v.Rate),
                        Leaf(Cbc + "TaxExemptionReasonCode", v.ExemptionReasonCode),
                        Leaf(Cbc + "TaxExemptionReason", v.ExemptionReason),
                        VatScheme()))));
        }

        if (totals?.VatTotalInAccountingCurrency is not null)
        {
            yield return new XElement(Cac + "TaxTotal", Amount("TaxAmount", totals.VatTotalInAccountingCurrency, invoice.VatAccountingCurrencyCode));
        }
    }

    private static XElement? MonetaryTotal(DocumentTotals? totals, string? currency) => totals is null ? null : Group(
        Cac + "LegalMonetaryTotal",
        Amount("LineExtensionAmount", totals.LineNetTotal, currency),
        Amount("TaxExclusiveAmount", totals.TaxExclusiveAmount, currency),
        Amount("TaxInclusiveAmount", totals.TaxInclusiveAmount, currency),
        Amount("AllowanceTotalAmount", totals.AllowanceTotal, currency),
        Amount("ChargeTotalAmount", totals.ChargeTotal, currency),
        Amount("PrepaidAmount", totals.PaidAmount, currency),
        Amount("PayableRoundingAmount", totals.RoundingAmount, currency),
        Amount("PayableAmount", totals.AmountDue, currency));

    private static XElement Line(InvoiceLine line, bool creditNote, string? currency)
    {
        var item = line.Item;
        var price = line.Price;
        return new XElement(
            Cac + (creditNote ? "CreditNoteLine" : "InvoiceLine"),
            Leaf(Cbc + "ID", line.Id),
            Leaf(Cbc + "Note", line.Note),
            Leaf(Cbc + (creditNote ? "CreditedQuantity" : "InvoicedQuantity"), line.Quantity, Attr("unitCode", line.UnitCode)),
            Amount("LineExtensionAmount", line.NetAmount, currency),
            Leaf(Cbc + "AccountingCost", line.BuyerAccountingReference),
            Period(line.Period, null),
            Group(Cac + "OrderLineReference", Leaf(Cbc + "LineID", line.OrderLineReference)),
            line.ObjectId is null ? null : new XElement(Cac + "DocumentReference", Id(Cbc + "ID", line.ObjectId), new XElement(Cbc + "DocumentTypeCode", "130")),
            line.AllowanceCharges.Select(a => AllowanceCharge(a.IsCharge, a.ReasonCode, a.Reason, a.Percentage, a.Amount, a.BaseAmount, currency, null)),
            item is null && line.Vat is null ? null : new XElement(
                Cac + "Item",
                Leaf(Cbc + "Description", item?.Description),
                Leaf(Cbc + "Name", item?.Name),
                Group(Cac + "BuyersItemIdentification", Leaf(Cbc + "ID", item?.BuyerId)),
                Group(Cac + "SellersItemIdentification", Leaf(Cbc + "ID", item?.SellerId)),
                Group(Cac + "StandardItemIdentification", Id(Cbc + "ID", item?.StandardId)),
                Group(Cac + "OriginCountry", Leaf(Cbc + "IdentificationCode", item?.CountryOfOrigin)),
                item?.Classifications.Select(c => new XElement(
                    Cac + "CommodityClassification",
                    Leaf(Cbc + "ItemClassificationCode", c.Code, Attr("listID", c.ListId), Attr("listVersionID", c.ListVersionId)))),
                line.Vat is null ? null : new XElement(
                    Cac + "ClassifiedTaxCategory",
                    Leaf(Cbc + "ID", line.Vat.CategoryCode),
                    Leaf(Cbc + "Percent", line.Vat.Rate),
                    VatScheme()),
                item?.Attributes.Select(p => Group(Cac + "AdditionalItemProperty", Leaf(Cbc + "Name", p.Name), Leaf(Cbc + "Value", p.Value)))),
            price is null ? null : Group(
                Cac + "Price",
                Amount("PriceAmount", price.NetPrice, currency),
                Leaf(Cbc + "BaseQuantity", price.BaseQuantity, Attr("unitCode", price.BaseQuantityUnitCode)),
                price.Discount is null && price.GrossPrice is null ? null : new XElement(
                    Cac + "AllowanceCharge",
                    new XElement(Cbc + "ChargeIndicator", "false"),
                    // cbc:Amount is mandatory: a gross price without discount means discount = gross - net.
                    Amount("Amount", price.Discount ?? price.GrossPrice - price.NetPrice, currency),
                    Amount("BaseAmount", price.GrossPrice, currency))));
    }
}
