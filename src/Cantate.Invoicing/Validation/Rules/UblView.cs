using System.Xml.Linq;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Syntax;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>Reads the <see cref="InvoiceView"/> of a UBL 2.1 Invoice or CreditNote (EN 16931 UBL binding).</summary>
internal static class UblView
{
    private static readonly XName CacAccountingCustomerParty = Namespaces.Cac + "AccountingCustomerParty";
    private static readonly XName CacAccountingSupplierParty = Namespaces.Cac + "AccountingSupplierParty";
    private static readonly XName CacAdditionalDocumentReference = Namespaces.Cac + "AdditionalDocumentReference";
    private static readonly XName CacAdditionalItemProperty = Namespaces.Cac + "AdditionalItemProperty";
    private static readonly XName CacAddress = Namespaces.Cac + "Address";
    private static readonly XName CacAllowanceCharge = Namespaces.Cac + "AllowanceCharge";
    private static readonly XName CacBillingReference = Namespaces.Cac + "BillingReference";
    private static readonly XName CacCardAccount = Namespaces.Cac + "CardAccount";
    private static readonly XName CacClassifiedTaxCategory = Namespaces.Cac + "ClassifiedTaxCategory";
    private static readonly XName CacCommodityClassification = Namespaces.Cac + "CommodityClassification";
    private static readonly XName CacCountry = Namespaces.Cac + "Country";
    private static readonly XName CacCreditNoteLine = Namespaces.Cac + "CreditNoteLine";
    private static readonly XName CacDelivery = Namespaces.Cac + "Delivery";
    private static readonly XName CacDeliveryLocation = Namespaces.Cac + "DeliveryLocation";
    private static readonly XName CacInvoiceDocumentReference = Namespaces.Cac + "InvoiceDocumentReference";
    private static readonly XName CacInvoiceLine = Namespaces.Cac + "InvoiceLine";
    private static readonly XName CacInvoicePeriod = Namespaces.Cac + "InvoicePeriod";
    private static readonly XName CacItem = Namespaces.Cac + "Item";
    private static readonly XName CacLegalMonetaryTotal = Namespaces.Cac + "LegalMonetaryTotal";
    private static readonly XName CacParty = Namespaces.Cac + "Party";
    private static readonly XName CacPartyIdentification = Namespaces.Cac + "PartyIdentification";
    private static readonly XName CacPartyLegalEntity = Namespaces.Cac + "PartyLegalEntity";
    private static readonly XName CacPartyName = Namespaces.Cac + "PartyName";
    private static readonly XName CacPartyTaxScheme = Namespaces.Cac + "PartyTaxScheme";
    private static readonly XName CacPayeeFinancialAccount = Namespaces.Cac + "PayeeFinancialAccount";
    private static readonly XName CacPayeeParty = Namespaces.Cac + "PayeeParty";
    private static readonly XName CacPaymentMandate = Namespaces.Cac + "PaymentMandate";
    private static readonly XName CacPaymentMeans = Namespaces.Cac + "PaymentMeans";
    private static readonly XName CacPaymentTerms = Namespaces.Cac + "PaymentTerms";
    private static readonly XName CacPostalAddress = Namespaces.Cac + "PostalAddress";
    private static readonly XName CacPrice = Namespaces.Cac + "Price";
    private static readonly XName CacStandardItemIdentification = Namespaces.Cac + "StandardItemIdentification";
    private static readonly XName CacTaxCategory = Namespaces.Cac + "TaxCategory";
    private static readonly XName CacTaxRepresentativeParty = Namespaces.Cac + "TaxRepresentativeParty";
    private static readonly XName CacTaxScheme = Namespaces.Cac + "TaxScheme";
    private static readonly XName CacTaxSubtotal = Namespaces.Cac + "TaxSubtotal";
    private static readonly XName CacTaxTotal = Namespaces.Cac + "TaxTotal";
    private static readonly XName CbcActualDeliveryDate = Namespaces.Cbc + "ActualDeliveryDate";
    private static readonly XName CbcAllowanceChargeReason = Namespaces.Cbc + "AllowanceChargeReason";
    private static readonly XName CbcAllowanceChargeReasonCode = Namespaces.Cbc + "AllowanceChargeReasonCode";
    private static readonly XName CbcAllowanceTotalAmount = Namespaces.Cbc + "AllowanceTotalAmount";
    private static readonly XName CbcAmount = Namespaces.Cbc + "Amount";
    private static readonly XName CbcBaseAmount = Namespaces.Cbc + "BaseAmount";
    private static readonly XName CbcBaseQuantity = Namespaces.Cbc + "BaseQuantity";
    private static readonly XName CbcChargeIndicator = Namespaces.Cbc + "ChargeIndicator";
    private static readonly XName CbcChargeTotalAmount = Namespaces.Cbc + "ChargeTotalAmount";
    private static readonly XName CbcCompanyID = Namespaces.Cbc + "CompanyID";
    private static readonly XName CbcCreditNoteTypeCode = Namespaces.Cbc + "CreditNoteTypeCode";
    private static readonly XName CbcCreditedQuantity = Namespaces.Cbc + "CreditedQuantity";
    private static readonly XName CbcCustomizationID = Namespaces.Cbc + "CustomizationID";
    private static readonly XName CbcDescriptionCode = Namespaces.Cbc + "DescriptionCode";
    private static readonly XName CbcDocumentCurrencyCode = Namespaces.Cbc + "DocumentCurrencyCode";
    private static readonly XName CbcDueDate = Namespaces.Cbc + "DueDate";
    private static readonly XName CbcEndDate = Namespaces.Cbc + "EndDate";
    private static readonly XName CbcEndpointID = Namespaces.Cbc + "EndpointID";
    private static readonly XName CbcID = Namespaces.Cbc + "ID";
    private static readonly XName CbcIdentificationCode = Namespaces.Cbc + "IdentificationCode";
    private static readonly XName CbcInvoiceTypeCode = Namespaces.Cbc + "InvoiceTypeCode";
    private static readonly XName CbcInvoicedQuantity = Namespaces.Cbc + "InvoicedQuantity";
    private static readonly XName CbcIssueDate = Namespaces.Cbc + "IssueDate";
    private static readonly XName CbcItemClassificationCode = Namespaces.Cbc + "ItemClassificationCode";
    private static readonly XName CbcLineExtensionAmount = Namespaces.Cbc + "LineExtensionAmount";
    private static readonly XName CbcMultiplierFactorNumeric = Namespaces.Cbc + "MultiplierFactorNumeric";
    private static readonly XName CbcName = Namespaces.Cbc + "Name";
    private static readonly XName CbcNote = Namespaces.Cbc + "Note";
    private static readonly XName CbcPayableAmount = Namespaces.Cbc + "PayableAmount";
    private static readonly XName CbcPayableRoundingAmount = Namespaces.Cbc + "PayableRoundingAmount";
    private static readonly XName CbcPaymentDueDate = Namespaces.Cbc + "PaymentDueDate";
    private static readonly XName CbcPaymentMeansCode = Namespaces.Cbc + "PaymentMeansCode";
    private static readonly XName CbcPercent = Namespaces.Cbc + "Percent";
    private static readonly XName CbcPrepaidAmount = Namespaces.Cbc + "PrepaidAmount";
    private static readonly XName CbcPriceAmount = Namespaces.Cbc + "PriceAmount";
    private static readonly XName CbcPrimaryAccountNumberID = Namespaces.Cbc + "PrimaryAccountNumberID";
    private static readonly XName CbcRegistrationName = Namespaces.Cbc + "RegistrationName";
    private static readonly XName CbcStartDate = Namespaces.Cbc + "StartDate";
    private static readonly XName CbcTaxAmount = Namespaces.Cbc + "TaxAmount";
    private static readonly XName CbcTaxCurrencyCode = Namespaces.Cbc + "TaxCurrencyCode";
    private static readonly XName CbcTaxExclusiveAmount = Namespaces.Cbc + "TaxExclusiveAmount";
    private static readonly XName CbcTaxExemptionReason = Namespaces.Cbc + "TaxExemptionReason";
    private static readonly XName CbcTaxExemptionReasonCode = Namespaces.Cbc + "TaxExemptionReasonCode";
    private static readonly XName CbcTaxInclusiveAmount = Namespaces.Cbc + "TaxInclusiveAmount";
    private static readonly XName CbcTaxPointDate = Namespaces.Cbc + "TaxPointDate";
    private static readonly XName CbcTaxableAmount = Namespaces.Cbc + "TaxableAmount";

    public static InvoiceView Read(XElement root)
    {
        var totals = root.Element(CacLegalMonetaryTotal);
        return new InvoiceView
        {
            Root = root,
            IsUbl = true,
            CustomizationId = root.Element(CbcCustomizationID),
            Id = root.Element(CbcID),
            IssueDate = root.Element(CbcIssueDate),
            TypeCode = root.Element(CbcInvoiceTypeCode) ?? root.Element(CbcCreditNoteTypeCode),
            Currency = root.Element(CbcDocumentCurrencyCode),
            TaxCurrencies = [.. root.Elements(CbcTaxCurrencyCode)],
            TaxPointDate = root.Element(CbcTaxPointDate),
            TaxPointDateCodes = [.. root.Elements(CacInvoicePeriod).Elements(CbcDescriptionCode)],
            DueDate = root.Element(CbcDueDate) ?? root.Elements(CacPaymentMeans).Elements(CbcPaymentDueDate).FirstOrDefault(),
            PaymentTermsNote = root.Elements(CacPaymentTerms).Elements(CbcNote).FirstOrDefault(),
            InvoicePeriods = [.. root.Elements(CacInvoicePeriod)],
            Seller = Party(root.Element(CacAccountingSupplierParty)?.Element(CacParty)),
            Buyer = Party(root.Element(CacAccountingCustomerParty)?.Element(CacParty)),
            Payee = Party(root.Element(CacPayeeParty)),
            TaxRepresentative = Party(root.Element(CacTaxRepresentativeParty)),
            DeliverToAddress = root.Elements(CacDelivery).Elements(CacDeliveryLocation).Elements(CacAddress).FirstOrDefault(),
            DeliverToCountry = root.Elements(CacDelivery).Elements(CacDeliveryLocation).Elements(CacAddress).Elements(CacCountry).Elements(CbcIdentificationCode).FirstOrDefault(),
            ActualDeliveryDate = root.Elements(CacDelivery).Elements(CbcActualDeliveryDate).FirstOrDefault(),
            AllowanceCharges = [.. root.Elements(CacAllowanceCharge).Select(AllowanceCharge)],
            Lines = [.. root.Elements().Where(e => e.Name == CacInvoiceLine || e.Name == CacCreditNoteLine).Select(Line)],
            VatBreakdowns = [.. root.Elements(CacTaxTotal).Elements(CacTaxSubtotal).Select(Breakdown)],
            Totals = totals,
            LineTotal = totals?.Element(CbcLineExtensionAmount),
            AllowanceTotal = totals?.Element(CbcAllowanceTotalAmount),
            ChargeTotal = totals?.Element(CbcChargeTotalAmount),
            TaxExclusive = totals?.Element(CbcTaxExclusiveAmount),
            TaxTotalAmounts = [.. root.Elements(CacTaxTotal).Elements(CbcTaxAmount)],
            TaxInclusive = totals?.Element(CbcTaxInclusiveAmount),
            Prepaid = totals?.Element(CbcPrepaidAmount),
            Rounding = totals?.Element(CbcPayableRoundingAmount),
            Payable = totals?.Element(CbcPayableAmount),
            PaymentMeans = [.. root.Elements(CacPaymentMeans).Select(PaymentMeans)],
            SupportingDocuments = [.. root.Elements(CacAdditionalDocumentReference).Select(d => (d, d.Element(CbcID)))],
            PrecedingInvoices = [.. root.Elements(CacBillingReference).Select(r => (r, r.Element(CacInvoiceDocumentReference)?.Element(CbcID)))],
        };
    }

    private static bool IsVatScheme(XElement category) =>
        string.Equals(category.Element(CacTaxScheme)?.Element(CbcID).Norm().ToUpperInvariant(), "VAT", StringComparison.Ordinal);

    private static PartyView? Party(XElement? party)
    {
        if (party is null)
        {
            return null;
        }

        var taxSchemes = party.Elements(CacPartyTaxScheme).ToList();
        return new PartyView
        {
            Node = party,
            Name = party.Element(CacPartyLegalEntity)?.Element(CbcRegistrationName)
                ?? (party.Name.LocalName is "PayeeParty" or "TaxRepresentativeParty" ? party.Element(CacPartyName)?.Element(CbcName) : null),
            TradingName = party.Element(CacPartyName)?.Element(CbcName),
            PostalAddress = party.Element(CacPostalAddress),
            Country = party.Element(CacPostalAddress)?.Element(CacCountry)?.Element(CbcIdentificationCode),
            VatIds = [.. taxSchemes.Where(IsVatScheme).Elements(CbcCompanyID)],
            TaxRegistrationIds = [.. taxSchemes.Where(t => !IsVatScheme(t)).Elements(CbcCompanyID)],
            LegalIds = [.. party.Elements(CacPartyLegalEntity).Elements(CbcCompanyID)],
            Identifiers = [.. party.Elements(CacPartyIdentification).Elements(CbcID)],
            ElectronicAddress = party.Element(CbcEndpointID),
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
        var category = ac.Elements(CacTaxCategory).FirstOrDefault(IsVatScheme);
        return new AllowanceChargeView
        {
            Node = ac,
            IsCharge = Indicator(ac.Element(CbcChargeIndicator)),
            Amount = ac.Element(CbcAmount),
            BaseAmount = ac.Element(CbcBaseAmount),
            Percentage = ac.Element(CbcMultiplierFactorNumeric),
            CategoryCode = category?.Element(CbcID),
            AnySchemeCategoryCode = ac.Element(CacTaxCategory)?.Element(CbcID),
            Rate = category?.Element(CbcPercent),
            Reason = ac.Element(CbcAllowanceChargeReason),
            ReasonCode = ac.Element(CbcAllowanceChargeReasonCode),
        };
    }

    private static LineView Line(XElement line)
    {
        var item = line.Element(CacItem);
        var category = item?.Elements(CacClassifiedTaxCategory).FirstOrDefault(IsVatScheme);
        var price = line.Element(CacPrice);
        var period = line.Element(CacInvoicePeriod);
        return new LineView
        {
            Node = line,
            Id = line.Element(CbcID),
            Quantity = line.Element(CbcInvoicedQuantity) ?? line.Element(CbcCreditedQuantity),
            NetAmount = line.Element(CbcLineExtensionAmount),
            ItemName = item?.Element(CbcName),
            NetPrice = price?.Element(CbcPriceAmount),
            GrossPrice = price?.Element(CacAllowanceCharge)?.Element(CbcBaseAmount),
            PriceDiscount = price?.Element(CacAllowanceCharge)?.Element(CbcAmount),
            BaseQuantity = price?.Element(CbcBaseQuantity),
            CategoryCode = category?.Element(CbcID),
            Rate = category?.Element(CbcPercent),
            Period = period,
            PeriodStart = period?.Element(CbcStartDate),
            PeriodEnd = period?.Element(CbcEndDate),
            AllowanceCharges = [.. line.Elements(CacAllowanceCharge).Select(AllowanceCharge)],
            StandardIds = [.. item?.Elements(CacStandardItemIdentification).Elements(CbcID) ?? []],
            ClassificationCodes = [.. item?.Elements(CacCommodityClassification).Elements(CbcItemClassificationCode) ?? []],
            ItemAttributes = [.. item?.Elements(CacAdditionalItemProperty) ?? []],
        };
    }

    private static VatBreakdownView Breakdown(XElement subtotal)
    {
        var category = subtotal.Element(CacTaxCategory);
        return new VatBreakdownView
        {
            Node = subtotal,
            TaxableAmount = subtotal.Element(CbcTaxableAmount),
            TaxAmount = subtotal.Element(CbcTaxAmount),
            CategoryCode = category is not null && IsVatScheme(category) ? category.Element(CbcID) : null,
            Rate = category?.Element(CbcPercent),
            ExemptionReason = category?.Element(CbcTaxExemptionReason),
            ExemptionReasonCode = category?.Element(CbcTaxExemptionReasonCode),
        };
    }

    private static PaymentMeansView PaymentMeans(XElement means) => new()
    {
        Node = means,
        Code = means.Element(CbcPaymentMeansCode),
        CardAccount = means.Element(CacCardAccount),
        CardNumber = means.Element(CacCardAccount)?.Element(CbcPrimaryAccountNumberID),
        CreditAccounts = [.. means.Elements(CacPayeeFinancialAccount).Elements(CbcID)],
        CreditAccountGroups = [.. means.Elements(CacPayeeFinancialAccount)],
        DebitMandate = means.Element(CacPaymentMandate),
    };
}
