using System.Globalization;
using System.Xml.Linq;
using Cantate.Invoicing.Syntax;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>Single, targeted corruptions of a valid UBL or CII invoice, each with the rule that must catch it.</summary>
public sealed record InvoiceCorruption(string Name, string ExpectedRule, Action<XElement, bool> Apply)
{
    public override string ToString() => Name;

    private static readonly XNamespace Cbc = Namespaces.Cbc;
    private static readonly XNamespace Cac = Namespaces.Cac;
    private static readonly XNamespace Ram = Namespaces.Ram;

    public static readonly IReadOnlyList<InvoiceCorruption> All =
    [
        new("sum of line net amounts off by one cent", "BR-CO-10", (root, ubl) =>
            Shift(ubl ? root.Element(Cac + "LegalMonetaryTotal")!.Element(Cbc + "LineExtensionAmount")! : Totals(root).Element(Ram + "LineTotalAmount")!, 0.01m)),
        new("amount due off by one euro", "BR-CO-16", (root, ubl) =>
            Shift(ubl ? root.Element(Cac + "LegalMonetaryTotal")!.Element(Cbc + "PayableAmount")! : Totals(root).Element(Ram + "DuePayableAmount")!, 1m)),
        new("VAT total off by five euros", "BR-CO-14", (root, ubl) =>
            Shift(ubl ? root.Element(Cac + "TaxTotal")!.Element(Cbc + "TaxAmount")! : Totals(root).Element(Ram + "TaxTotalAmount")!, 5m)),
        new("seller name removed", "BR-06", (root, ubl) =>
            (ubl ? root.Element(Cac + "AccountingSupplierParty")!.Element(Cac + "Party")!.Element(Cac + "PartyLegalEntity")!.Element(Cbc + "RegistrationName")! : Agreement(root).Element(Ram + "SellerTradeParty")!.Element(Ram + "Name")!).Value = string.Empty),
        new("invoice number emptied", "BR-02", (root, ubl) =>
            (ubl ? root.Element(Cbc + "ID")! : root.Element(Namespaces.Rsm + "ExchangedDocument")!.Element(Ram + "ID")!).Value = string.Empty),
        new("currency not ISO 4217", "BR-CL-04", (root, ubl) =>
            (ubl ? root.Element(Cbc + "DocumentCurrencyCode")! : Settlement(root).Element(Ram + "InvoiceCurrencyCode")!).Value = "XXY"),
        new("unit of measure not in Rec 20", "BR-CL-23", (root, ubl) =>
            (ubl ? root.Descendants().First(e => e.Name == Cbc + "InvoicedQuantity" || e.Name == Cbc + "CreditedQuantity") : root.Descendants(Ram + "BilledQuantity").First()).SetAttributeValue("unitCode", "QQQ")),
        new("type code not in UNTDID 1001", "BR-CL-01", (root, ubl) =>
            (ubl ? root.Elements().First(e => e.Name == Cbc + "InvoiceTypeCode" || e.Name == Cbc + "CreditNoteTypeCode") : root.Element(Namespaces.Rsm + "ExchangedDocument")!.Element(Ram + "TypeCode")!).Value = "999"),
        new("line net amount with three decimals", "BR-DEC-23", (root, ubl) =>
        {
            var amount = ubl
                ? root.Elements().First(e => e.Name == Cac + "InvoiceLine" || e.Name == Cac + "CreditNoteLine").Element(Cbc + "LineExtensionAmount")!
                : root.Descendants(Ram + "SpecifiedTradeSettlementLineMonetarySummation").First().Element(Ram + "LineTotalAmount")!;
            amount.Value += amount.Value.Contains('.', StringComparison.Ordinal) ? "1" : ".001";
        }),
        new("buyer postal address removed", "BR-10", (root, ubl) =>
            (ubl ? root.Element(Cac + "AccountingCustomerParty")!.Element(Cac + "Party")!.Element(Cac + "PostalAddress")! : Agreement(root).Element(Ram + "BuyerTradeParty")!.Element(Ram + "PostalTradeAddress")!).Remove()),
    ];

    private static XElement Settlement(XElement root) =>
        root.Element(Namespaces.Rsm + "SupplyChainTradeTransaction")!.Element(Ram + "ApplicableHeaderTradeSettlement")!;

    private static XElement Agreement(XElement root) =>
        root.Element(Namespaces.Rsm + "SupplyChainTradeTransaction")!.Element(Ram + "ApplicableHeaderTradeAgreement")!;

    private static XElement Totals(XElement root) => Settlement(root).Element(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation")!;

    private static void Shift(XElement amount, decimal by) =>
        amount.Value = (decimal.Parse(amount.Value, CultureInfo.InvariantCulture) + by).ToString("0.00", CultureInfo.InvariantCulture);
}
