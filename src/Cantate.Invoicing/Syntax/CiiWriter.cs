using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cantate.Invoicing.Model;
using static Cantate.Invoicing.Syntax.XmlWriting;

namespace Cantate.Invoicing.Syntax;

/// <summary>
/// Writes the EN 16931 model as a UN/CEFACT Cross Industry Invoice following CEN/TS 16931-3-3 (D16B). The
/// result is also valid D22B, the superset Factur-X 1.07+ uses. Elements are written in schema order.
/// Two limits of the syntax: D16B (and the Factur-X EN 16931 profile) allow one preceding invoice
/// reference (BG-3) only, so by default only the first is written; <see cref="CiiVersion.D22B"/> writes
/// them all. A price discount (BT-147) without gross price (BT-148) is written with gross = net + discount,
/// since CII requires the gross amount.
/// </summary>
public static partial class CiiWriter
{
    /// <summary>Writes the invoice as a new CII D16B document (also valid D22B).</summary>
    public static XDocument Write(Invoice invoice) => Write(invoice, CiiVersion.D16B);

    private static readonly XNamespace Rsm = Namespaces.Rsm;
    private static readonly XNamespace Ram = Namespaces.Ram;
    private static readonly XNamespace Udt = Namespaces.Udt;
    private static readonly XNamespace Qdt = Namespaces.Qdt;

    /// <summary>Writes the invoice as a new CII document of the given version.</summary>
    public static XDocument Write(Invoice invoice, CiiVersion version)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var currency = invoice.CurrencyCode;
        var root = new XElement(
            Rsm + "CrossIndustryInvoice",
            new XAttribute(XNamespace.Xmlns + "rsm", Rsm.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "qdt", Qdt.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "ram", Ram.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "udt", Udt.NamespaceName),
            new XElement(
                Rsm + "ExchangedDocumentContext",
                Group(Ram + "BusinessProcessSpecifiedDocumentContextParameter", Leaf(Ram + "ID", invoice.BusinessProcessType)),
                new XElement(Ram + "GuidelineSpecifiedDocumentContextParameter", Leaf(Ram + "ID", invoice.SpecificationId))),
            new XElement(
                Rsm + "ExchangedDocument",
                Leaf(Ram + "ID", invoice.Number),
                Leaf(Ram + "TypeCode", invoice.TypeCode),
                DateTime(Ram + "IssueDateTime", invoice.IssueDate),
                invoice.Notes.Select(n => Group(Ram + "IncludedNote", Leaf(Ram + "Content", n.Text), Leaf(Ram + "SubjectCode", n.SubjectCode)))),
            new XElement(
                Rsm + "SupplyChainTradeTransaction",
                invoice.Lines.Select(Line),
                Agreement(invoice),
                Delivery(invoice),
                Settlement(invoice, version)));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
    }

    private static XElement? DateTime(XName name, DateOnly? date, XNamespace? valueNamespace = null, string valueName = "DateTimeString") =>
        date is null
            ? null
            : new XElement(name, new XElement((valueNamespace ?? Udt) + valueName, new XAttribute("format", "102"), CiiDate(date.Value)));

    private static XElement? Amount(string name, decimal? value, string? currency = null) =>
        Leaf(Ram + name, value, Attr("currencyID", currency));

    private static XElement? Document(string name, string? issuerAssignedId) =>
        Group(Ram + name, Leaf(Ram + "IssuerAssignedID", issuerAssignedId));

    /// <summary>
    /// Identifiers without a scheme are ram:ID, those with a scheme ram:GlobalID. The schema wants every ID
    /// before the first GlobalID, so an ID that follows a GlobalID in the model is written as a GlobalID
    /// without scheme attribute, which keeps the order and reads back the same.
    /// </summary>
    private static IEnumerable<XElement?> PartyIds(IEnumerable<Identifier> ids)
    {
        var global = false;
        foreach (var id in ids)
        {
            global |= id.SchemeId is not null;
            yield return global ? Id(Ram + "GlobalID", id) : Leaf(Ram + "ID", id.Value);
        }
    }

    private static XElement? TaxRegistration(string? id, string scheme) =>
        id is null ? null : new XElement(Ram + "SpecifiedTaxRegistration", new XElement(Ram + "ID", new XAttribute("schemeID", scheme), id));

    private static XElement? Address(PostalAddress? address) => address is null ? null : new XElement(
        Ram + "PostalTradeAddress",
        Leaf(Ram + "PostcodeCode", address.PostCode),
        Leaf(Ram + "LineOne", address.Line1),
        Leaf(Ram + "LineTwo", address.Line2),
        Leaf(Ram + "LineThree", address.Line3),
        Leaf(Ram + "CityName", address.City),
        Leaf(Ram + "CountryID", address.CountryCode),
        Leaf(Ram + "CountrySubDivisionName", address.CountrySubdivision));

    private static XElement? Contact(Contact? contact) => contact is null ? null : new XElement(
        Ram + "DefinedTradeContact",
        Leaf(Ram + "PersonName", contact.Name),
        Group(Ram + "TelephoneUniversalCommunication", Leaf(Ram + "CompleteNumber", contact.Telephone)),
        Group(Ram + "EmailURIUniversalCommunication", Leaf(Ram + "URIID", contact.Email)));

    private static XElement? Party(
        string name, string? partyName, IEnumerable<Identifier> ids, string? description, Identifier? legalId, string? tradingName,
        Contact? contact, PostalAddress? address, Identifier? electronicAddress, string? vatId, string? taxId) => new(
        Ram + name,
        PartyIds(ids),
        Leaf(Ram + "Name", partyName),
        Leaf(Ram + "Description", description),
        Group(Ram + "SpecifiedLegalOrganization", Id(Ram + "ID", legalId), Leaf(Ram + "TradingBusinessName", tradingName)),
        Contact(contact),
        Address(address),
        Group(Ram + "URIUniversalCommunication", Id(Ram + "URIID", electronicAddress)),
        TaxRegistration(vatId, "VA"),
        TaxRegistration(taxId, "FC"));

    private static XElement Agreement(Invoice invoice)
    {
        var seller = invoice.Seller;
        var buyer = invoice.Buyer;
        var representative = invoice.TaxRepresentative;
        return new XElement(
            Ram + "ApplicableHeaderTradeAgreement",
            Leaf(Ram + "BuyerReference", invoice.BuyerReference),
            seller is null ? null : Party(
                "SellerTradeParty", seller.Name, seller.Identifiers, seller.AdditionalLegalInformation, seller.LegalRegistrationId, seller.TradingName,
                seller.Contact, seller.Address, seller.ElectronicAddress, seller.VatId, seller.TaxRegistrationId),
            buyer is null ? null : Party(
                "BuyerTradeParty", buyer.Name, buyer.Identifier is null ? [] : [buyer.Identifier], null, buyer.LegalRegistrationId, buyer.TradingName,
                buyer.Contact, buyer.Address, buyer.ElectronicAddress, buyer.VatId, null),
            representative is null ? null : Party(
                "SellerTaxRepresentativeTradeParty", representative.Name, [], null, null, null, null, representative.Address, null, representative.VatId, null),
            Document("SellerOrderReferencedDocument", invoice.SalesOrderReference),
            Document("BuyerOrderReferencedDocument", invoice.PurchaseOrderReference),
            Document("ContractReferencedDocument", invoice.ContractReference),
            invoice.SupportingDocuments.Select(d => Group(
                Ram + "AdditionalReferencedDocument",
                Leaf(Ram + "IssuerAssignedID", d.Reference),
                Leaf(Ram + "URIID", d.ExternalLocation),
                new XElement(Ram + "TypeCode", "916"),
                Leaf(Ram + "Name", d.Description),
                d.Attachment is { } a
                    ? new XElement(Ram + "AttachmentBinaryObject", Attr("mimeCode", a.MimeCode), Attr("filename", a.FileName), Binary.Write(a))
                    : null)),
            invoice.TenderOrLotReference is null ? null : new XElement(
                Ram + "AdditionalReferencedDocument",
                new XElement(Ram + "IssuerAssignedID", invoice.TenderOrLotReference),
                new XElement(Ram + "TypeCode", "50")),
            ObjectReference(invoice.InvoicedObjectId),
            invoice.ProjectReference is null ? null : new XElement(
                Ram + "SpecifiedProcuringProject",
                new XElement(Ram + "ID", invoice.ProjectReference),
                new XElement(Ram + "Name", "Project reference")));
    }

    private static XElement? ObjectReference(Identifier? objectId) => objectId is null ? null : new XElement(
        Ram + "AdditionalReferencedDocument",
        new XElement(Ram + "IssuerAssignedID", objectId.Value),
        new XElement(Ram + "TypeCode", "130"),
        Leaf(Ram + "ReferenceTypeCode", objectId.SchemeId));

    private static XElement Delivery(Invoice invoice)
    {
        var delivery = invoice.Delivery;
        return new XElement(
            Ram + "ApplicableHeaderTradeDelivery",
            delivery is null ? null : Group(
                Ram + "ShipToTradeParty",
                PartyIds(delivery.LocationId is null ? [] : [delivery.LocationId]),
                Leaf(Ram + "Name", delivery.PartyName),
                Address(delivery.Address)),
            Group(Ram + "ActualDeliverySupplyChainEvent", DateTime(Ram + "OccurrenceDateTime", delivery?.ActualDeliveryDate)),
            Document("DespatchAdviceReferencedDocument", invoice.DespatchAdviceReference),
            Document("ReceivingAdviceReferencedDocument", invoice.ReceivingAdviceReference));
    }

    private static XElement Settlement(Invoice invoice, CiiVersion version)
    {
        var currency = invoice.CurrencyCode;
        var instructions = invoice.PaymentInstructions;
        var payee = invoice.Payee;
        var totals = invoice.Totals;
        return new XElement(
            Ram + "ApplicableHeaderTradeSettlement",
            Leaf(Ram + "CreditorReferenceID", instructions?.DirectDebit?.CreditorId),
            Leaf(Ram + "PaymentReference", instructions?.RemittanceInformation),
            Leaf(Ram + "TaxCurrencyCode", invoice.VatAccountingCurrencyCode),
            Leaf(Ram + "InvoiceCurrencyCode", currency),
            payee is null ? null : Party(
                "PayeeTradeParty", payee.Name, payee.Identifier is null ? [] : [payee.Identifier], null, payee.LegalRegistrationId, null,
                null, null, null, null, null),
            PaymentMeans(instructions),
            invoice.VatBreakdowns.Select(v => new XElement(
                Ram + "ApplicableTradeTax",
                Amount("CalculatedAmount", v.TaxAmount),
                new XElement(Ram + "TypeCode", "VAT"),
                Leaf(Ram + "ExemptionReason", v.ExemptionReason),
                Amount("BasisAmount", v.TaxableAmount),
                Leaf(Ram + "CategoryCode", v.CategoryCode),
                Leaf(Ram + "ExemptionReasonCode", v.ExemptionReasonCode),
                DateTime(Ram + "TaxPointDate", invoice.VatPointDate, Udt, "DateString"),
                Leaf(Ram + "DueDateTypeCode", VatPointDateCodes.ToCii(invoice.VatPointDateCode)),
                Leaf(Ram + "RateApplicablePercent", v.Rate))),
            Period(invoice.InvoicingPeriod),
            invoice.AllowanceCharges.Select(a => AllowanceCharge(
                a.IsCharge, a.Percentage, a.BaseAmount, a.Amount, a.ReasonCode, a.Reason,
                new XElement(
                    Ram + "CategoryTradeTax",
                    new XElement(Ram + "TypeCode", "VAT"),
                    Leaf(Ram + "CategoryCode", a.VatCategoryCode),
                    Leaf(Ram + "RateApplicablePercent", a.VatRate)))),
            Group(
                Ram + "SpecifiedTradePaymentTerms",
                Leaf(Ram + "Description", invoice.PaymentTerms),
                DateTime(Ram + "DueDateDateTime", invoice.DueDate),
                Leaf(Ram + "DirectDebitMandateID", instructions?.DirectDebit?.MandateReference)),
            totals is null ? null : new XElement(
                Ram + "SpecifiedTradeSettlementHeaderMonetarySummation",
                Amount("LineTotalAmount", totals.LineNetTotal),
                Amount("ChargeTotalAmount", totals.ChargeTotal),
                Amount("AllowanceTotalAmount", totals.AllowanceTotal),
                Amount("TaxBasisTotalAmount", totals.TaxExclusiveAmount),
                Amount("TaxTotalAmount", totals.VatTotal, currency),
                Amount("TaxTotalAmount", totals.VatTotalInAccountingCurrency, invoice.VatAccountingCurrencyCode),
                Amount("RoundingAmount", totals.RoundingAmount),
                Amount("GrandTotalAmount", totals.TaxInclusiveAmount),
                Amount("TotalPrepaidAmount", totals.PaidAmount),
                Amount("DuePayableAmount", totals.AmountDue)),
            invoice.PrecedingInvoices.Take(version == CiiVersion.D16B ? 1 : int.MaxValue).Select(p => Group(
                Ram + "InvoiceReferencedDocument",
                Leaf(Ram + "IssuerAssignedID", p.Number),
                DateTime(Ram + "FormattedIssueDateTime", p.IssueDate, Qdt))),
            Group(Ram + "ReceivableSpecifiedTradeAccountingAccount", Leaf(Ram + "ID", invoice.BuyerAccountingReference)));
    }

    private static XElement? Period(Period? period) => period is null ? null : Group(
        Ram + "BillingSpecifiedPeriod",
        DateTime(Ram + "StartDateTime", period.StartDate),
        DateTime(Ram + "EndDateTime", period.EndDate));

    private static IEnumerable<XElement> PaymentMeans(PaymentInstructions? instructions)
    {
        if (instructions is null)
        {
            yield break;
        }

        // One payment means per account; the first also carries the card and the debited account.
        var accounts = instructions.CreditTransfers.Count == 0 ? [null] : instructions.CreditTransfers.Cast<CreditTransfer?>().ToList();
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            var first = i == 0;
            var means = Group(
                Ram + "SpecifiedTradeSettlementPaymentMeans",
                Leaf(Ram + "TypeCode", instructions.MeansCode),
                Leaf(Ram + "Information", instructions.MeansText),
                first && instructions.Card is { } card
                    ? Group(Ram + "ApplicableTradeSettlementFinancialCard", Leaf(Ram + "ID", card.PrimaryAccountNumber), Leaf(Ram + "CardholderName", card.HolderName))
                    : null,
                first ? Group(Ram + "PayerPartyDebtorFinancialAccount", Account(instructions.DirectDebit?.DebitedAccountId)) : null,
                account is null ? null : CreditorAccount(account),
                account is null ? null : Group(Ram + "PayeeSpecifiedCreditorFinancialInstitution", Leaf(Ram + "BICID", account.ServiceProviderId)));
            if (means is not null)
            {
                yield return means;
            }
        }
    }

    /// <summary>An IBAN goes to ram:IBANID, any other account number to ram:ProprietaryID.</summary>
    private static XElement? Account(string? accountId) =>
        accountId is null ? null : new XElement(Ram + (IsIban(accountId) ? "IBANID" : "ProprietaryID"), accountId);

    private static bool IsIban(string accountId) => IbanShape().IsMatch(accountId);

    private static XElement? CreditorAccount(CreditTransfer account)
    {
        var iban = account.AccountId is { } id && IsIban(id);
        return Group(
            Ram + "PayeePartyCreditorFinancialAccount",
            iban ? Leaf(Ram + "IBANID", account.AccountId) : null,
            Leaf(Ram + "AccountName", account.AccountName),
            iban ? null : Leaf(Ram + "ProprietaryID", account.AccountId));
    }

    [GeneratedRegex("^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$")]
    private static partial Regex IbanShape();

    private static XElement AllowanceCharge(
        bool isCharge, decimal? percentage, decimal? baseAmount, decimal? amount, string? reasonCode, string? reason, XElement? category) => new(
        Ram + "SpecifiedTradeAllowanceCharge",
        new XElement(Ram + "ChargeIndicator", new XElement(Udt + "Indicator", isCharge ? "true" : "false")),
        Leaf(Ram + "CalculationPercent", percentage),
        Amount("BasisAmount", baseAmount),
        Amount("ActualAmount", amount),
        Leaf(Ram + "ReasonCode", reasonCode),
        Leaf(Ram + "Reason", reason),
        category);

    private static XElement Line(InvoiceLine line)
    {
        var item = line.Item;
        var price = line.Price;
        return new XElement(
            Ram + "IncludedSupplyChainTradeLineItem",
            new XElement(
                Ram + "AssociatedDocumentLineDocument",
                Leaf(Ram + "LineID", line.Id),
                Group(Ram + "IncludedNote", Leaf(Ram + "Content", line.Note))),
            item is null ? null : new XElement(
                Ram + "SpecifiedTradeProduct",
                Id(Ram + "GlobalID", item.StandardId),
                Leaf(Ram + "SellerAssignedID", item.SellerId),
                Leaf(Ram + "BuyerAssignedID", item.BuyerId),
                Leaf(Ram + "Name", item.Name),
                Leaf(Ram + "Description", item.Description),
                item.Attributes.Select(p => Group(Ram + "ApplicableProductCharacteristic", Leaf(Ram + "Description", p.Name), Leaf(Ram + "Value", p.Value))),
                item.Classifications.Select(c => new XElement(
                    Ram + "DesignatedProductClassification",
                    new XElement(Ram + "ClassCode", Attr("listID", c.ListId), Attr("listVersionID", c.ListVersionId), c.Code))),
                Group(Ram + "OriginTradeCountry", Leaf(Ram + "ID", item.CountryOfOrigin))),
            new XElement(
                Ram + "SpecifiedLineTradeAgreement",
                Group(Ram + "BuyerOrderReferencedDocument", Leaf(Ram + "LineID", line.OrderLineReference)),
                price is null || (price.GrossPrice is null && price.Discount is null) ? null : new XElement(
                    Ram + "GrossPriceProductTradePrice",
                    // ram:ChargeAmount is mandatory: a discount without gross price means gross = net + discount.
                    Amount("ChargeAmount", price.GrossPrice ?? price.NetPrice + price.Discount),
                    price.Discount is null ? null : new XElement(
                        Ram + "AppliedTradeAllowanceCharge",
                        new XElement(Ram + "ChargeIndicator", new XElement(Udt + "Indicator", "false")),
                        Amount("ActualAmount", price.Discount))),
                price is null ? null : new XElement(
                    Ram + "NetPriceProductTradePrice",
                    Amount("ChargeAmount", price.NetPrice),
                    Leaf(Ram + "BasisQuantity", price.BaseQuantity, Attr("unitCode", price.BaseQuantityUnitCode)))),
            new XElement(
                Ram + "SpecifiedLineTradeDelivery",
                Leaf(Ram + "BilledQuantity", line.Quantity, Attr("unitCode", line.UnitCode))),
            new XElement(
                Ram + "SpecifiedLineTradeSettlement",
                line.Vat is null ? null : new XElement(
                    Ram + "ApplicableTradeTax",
                    new XElement(Ram + "TypeCode", "VAT"),
                    Leaf(Ram + "CategoryCode", line.Vat.CategoryCode),
                    Leaf(Ram + "RateApplicablePercent", line.Vat.Rate)),
                Period(line.Period),
                line.AllowanceCharges.Select(a => AllowanceCharge(a.IsCharge, a.Percentage, a.BaseAmount, a.Amount, a.ReasonCode, a.Reason, null)),
                new XElement(Ram + "SpecifiedTradeSettlementLineMonetarySummation", Amount("LineTotalAmount", line.NetAmount)),
                ObjectReference(line.ObjectId),
                Group(Ram + "ReceivableSpecifiedTradeAccountingAccount", Leaf(Ram + "ID", line.BuyerAccountingReference))));
    }
}

/// <summary>The UN/CEFACT CII schema version a document is written for.</summary>
public enum CiiVersion
{
    /// <summary>D16B, the EN 16931 binding (Chorus Pro <c>IN_DP_E1_CII_16B</c>, Factur-X EN 16931).</summary>
    D16B,

    /// <summary>D22B, the superset of the French 2026 reform: several preceding invoice references (BG-3).</summary>
    D22B,
}
