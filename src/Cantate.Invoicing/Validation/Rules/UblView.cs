using System.Xml.Linq;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Syntax;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>Reads the <see cref="InvoiceView"/> of a UBL 2.1 Invoice or CreditNote (EN 16931 UBL binding).</summary>
internal static class UblView
{
    private static readonly XNamespace Cac = Namespaces.Cac;
    private static readonly XNamespace Cbc = Namespaces.Cbc;

    public static InvoiceView Read(XElement root)
    {
        var totals = root.Element(Cac + "LegalMonetaryTotal");
        return new InvoiceView
        {
            Root = root,
            IsUbl = true,
            CustomizationId = root.Element(Cbc + "CustomizationID"),
            Id = root.Element(Cbc + "ID"),
            IssueDate = root.Element(Cbc + "IssueDate"),
            TypeCode = root.Element(Cbc + "InvoiceTypeCode") ?? root.Element(Cbc + "CreditNoteTypeCode"),
            Currency = root.Element(Cbc + "DocumentCurrencyCode"),
            TaxCurrencies = [.. root.Elements(Cbc + "TaxCurrencyCode")],
            TaxPointDate = root.Element(Cbc + "TaxPointDate"),
            TaxPointDateCodes = [.. root.Elements(Cac + "InvoicePeriod").Elements(Cbc + "DescriptionCode")],
            DueDate = root.Element(Cbc + "DueDate") ?? root.Elements(Cac + "PaymentMeans").Elements(Cbc + "PaymentDueDate").FirstOrDefault(),
            PaymentTermsNote = root.Elements(Cac + "PaymentTerms").Elements(Cbc + "Note").FirstOrDefault(),
            InvoicePeriods = [.. root.Elements(Cac + "InvoicePeriod")],
            Seller = Party(root.Element(Cac + "AccountingSupplierParty")?.Element(Cac + "Party")),
            Buyer = Party(root.Element(Cac + "AccountingCustomerParty")?.Element(Cac + "Party")),
            Payee = Party(root.Element(Cac + "PayeeParty")),
            TaxRepresentative = Party(root.Element(Cac + "TaxRepresentativeParty")),
            DeliverToAddress = root.Elements(Cac + "Delivery").Elements(Cac + "DeliveryLocation").Elements(Cac + "Address").FirstOrDefault(),
            DeliverToCountry = root.Elements(Cac + "Delivery").Elements(Cac + "DeliveryLocation").Elements(Cac + "Address").Elements(Cac + "Country").Elements(Cbc + "IdentificationCode").FirstOrDefault(),
            ActualDeliveryDate = root.Elements(Cac + "Delivery").Elements(Cbc + "ActualDeliveryDate").FirstOrDefault(),
            AllowanceCharges = [.. root.Elements(Cac + "AllowanceCharge").Select(AllowanceCharge)],
            Lines = [.. root.Elements().Where(e => e.Name == Cac + "InvoiceLine" || e.Name == Cac + "CreditNoteLine").Select(Line)],
            VatBreakdowns = [.. root.Elements(Cac + "TaxTotal").Elements(Cac + "TaxSubtotal").Select(Breakdown)],
            Totals = totals,
            LineTotal = totals?.Element(Cbc + "LineExtensionAmount"),
            AllowanceTotal = totals?.Element(Cbc + "AllowanceTotalAmount"),
            ChargeTotal = totals?.Element(Cbc + "ChargeTotalAmount"),
            TaxExclusive = totals?.Element(Cbc + "TaxExclusiveAmount"),
            TaxTotalAmounts = [.. root.Elements(Cac + "TaxTotal").Elements(Cbc + "TaxAmount")],
            TaxInclusive = totals?.Element(Cbc + "TaxInclusiveAmount"),
            Prepaid = totals?.Element(Cbc + "PrepaidAmount"),
            Rounding = totals?.Element(Cbc + "PayableRoundingAmount"),
            Payable = totals?.Element(Cbc + "PayableAmount"),
            PaymentMeans = [.. root.Elements(Cac + "PaymentMeans").Select(PaymentMeans)],
            SupportingDocuments = [.. root.Elements(Cac + "AdditionalDocumentReference").Select(d => (d, d.Element(Cbc + "ID")))],
            PrecedingInvoices = [.. root.Elements(Cac + "BillingReference").Select(r => (r, r.Element(Cac + "InvoiceDocumentReference")?.Element(Cbc + "ID")))],
        };
    }

    private static bool IsVatScheme(XElement category) =>
        string.Equals(category.Element(Cac + "TaxScheme")?.Element(Cbc + "ID").Norm().ToUpperInvariant(), "VAT", StringComparison.Ordinal);

    private static PartyView? Party(XElement? party)
    {
        if (party is null)
        {
            return null;
        }

        var taxSchemes = party.Elements(Cac + "PartyTaxScheme").ToList();
        return new PartyView
        {
            Node = party,
            Name = party.Element(Cac + "PartyLegalEntity")?.Element(Cbc + "RegistrationName")
                ?? (party.Name.LocalName is "PayeeParty" or "TaxRepresentativeParty" ? party.Element(Cac + "PartyName")?.Element(Cbc + "Name") : null),
            TradingName = party.Element(Cac + "PartyName")?.Element(Cbc + "Name"),
            PostalAddress = party.Element(Cac + "PostalAddress"),
            Country = party.Element(Cac + "PostalAddress")?.Element(Cac + "Country")?.Element(Cbc + "IdentificationCode"),
            VatIds = [.. taxSchemes.Where(IsVatScheme).Elements(Cbc + "CompanyID")],
            TaxRegistrationIds = [.. taxSchemes.Where(t => !IsVatScheme(t)).Elements(Cbc + "CompanyID")],
            LegalIds = [.. party.Elements(Cac + "PartyLegalEntity").Elements(Cbc + "CompanyID")],
            Identifiers = [.. party.Elements(Cac + "PartyIdentification").Elements(Cbc + "ID")],
            ElectronicAddress = party.Element(Cbc + "EndpointID"),
        };
    }

    private static bool? Indicator(XElement? e) => e.Norm() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    private static AllowanceChargeView AllowanceCharge(XElement ac)
    {
        var category = ac.Elements(Cac + "TaxCategory").FirstOrDefault(IsVatScheme);
        return new AllowanceChargeView
        {
            Node = ac,
            IsCharge = Indicator(ac.Element(Cbc + "ChargeIndicator")),
            Amount = ac.Element(Cbc + "Amount"),
            BaseAmount = ac.Element(Cbc + "BaseAmount"),
            Percentage = ac.Element(Cbc + "MultiplierFactorNumeric"),
            CategoryCode = category?.Element(Cbc + "ID"),
            AnySchemeCategoryCode = ac.Element(Cac + "TaxCategory")?.Element(Cbc + "ID"),
            Rate = category?.Element(Cbc + "Percent"),
            Reason = ac.Element(Cbc + "AllowanceChargeReason"),
            ReasonCode = ac.Element(Cbc + "AllowanceChargeReasonCode"),
        };
    }

    private static LineView Line(XElement line)
    {
        var item = line.Element(Cac + "Item");
        var category = item?.Elements(Cac + "ClassifiedTaxCategory").FirstOrDefault(IsVatScheme);
        var price = line.Element(Cac + "Price");
        var period = line.Element(Cac + "InvoicePeriod");
        return new LineView
        {
            Node = line,
            Id = line.Element(Cbc + "ID"),
            Quantity = line.Element(Cbc + "InvoicedQuantity") ?? line.Element(Cbc + "CreditedQuantity"),
            NetAmount = line.Element(Cbc + "LineExtensionAmount"),
            ItemName = item?.Element(Cbc + "Name"),
            NetPrice = price?.Element(Cbc + "PriceAmount"),
            GrossPrice = price?.Element(Cac + "AllowanceCharge")?.Element(Cbc + "BaseAmount"),
            PriceDiscount = price?.Element(Cac + "AllowanceCharge")?.Element(Cbc + "Amount"),
            BaseQuantity = price?.Element(Cbc + "BaseQuantity"),
            CategoryCode = category?.Element(Cbc + "ID"),
            Rate = category?.Element(Cbc + "Percent"),
            Period = period,
            PeriodStart = period?.Element(Cbc + "StartDate"),
            PeriodEnd = period?.Element(Cbc + "EndDate"),
            AllowanceCharges = [.. line.Elements(Cac + "AllowanceCharge").Select(AllowanceCharge)],
            StandardIds = [.. item?.Elements(Cac + "StandardItemIdentification").Elements(Cbc + "ID") ?? []],
            ClassificationCodes = [.. item?.Elements(Cac + "CommodityClassification").Elements(Cbc + "ItemClassificationCode") ?? []],
            ItemAttributes = [.. item?.Elements(Cac + "AdditionalItemProperty") ?? []],
        };
    }

    private static VatBreakdownView Breakdown(XElement subtotal)
    {
        var category = subtotal.Element(Cac + "TaxCategory");
        return new VatBreakdownView
        {
            Node = subtotal,
            TaxableAmount = subtotal.Element(Cbc + "TaxableAmount"),
            TaxAmount = subtotal.Element(Cbc + "TaxAmount"),
            CategoryCode = category is not null && IsVatScheme(category) ? category.Element(Cbc + "ID") : null,
            Rate = category?.Element(Cbc + "Percent"),
            ExemptionReason = category?.Element(Cbc + "TaxExemptionReason"),
            ExemptionReasonCode = category?.Element(Cbc + "TaxExemptionReasonCode"),
        };
    }

    private static PaymentMeansView PaymentMeans(XElement means) => new()
    {
        Node = means,
        Code = means.Element(Cbc + "PaymentMeansCode"),
        CardAccount = means.Element(Cac + "CardAccount"),
        CardNumber = means.Element(Cac + "CardAccount")?.Element(Cbc + "PrimaryAccountNumberID"),
        CreditAccounts = [.. means.Elements(Cac + "PayeeFinancialAccount").Elements(Cbc + "ID")],
        CreditAccountGroups = [.. means.Elements(Cac + "PayeeFinancialAccount")],
        DebitMandate = means.Element(Cac + "PaymentMandate"),
    };
}
