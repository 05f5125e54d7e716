using System.Xml.Linq;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Syntax;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>Reads the <see cref="InvoiceView"/> of a UN/CEFACT Cross Industry Invoice (EN 16931 CII binding).</summary>
internal static class CiiView
{
    private static readonly XName RamActualAmount = Namespaces.Ram + "ActualAmount";
    private static readonly XName RamActualDeliverySupplyChainEvent = Namespaces.Ram + "ActualDeliverySupplyChainEvent";
    private static readonly XName RamAdditionalReferencedDocument = Namespaces.Ram + "AdditionalReferencedDocument";
    private static readonly XName RamAllowanceTotalAmount = Namespaces.Ram + "AllowanceTotalAmount";
    private static readonly XName RamApplicableHeaderTradeAgreement = Namespaces.Ram + "ApplicableHeaderTradeAgreement";
    private static readonly XName RamApplicableHeaderTradeDelivery = Namespaces.Ram + "ApplicableHeaderTradeDelivery";
    private static readonly XName RamApplicableHeaderTradeSettlement = Namespaces.Ram + "ApplicableHeaderTradeSettlement";
    private static readonly XName RamApplicableProductCharacteristic = Namespaces.Ram + "ApplicableProductCharacteristic";
    private static readonly XName RamApplicableTradeSettlementFinancialCard = Namespaces.Ram + "ApplicableTradeSettlementFinancialCard";
    private static readonly XName RamApplicableTradeTax = Namespaces.Ram + "ApplicableTradeTax";
    private static readonly XName RamAppliedTradeAllowanceCharge = Namespaces.Ram + "AppliedTradeAllowanceCharge";
    private static readonly XName RamAssociatedDocumentLineDocument = Namespaces.Ram + "AssociatedDocumentLineDocument";
    private static readonly XName RamBasisAmount = Namespaces.Ram + "BasisAmount";
    private static readonly XName RamBasisQuantity = Namespaces.Ram + "BasisQuantity";
    private static readonly XName RamBilledQuantity = Namespaces.Ram + "BilledQuantity";
    private static readonly XName RamBillingSpecifiedPeriod = Namespaces.Ram + "BillingSpecifiedPeriod";
    private static readonly XName RamBuyerTradeParty = Namespaces.Ram + "BuyerTradeParty";
    private static readonly XName RamCalculatedAmount = Namespaces.Ram + "CalculatedAmount";
    private static readonly XName RamCalculationPercent = Namespaces.Ram + "CalculationPercent";
    private static readonly XName RamCategoryCode = Namespaces.Ram + "CategoryCode";
    private static readonly XName RamCategoryTradeTax = Namespaces.Ram + "CategoryTradeTax";
    private static readonly XName RamChargeAmount = Namespaces.Ram + "ChargeAmount";
    private static readonly XName RamChargeIndicator = Namespaces.Ram + "ChargeIndicator";
    private static readonly XName RamChargeTotalAmount = Namespaces.Ram + "ChargeTotalAmount";
    private static readonly XName RamClassCode = Namespaces.Ram + "ClassCode";
    private static readonly XName RamCountryID = Namespaces.Ram + "CountryID";
    private static readonly XName RamDescription = Namespaces.Ram + "Description";
    private static readonly XName RamDesignatedProductClassification = Namespaces.Ram + "DesignatedProductClassification";
    private static readonly XName RamDueDateDateTime = Namespaces.Ram + "DueDateDateTime";
    private static readonly XName RamDueDateTypeCode = Namespaces.Ram + "DueDateTypeCode";
    private static readonly XName RamDuePayableAmount = Namespaces.Ram + "DuePayableAmount";
    private static readonly XName RamEndDateTime = Namespaces.Ram + "EndDateTime";
    private static readonly XName RamExemptionReason = Namespaces.Ram + "ExemptionReason";
    private static readonly XName RamExemptionReasonCode = Namespaces.Ram + "ExemptionReasonCode";
    private static readonly XName RamGlobalID = Namespaces.Ram + "GlobalID";
    private static readonly XName RamGrandTotalAmount = Namespaces.Ram + "GrandTotalAmount";
    private static readonly XName RamGrossPriceProductTradePrice = Namespaces.Ram + "GrossPriceProductTradePrice";
    private static readonly XName RamGuidelineSpecifiedDocumentContextParameter = Namespaces.Ram + "GuidelineSpecifiedDocumentContextParameter";
    private static readonly XName RamIBANID = Namespaces.Ram + "IBANID";
    private static readonly XName RamID = Namespaces.Ram + "ID";
    private static readonly XName RamIncludedSupplyChainTradeLineItem = Namespaces.Ram + "IncludedSupplyChainTradeLineItem";
    private static readonly XName RamInvoiceCurrencyCode = Namespaces.Ram + "InvoiceCurrencyCode";
    private static readonly XName RamInvoiceReferencedDocument = Namespaces.Ram + "InvoiceReferencedDocument";
    private static readonly XName RamIssueDateTime = Namespaces.Ram + "IssueDateTime";
    private static readonly XName RamIssuerAssignedID = Namespaces.Ram + "IssuerAssignedID";
    private static readonly XName RamLineID = Namespaces.Ram + "LineID";
    private static readonly XName RamLineTotalAmount = Namespaces.Ram + "LineTotalAmount";
    private static readonly XName RamName = Namespaces.Ram + "Name";
    private static readonly XName RamNetPriceProductTradePrice = Namespaces.Ram + "NetPriceProductTradePrice";
    private static readonly XName RamOccurrenceDateTime = Namespaces.Ram + "OccurrenceDateTime";
    private static readonly XName RamPayeePartyCreditorFinancialAccount = Namespaces.Ram + "PayeePartyCreditorFinancialAccount";
    private static readonly XName RamPayeeTradeParty = Namespaces.Ram + "PayeeTradeParty";
    private static readonly XName RamPayerPartyDebtorFinancialAccount = Namespaces.Ram + "PayerPartyDebtorFinancialAccount";
    private static readonly XName RamPostalTradeAddress = Namespaces.Ram + "PostalTradeAddress";
    private static readonly XName RamProprietaryID = Namespaces.Ram + "ProprietaryID";
    private static readonly XName RamRateApplicablePercent = Namespaces.Ram + "RateApplicablePercent";
    private static readonly XName RamReason = Namespaces.Ram + "Reason";
    private static readonly XName RamReasonCode = Namespaces.Ram + "ReasonCode";
    private static readonly XName RamRoundingAmount = Namespaces.Ram + "RoundingAmount";
    private static readonly XName RamSellerTaxRepresentativeTradeParty = Namespaces.Ram + "SellerTaxRepresentativeTradeParty";
    private static readonly XName RamSellerTradeParty = Namespaces.Ram + "SellerTradeParty";
    private static readonly XName RamShipToTradeParty = Namespaces.Ram + "ShipToTradeParty";
    private static readonly XName RamSpecifiedLegalOrganization = Namespaces.Ram + "SpecifiedLegalOrganization";
    private static readonly XName RamSpecifiedLineTradeAgreement = Namespaces.Ram + "SpecifiedLineTradeAgreement";
    private static readonly XName RamSpecifiedLineTradeDelivery = Namespaces.Ram + "SpecifiedLineTradeDelivery";
    private static readonly XName RamSpecifiedLineTradeSettlement = Namespaces.Ram + "SpecifiedLineTradeSettlement";
    private static readonly XName RamSpecifiedTaxRegistration = Namespaces.Ram + "SpecifiedTaxRegistration";
    private static readonly XName RamSpecifiedTradeAllowanceCharge = Namespaces.Ram + "SpecifiedTradeAllowanceCharge";
    private static readonly XName RamSpecifiedTradePaymentTerms = Namespaces.Ram + "SpecifiedTradePaymentTerms";
    private static readonly XName RamSpecifiedTradeProduct = Namespaces.Ram + "SpecifiedTradeProduct";
    private static readonly XName RamSpecifiedTradeSettlementHeaderMonetarySummation = Namespaces.Ram + "SpecifiedTradeSettlementHeaderMonetarySummation";
    private static readonly XName RamSpecifiedTradeSettlementLineMonetarySummation = Namespaces.Ram + "SpecifiedTradeSettlementLineMonetarySummation";
    private static readonly XName RamSpecifiedTradeSettlementPaymentMeans = Namespaces.Ram + "SpecifiedTradeSettlementPaymentMeans";
    private static readonly XName RamStartDateTime = Namespaces.Ram + "StartDateTime";
    private static readonly XName RamTaxBasisTotalAmount = Namespaces.Ram + "TaxBasisTotalAmount";
    private static readonly XName RamTaxCurrencyCode = Namespaces.Ram + "TaxCurrencyCode";
    private static readonly XName RamTaxPointDate = Namespaces.Ram + "TaxPointDate";
    private static readonly XName RamTaxTotalAmount = Namespaces.Ram + "TaxTotalAmount";
    private static readonly XName RamTotalPrepaidAmount = Namespaces.Ram + "TotalPrepaidAmount";
    private static readonly XName RamTradingBusinessName = Namespaces.Ram + "TradingBusinessName";
    private static readonly XName RamTypeCode = Namespaces.Ram + "TypeCode";
    private static readonly XName RamURIID = Namespaces.Ram + "URIID";
    private static readonly XName RamURIUniversalCommunication = Namespaces.Ram + "URIUniversalCommunication";
    private static readonly XName RsmExchangedDocument = Namespaces.Rsm + "ExchangedDocument";
    private static readonly XName RsmExchangedDocumentContext = Namespaces.Rsm + "ExchangedDocumentContext";
    private static readonly XName RsmSupplyChainTradeTransaction = Namespaces.Rsm + "SupplyChainTradeTransaction";
    private static readonly XName UdtDateTimeString = Namespaces.Udt + "DateTimeString";
    private static readonly XName UdtIndicator = Namespaces.Udt + "Indicator";

    public static InvoiceView Read(XElement root)
    {
        var document = root.Element(RsmExchangedDocument);
        var transaction = root.Element(RsmSupplyChainTradeTransaction);
        var agreement = transaction?.Element(RamApplicableHeaderTradeAgreement);
        var delivery = transaction?.Element(RamApplicableHeaderTradeDelivery);
        var settlement = transaction?.Element(RamApplicableHeaderTradeSettlement);
        var totals = settlement?.Element(RamSpecifiedTradeSettlementHeaderMonetarySummation);
        var taxes = settlement?.Elements(RamApplicableTradeTax).ToList() ?? [];
        return new InvoiceView
        {
            Root = root,
            IsUbl = false,
            CustomizationId = root.Element(RsmExchangedDocumentContext)?.Element(RamGuidelineSpecifiedDocumentContextParameter)?.Element(RamID),
            Id = document?.Element(RamID),
            IssueDate = document?.Element(RamIssueDateTime)?.Element(UdtDateTimeString),
            TypeCode = document?.Element(RamTypeCode),
            Currency = settlement?.Element(RamInvoiceCurrencyCode),
            TaxCurrencies = [.. settlement?.Elements(RamTaxCurrencyCode) ?? []],
            TaxPointDate = taxes.Elements(RamTaxPointDate).FirstOrDefault(),
            TaxPointDateCodes = [.. taxes.Elements(RamDueDateTypeCode)],
            DueDate = settlement?.Elements(RamSpecifiedTradePaymentTerms).Elements(RamDueDateDateTime).FirstOrDefault(),
            PaymentTermsNote = settlement?.Elements(RamSpecifiedTradePaymentTerms).Elements(RamDescription).FirstOrDefault(),
            InvoicePeriods = [.. settlement?.Elements(RamBillingSpecifiedPeriod) ?? []],
            Seller = Party(agreement?.Element(RamSellerTradeParty)),
            Buyer = Party(agreement?.Element(RamBuyerTradeParty)),
            Payee = Party(settlement?.Element(RamPayeeTradeParty)),
            TaxRepresentative = Party(agreement?.Element(RamSellerTaxRepresentativeTradeParty)),
            DeliverToAddress = delivery?.Element(RamShipToTradeParty)?.Element(RamPostalTradeAddress),
            DeliverToCountry = delivery?.Element(RamShipToTradeParty)?.Element(RamPostalTradeAddress)?.Element(RamCountryID),
            ActualDeliveryDate = delivery?.Element(RamActualDeliverySupplyChainEvent)?.Element(RamOccurrenceDateTime)?.Element(UdtDateTimeString),
            AllowanceCharges = [.. settlement?.Elements(RamSpecifiedTradeAllowanceCharge).Select(AllowanceCharge) ?? []],
            Lines = [.. transaction?.Elements(RamIncludedSupplyChainTradeLineItem).Select(Line) ?? []],
            VatBreakdowns = [.. taxes.Select(Breakdown)],
            Totals = totals,
            LineTotal = totals?.Element(RamLineTotalAmount),
            AllowanceTotal = totals?.Element(RamAllowanceTotalAmount),
            ChargeTotal = totals?.Element(RamChargeTotalAmount),
            TaxExclusive = totals?.Element(RamTaxBasisTotalAmount),
            TaxTotalAmounts = [.. totals?.Elements(RamTaxTotalAmount) ?? []],
            TaxInclusive = totals?.Element(RamGrandTotalAmount),
            Prepaid = totals?.Element(RamTotalPrepaidAmount),
            Rounding = totals?.Element(RamRoundingAmount),
            Payable = totals?.Element(RamDuePayableAmount),
            PaymentMeans = [.. settlement?.Elements(RamSpecifiedTradeSettlementPaymentMeans).Select(PaymentMeans) ?? []],
            SupportingDocuments = [.. agreement?.Elements(RamAdditionalReferencedDocument).Select(d => (d, d.Element(RamIssuerAssignedID))) ?? []],
            PrecedingInvoices = [.. settlement?.Elements(RamInvoiceReferencedDocument).Select(d => (d, d.Element(RamIssuerAssignedID))) ?? []],
        };
    }

    private static PartyView? Party(XElement? party)
    {
        if (party is null)
        {
            return null;
        }

        var registrations = party.Elements(RamSpecifiedTaxRegistration).Elements(RamID).ToList();
        var address = party.Element(RamPostalTradeAddress);
        return new PartyView
        {
            Node = party,
            Name = party.Element(RamName),
            TradingName = party.Element(RamSpecifiedLegalOrganization)?.Element(RamTradingBusinessName),
            PostalAddress = address,
            Country = address?.Element(RamCountryID),
            VatIds = [.. registrations.Where(r => r.Attr("schemeID") == "VA")],
            TaxRegistrationIds = [.. registrations.Where(r => r.Attr("schemeID") == "FC")],
            LegalIds = [.. party.Elements(RamSpecifiedLegalOrganization).Elements(RamID)],
            Identifiers = [.. party.Elements().Where(e => e.Name == RamID || e.Name == RamGlobalID)],
            ElectronicAddress = party.Element(RamURIUniversalCommunication)?.Element(RamURIID),
        };
    }

    private static bool? Indicator(XElement? e) => e?.Element(UdtIndicator).Norm() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    private static AllowanceChargeView AllowanceCharge(XElement ac)
    {
        var tax = ac.Element(RamCategoryTradeTax);
        return new AllowanceChargeView
        {
            Node = ac,
            IsCharge = Indicator(ac.Element(RamChargeIndicator)),
            Amount = ac.Element(RamActualAmount),
            BaseAmount = ac.Element(RamBasisAmount),
            Percentage = ac.Element(RamCalculationPercent),
            CategoryCode = tax?.Element(RamCategoryCode),
            AnySchemeCategoryCode = tax?.Element(RamCategoryCode),
            Rate = tax?.Element(RamRateApplicablePercent),
            Reason = ac.Element(RamReason),
            ReasonCode = ac.Element(RamReasonCode),
        };
    }

    private static LineView Line(XElement line)
    {
        var lineAgreement = line.Element(RamSpecifiedLineTradeAgreement);
        var lineSettlement = line.Element(RamSpecifiedLineTradeSettlement);
        var tax = lineSettlement?.Elements(RamApplicableTradeTax).FirstOrDefault();
        var product = line.Element(RamSpecifiedTradeProduct);
        var period = lineSettlement?.Element(RamBillingSpecifiedPeriod);
        var gross = lineAgreement?.Element(RamGrossPriceProductTradePrice);
        var net = lineAgreement?.Element(RamNetPriceProductTradePrice);
        return new LineView
        {
            Node = line,
            Id = line.Element(RamAssociatedDocumentLineDocument)?.Element(RamLineID),
            Quantity = line.Element(RamSpecifiedLineTradeDelivery)?.Element(RamBilledQuantity),
            NetAmount = lineSettlement?.Element(RamSpecifiedTradeSettlementLineMonetarySummation)?.Element(RamLineTotalAmount),
            ItemName = product?.Element(RamName),
            NetPrice = net?.Element(RamChargeAmount),
            GrossPrice = gross?.Element(RamChargeAmount),
            PriceDiscount = gross?.Element(RamAppliedTradeAllowanceCharge)?.Element(RamActualAmount),
            BaseQuantity = net?.Element(RamBasisQuantity),
            CategoryCode = tax?.Element(RamCategoryCode),
            Rate = tax?.Element(RamRateApplicablePercent),
            Period = period,
            PeriodStart = period?.Element(RamStartDateTime)?.Element(UdtDateTimeString),
            PeriodEnd = period?.Element(RamEndDateTime)?.Element(UdtDateTimeString),
            AllowanceCharges = [.. lineSettlement?.Elements(RamSpecifiedTradeAllowanceCharge).Select(AllowanceCharge) ?? []],
            StandardIds = [.. product?.Elements(RamGlobalID) ?? []],
            ClassificationCodes = [.. product?.Elements(RamDesignatedProductClassification).Elements(RamClassCode) ?? []],
            ItemAttributes = [.. product?.Elements(RamApplicableProductCharacteristic) ?? []],
        };
    }

    private static VatBreakdownView Breakdown(XElement tax) => new()
    {
        Node = tax,
        TaxableAmount = tax.Element(RamBasisAmount),
        TaxAmount = tax.Element(RamCalculatedAmount),
        CategoryCode = tax.Element(RamCategoryCode),
        Rate = tax.Element(RamRateApplicablePercent),
        ExemptionReason = tax.Element(RamExemptionReason),
        ExemptionReasonCode = tax.Element(RamExemptionReasonCode),
    };

    private static PaymentMeansView PaymentMeans(XElement means) => new()
    {
        Node = means,
        Code = means.Element(RamTypeCode),
        CardAccount = means.Element(RamApplicableTradeSettlementFinancialCard),
        CardNumber = means.Element(RamApplicableTradeSettlementFinancialCard)?.Element(RamID),
        CreditAccounts = [.. means.Elements(RamPayeePartyCreditorFinancialAccount).SelectMany(a => a.Elements().Where(e => e.Name == RamIBANID || e.Name == RamProprietaryID))],
        DebitMandate = means.Element(RamPayerPartyDebtorFinancialAccount),
        CreditAccountGroups = [.. means.Elements(RamPayeePartyCreditorFinancialAccount)],
    };
}
