using System.Xml.Linq;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Syntax;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>Reads the <see cref="InvoiceView"/> of a UN/CEFACT Cross Industry Invoice (EN 16931 CII binding).</summary>
internal static class CiiView
{
    private static readonly XNamespace Ram = Namespaces.Ram;
    private static readonly XNamespace Rsm = Namespaces.Rsm;
    private static readonly XNamespace Udt = Namespaces.Udt;

    public static InvoiceView Read(XElement root)
    {
        var document = root.Element(Rsm + "ExchangedDocument");
        var transaction = root.Element(Rsm + "SupplyChainTradeTransaction");
        var agreement = transaction?.Element(Ram + "ApplicableHeaderTradeAgreement");
        var delivery = transaction?.Element(Ram + "ApplicableHeaderTradeDelivery");
        var settlement = transaction?.Element(Ram + "ApplicableHeaderTradeSettlement");
        var totals = settlement?.Element(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation");
        var taxes = settlement?.Elements(Ram + "ApplicableTradeTax").ToList() ?? [];
        return new InvoiceView
        {
            Root = root,
            IsUbl = false,
            CustomizationId = root.Element(Rsm + "ExchangedDocumentContext")?.Element(Ram + "GuidelineSpecifiedDocumentContextParameter")?.Element(Ram + "ID"),
            Id = document?.Element(Ram + "ID"),
            IssueDate = document?.Element(Ram + "IssueDateTime")?.Element(Udt + "DateTimeString"),
            TypeCode = document?.Element(Ram + "TypeCode"),
            Currency = settlement?.Element(Ram + "InvoiceCurrencyCode"),
            TaxCurrencies = [.. settlement?.Elements(Ram + "TaxCurrencyCode") ?? []],
            TaxPointDate = taxes.Elements(Ram + "TaxPointDate").FirstOrDefault(),
            TaxPointDateCodes = [.. taxes.Elements(Ram + "DueDateTypeCode")],
            DueDate = settlement?.Elements(Ram + "SpecifiedTradePaymentTerms").Elements(Ram + "DueDateDateTime").FirstOrDefault(),
            PaymentTermsNote = settlement?.Elements(Ram + "SpecifiedTradePaymentTerms").Elements(Ram + "Description").FirstOrDefault(),
            InvoicePeriods = [.. settlement?.Elements(Ram + "BillingSpecifiedPeriod") ?? []],
            Seller = Party(agreement?.Element(Ram + "SellerTradeParty")),
            Buyer = Party(agreement?.Element(Ram + "BuyerTradeParty")),
            Payee = Party(settlement?.Element(Ram + "PayeeTradeParty")),
            TaxRepresentative = Party(agreement?.Element(Ram + "SellerTaxRepresentativeTradeParty")),
            DeliverToAddress = delivery?.Element(Ram + "ShipToTradeParty")?.Element(Ram + "PostalTradeAddress"),
            DeliverToCountry = delivery?.Element(Ram + "ShipToTradeParty")?.Element(Ram + "PostalTradeAddress")?.Element(Ram + "CountryID"),
            ActualDeliveryDate = delivery?.Element(Ram + "ActualDeliverySupplyChainEvent")?.Element(Ram + "OccurrenceDateTime")?.Element(Udt + "DateTimeString"),
            AllowanceCharges = [.. settlement?.Elements(Ram + "SpecifiedTradeAllowanceCharge").Select(AllowanceCharge) ?? []],
            Lines = [.. transaction?.Elements(Ram + "IncludedSupplyChainTradeLineItem").Select(Line) ?? []],
            VatBreakdowns = [.. taxes.Select(Breakdown)],
            Totals = totals,
            LineTotal = totals?.Element(Ram + "LineTotalAmount"),
            AllowanceTotal = totals?.Element(Ram + "AllowanceTotalAmount"),
            ChargeTotal = totals?.Element(Ram + "ChargeTotalAmount"),
            TaxExclusive = totals?.Element(Ram + "TaxBasisTotalAmount"),
            TaxTotalAmounts = [.. totals?.Elements(Ram + "TaxTotalAmount") ?? []],
            TaxInclusive = totals?.Element(Ram + "GrandTotalAmount"),
            Prepaid = totals?.Element(Ram + "TotalPrepaidAmount"),
            Rounding = totals?.Element(Ram + "RoundingAmount"),
            Payable = totals?.Element(Ram + "DuePayableAmount"),
            PaymentMeans = [.. settlement?.Elements(Ram + "SpecifiedTradeSettlementPaymentMeans").Select(PaymentMeans) ?? []],
            SupportingDocuments = [.. agreement?.Elements(Ram + "AdditionalReferencedDocument").Select(d => (d, d.Element(Ram + "IssuerAssignedID"))) ?? []],
            PrecedingInvoices = [.. settlement?.Elements(Ram + "InvoiceReferencedDocument").Select(d => (d, d.Element(Ram + "IssuerAssignedID"))) ?? []],
        };
    }

    private static PartyView? Party(XElement? party)
    {
        if (party is null)
        {
            return null;
        }

        var registrations = party.Elements(Ram + "SpecifiedTaxRegistration").Elements(Ram + "ID").ToList();
        var address = party.Element(Ram + "PostalTradeAddress");
        return new PartyView
        {
            Node = party,
            Name = party.Element(Ram + "Name"),
            TradingName = party.Element(Ram + "SpecifiedLegalOrganization")?.Element(Ram + "TradingBusinessName"),
            PostalAddress = address,
            Country = address?.Element(Ram + "CountryID"),
            VatIds = [.. registrations.Where(r => r.Attr("schemeID") == "VA")],
            TaxRegistrationIds = [.. registrations.Where(r => r.Attr("schemeID") == "FC")],
            LegalIds = [.. party.Elements(Ram + "SpecifiedLegalOrganization").Elements(Ram + "ID")],
            Identifiers = [.. party.Elements().Where(e => e.Name == Ram + "ID" || e.Name == Ram + "GlobalID")],
            ElectronicAddress = party.Element(Ram + "URIUniversalCommunication")?.Element(Ram + "URIID"),
        };
    }

    private static bool? Indicator(XElement? e) => e?.Element(Udt + "Indicator").Norm() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    private static AllowanceChargeView AllowanceCharge(XElement ac)
    {
        var tax = ac.Element(Ram + "CategoryTradeTax");
        return new AllowanceChargeView
        {
            Node = ac,
            IsCharge = Indicator(ac.Element(Ram + "ChargeIndicator")),
            Amount = ac.Element(Ram + "ActualAmount"),
            BaseAmount = ac.Element(Ram + "BasisAmount"),
            Percentage = ac.Element(Ram + "CalculationPercent"),
            CategoryCode = tax?.Element(Ram + "CategoryCode"),
            AnySchemeCategoryCode = tax?.Element(Ram + "CategoryCode"),
            Rate = tax?.Element(Ram + "RateApplicablePercent"),
            Reason = ac.Element(Ram + "Reason"),
            ReasonCode = ac.Element(Ram + "ReasonCode"),
        };
    }

    private static LineView Line(XElement line)
    {
        var lineAgreement = line.Element(Ram + "SpecifiedLineTradeAgreement");
        var lineSettlement = line.Element(Ram + "SpecifiedLineTradeSettlement");
        var tax = lineSettlement?.Elements(Ram + "ApplicableTradeTax").FirstOrDefault();
        var product = line.Element(Ram + "SpecifiedTradeProduct");
        var period = lineSettlement?.Element(Ram + "BillingSpecifiedPeriod");
        var gross = lineAgreement?.Element(Ram + "GrossPriceProductTradePrice");
        var net = lineAgreement?.Element(Ram + "NetPriceProductTradePrice");
        return new LineView
        {
            Node = line,
            Id = line.Element(Ram + "AssociatedDocumentLineDocument")?.Element(Ram + "LineID"),
            Quantity = line.Element(Ram + "SpecifiedLineTradeDelivery")?.Element(Ram + "BilledQuantity"),
            NetAmount = lineSettlement?.Element(Ram + "SpecifiedTradeSettlementLineMonetarySummation")?.Element(Ram + "LineTotalAmount"),
            ItemName = product?.Element(Ram + "Name"),
            NetPrice = net?.Element(Ram + "ChargeAmount"),
            GrossPrice = gross?.Element(Ram + "ChargeAmount"),
            PriceDiscount = gross?.Element(Ram + "AppliedTradeAllowanceCharge")?.Element(Ram + "ActualAmount"),
            BaseQuantity = net?.Element(Ram + "BasisQuantity"),
            CategoryCode = tax?.Element(Ram + "CategoryCode"),
            Rate = tax?.Element(Ram + "RateApplicablePercent"),
            Period = period,
            PeriodStart = period?.Element(Ram + "StartDateTime")?.Element(Udt + "DateTimeString"),
            PeriodEnd = period?.Element(Ram + "EndDateTime")?.Element(Udt + "DateTimeString"),
            AllowanceCharges = [.. lineSettlement?.Elements(Ram + "SpecifiedTradeAllowanceCharge").Select(AllowanceCharge) ?? []],
            StandardIds = [.. product?.Elements(Ram + "GlobalID") ?? []],
            ClassificationCodes = [.. product?.Elements(Ram + "DesignatedProductClassification").Elements(Ram + "ClassCode") ?? []],
            ItemAttributes = [.. product?.Elements(Ram + "ApplicableProductCharacteristic") ?? []],
        };
    }

    private static VatBreakdownView Breakdown(XElement tax) => new()
    {
        Node = tax,
        TaxableAmount = tax.Element(Ram + "BasisAmount"),
        TaxAmount = tax.Element(Ram + "CalculatedAmount"),
        CategoryCode = tax.Element(Ram + "CategoryCode"),
        Rate = tax.Element(Ram + "RateApplicablePercent"),
        ExemptionReason = tax.Element(Ram + "ExemptionReason"),
        ExemptionReasonCode = tax.Element(Ram + "ExemptionReasonCode"),
    };

    private static PaymentMeansView PaymentMeans(XElement means) => new()
    {
        Node = means,
        Code = means.Element(Ram + "TypeCode"),
        CardAccount = means.Element(Ram + "ApplicableTradeSettlementFinancialCard"),
        CardNumber = means.Element(Ram + "ApplicableTradeSettlementFinancialCard")?.Element(Ram + "ID"),
        CreditAccounts = [.. means.Elements(Ram + "PayeePartyCreditorFinancialAccount").SelectMany(a => a.Elements().Where(e => e.Name == Ram + "IBANID" || e.Name == Ram + "ProprietaryID"))],
        DebitMandate = means.Element(Ram + "PayerPartyDebtorFinancialAccount"),
        CreditAccountGroups = [.. means.Elements(Ram + "PayeePartyCreditorFinancialAccount")],
    };
}
