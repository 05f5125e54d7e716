using System.Text;
using Cantate.Invoicing.Tests.Syntax;
using Cantate.Invoicing.Validation;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>
/// The French reform rules (FNFE-MPE France_RFE v1.4.0) under the <c>fr</c> profile. Each case starts from an invoice
/// the official rules accept (the akretion CII and UBL samples, the FNFE multi-vendor example UC10), breaks one rule
/// and expects its official id, fatal; the passing cases meet the rule's condition and stay silent.
/// </summary>
public sealed class FrenchRulesTests
{
    private const string Cii = "real/akretion/factur-x-en16931.xml";
    private const string Ubl = "real/akretion/ubl-21-en16931.xml";
    private const string UblCreditNote = "real/cen/ubl-tc434-creditnote1.xml";
    private const string MultiVendor = "real/mustang/UC10_F202600004_EXTENDED_FX_CII_Commentee.xml";

    /// <summary>One text replacement; occurrence 0 replaces every occurrence.</summary>
    public sealed record Edit(string Old, string New, int Occurrence = 1);

    public sealed record ReformCase(string Rule, string File, params Edit[] Edits)
    {
        public override string ToString() => $"{Rule} ({Path.GetFileName(File)})";
    }

    private static Edit CiiNote(string content, string subject) =>
        new("<ram:SubjectCode>AAB</ram:SubjectCode>", $"<ram:SubjectCode>AAB</ram:SubjectCode></ram:IncludedNote><ram:IncludedNote><ram:Content>{content}</ram:Content><ram:SubjectCode>{subject}</ram:SubjectCode>");

    private static Edit UblNote(string text) => new("<cbc:DocumentCurrencyCode>", $"<cbc:Note>{text}</cbc:Note><cbc:DocumentCurrencyCode>");

    private static Edit CiiType(string code) => new("<ram:TypeCode>380</ram:TypeCode>", $"<ram:TypeCode>{code}</ram:TypeCode>");

    private static Edit UblType(string code) => new("<cbc:InvoiceTypeCode>380", $"<cbc:InvoiceTypeCode>{code}");

    private static Edit CiiFramework(string code) => new("<ram:ID>S1</ram:ID>", $"<ram:ID>{code}</ram:ID>");

    private static Edit UblFramework(string code) => new("<cbc:ProfileID>S1", $"<cbc:ProfileID>{code}");

    private static readonly Edit CiiSingleTaxable = new("<ram:GlobalID schemeID=\"0060\">DUNS1235487", "<ram:GlobalID schemeID=\"0231\">123456782");
    private static readonly Edit UblSingleTaxable = new("<cbc:ID schemeID=\"SEPA\">Au bon moulin SARL</cbc:ID>", "<cbc:ID schemeID=\"0231\">999999998</cbc:ID>");
    private static readonly Edit MvFramework9 = new("<ram:ID>S8</ram:ID>", "<ram:ID>S9</ram:ID>");

    public static TheoryData<ReformCase> Failing =>
    [
        // Notes (BG-1) and the BAR processing note.
        new("BR-FR-06_BT-21_PMT", Cii, CiiNote("Indemnité : 40 €", "PMT")),
        new("BR-FR-06_BT-21-1", Ubl, UblNote("#PMT#Indemnité : 40 €")),
        new("BR-FR-06_BT-21_TXD", Cii, CiiNote("A", "TXD"), CiiNote("B", "TXD")),
        new("BR-FR-06_BT-21-4", Ubl, UblNote("#TXD#A"), UblNote("#TXD#B")),
        new("BR-FR-20_BT-21", Cii, CiiNote("B2X", "BAR")),
        new("BR-FR-20_BT-21", Ubl, UblNote("#BAR#B2X")),
        new("BR-FR-31_BT-21", Cii, CiiNote("B2C", "BAR"), CiiNote("OUTOFSCOPE", "BAR")),
        new("BR-FR-30_BT-21", Ubl, UblNote("#BAR#B2C"), UblNote("#BAR#OUTOFSCOPE")),
        new("BR-FR-11_BT-47", Cii, CiiNote("B2B", "BAR"), new Edit("schemeID=\"0002\">987654321<", "schemeID=\"0002\">98765432<")),
        new("BR-FR-11_BT-47", Ubl, UblNote("#BAR#B2B"), new Edit("<cbc:CompanyID schemeID=\"0002\">787878784<", "<cbc:CompanyID schemeID=\"0002\">78787878<")),
        new("BR-FR-21_BT-49", Cii, CiiNote("B2B", "BAR")),
        new("BR-FR-21_BT-49", Ubl, UblNote("#BAR#B2B"), new Edit("<cbc:EndpointID schemeID=\"0225\">787878784<", "<cbc:EndpointID schemeID=\"0225\">999999998<")),
        new("BR-FR-22_BT-34", Cii, CiiNote("B2B", "BAR"), CiiType("389")),
        new("BR-FR-22_BT-34", Ubl, UblNote("#BAR#B2C"), UblType("389"), new Edit("999999998_042", "111111111_042")),
        new("BR-FR-CO-14_BT-29-1", Cii, CiiSingleTaxable),
        new("BR-FR-CO-14_BT-29-1", Ubl, UblSingleTaxable),

        // Dates, referenced documents, billing framework.
        new("BR-FR-03_BT-9", Cii, new Edit("20260302", "20260230")),
        new("BR-FR-03_BT-74", Cii, new Edit("20261231", "19991231")),
        new("BR-FR-03_BT-26", Cii, new Edit("<qdt:DateTimeString format=\"102\">20260101<", "<qdt:DateTimeString format=\"102\">21260101<")),
        new("BR-FR-03_BT-73", Ubl, new Edit("<cbc:StartDate>2026-06-01<", "<cbc:StartDate>2026-06-31<")),
        new("BR-FR-03_BT-26", Ubl, new Edit("<cbc:IssueDate>2025-12-30<", "<cbc:IssueDate>1999-12-30<")),
        new("BR-FR-03_EXT-FR-FE-134", MultiVendor, new Edit("20251201", "20251301")),
        new("BR-FR-04_EXT-FR-FE-02", Cii, new Edit("<ram:IssuerAssignedID>F20260003</ram:IssuerAssignedID>", "<ram:IssuerAssignedID>F20260003</ram:IssuerAssignedID><ram:TypeCode>751</ram:TypeCode>")),
        new("BR-FR-04_EXT-FR-FE-02", Ubl, new Edit("<cbc:IssueDate>2025-12-30</cbc:IssueDate>", "<cbc:IssueDate>2025-12-30</cbc:IssueDate><cbc:DocumentTypeCode>751</cbc:DocumentTypeCode>")),
        new("BR-FR-18_BT-123", Cii, new Edit("<ram:Name>DOCUMENT_ANNEXE</ram:Name>", "<ram:Name>LISIBLE</ram:Name>"), new Edit("<ram:IssuerAssignedID>TENDER-002</ram:IssuerAssignedID>", "<ram:IssuerAssignedID>TENDER-002</ram:IssuerAssignedID><ram:Name>LISIBLE</ram:Name>")),
        new("BR-FR-18_BT-123", Ubl, new Edit("<cac:ProjectReference>", "<cac:AdditionalDocumentReference><cbc:ID>A</cbc:ID><cbc:DocumentDescription>LISIBLE</cbc:DocumentDescription></cac:AdditionalDocumentReference><cac:AdditionalDocumentReference><cbc:ID>B</cbc:ID><cbc:DocumentDescription>LISIBLE</cbc:DocumentDescription></cac:AdditionalDocumentReference><cac:ProjectReference>")),
        new("BR-FR-CO-03_BT-3", Cii, CiiType("262"), new Edit("<ram:IssuerAssignedID>CT2018120802</ram:IssuerAssignedID>", string.Empty)),
        new("BR-FR-CO-03_BT-3", UblCreditNote, new Edit("<cbc:CreditNoteTypeCode>381<", "<cbc:CreditNoteTypeCode>262<")),
        new("BR-FR-CO-04_BT-4", Cii, CiiType("384"), new Edit("</ram:InvoiceReferencedDocument>", "</ram:InvoiceReferencedDocument><ram:InvoiceReferencedDocument><ram:IssuerAssignedID>F20260002</ram:IssuerAssignedID></ram:InvoiceReferencedDocument>")),
        new("BR-FR-CO-04_BT-3", Ubl, UblType("384")),
        new("BR-FR-CO-08_BT-23", Cii, CiiFramework("B4"), CiiType("386")),
        new("BR-FR-CO-08_BT-23", Ubl, UblFramework("M4"), UblType("386")),
        new("BR-FR-CO-09_BT-23-1", Cii, CiiFramework("S2")),
        new("BR-FR-CO-09_BT-23-2", Cii, CiiFramework("S2")),
        new("BR-FR-CO-09_BT-23-3", Cii, CiiFramework("S2"), new Edit("<udt:DateTimeString format=\"102\">20260302</udt:DateTimeString>", string.Empty)),
        new("BR-FR-CO-09_BT-23-1", Ubl, UblFramework("B2")),
        new("BR-FR-CO-15_BT-29-1", Cii, CiiSingleTaxable, new Edit("<ram:ID schemeID=\"VA\">FR 05 987 654 321</ram:ID>", string.Empty, 2)),
        new("BR-FR-CO-15_BT-29-1", Ubl, UblSingleTaxable, new Edit("<cbc:CompanyID>FR15123456789</cbc:CompanyID>", string.Empty)),

        // Party identifiers and electronic addresses.
        new("BR-FR-09_BT-46", Cii, new Edit("<ram:GlobalID schemeID=\"0088\">3654789851</ram:GlobalID>", "<ram:GlobalID schemeID=\"0009\">12345678900011</ram:GlobalID>")),
        new("BR-FR-09_BT-46", Ubl, new Edit("<cbc:ID schemeID=\"0009\">78787878400018</cbc:ID>", "<cbc:ID schemeID=\"0009\">12345678400018</cbc:ID>")),
        new("BR-FR-09_BT-60", Cii, new Edit("<ram:GlobalID schemeID=\"0088\">587451236586</ram:GlobalID>", "<ram:GlobalID schemeID=\"0009\">30365684700010X</ram:GlobalID>")),
        new("BR-FR-23_BT-34", Cii, new Edit("<ram:URIID schemeID=\"EM\">moi@seller.com</ram:URIID>", "<ram:URIID schemeID=\"0225\">123456782/ventes</ram:URIID>")),
        new("BR-FR-23_BT-34", Ubl, new Edit("999999998_042", "999999998#042")),
        new("BR-FR-25_BT-49", Cii, new Edit("me@buyer.com", new string('a', 120) + "@buyer.com")),
        new("BR-FR-25_BT-49", Ubl, new Edit("<cbc:EndpointID schemeID=\"0225\">787878784<", "<cbc:EndpointID schemeID=\"0225\">787878784" + new string('0', 120) + "<")),
        new("BR-FR-24_BT-29", Cii, new Edit("<ram:GlobalID schemeID=\"0060\">DUNS1235487", "<ram:GlobalID schemeID=\"0224\">ROUTAGE 1")),
        new("BR-FR-24_BT-29", Ubl, new Edit("Code_ROUTAGE_seller", "Code/ROUTAGE")),
        new("BR-FR-26_BT-46", Cii, new Edit("<ram:GlobalID schemeID=\"0088\">3654789851</ram:GlobalID>", "<ram:GlobalID schemeID=\"0224\">" + new string('A', 101) + "</ram:GlobalID>")),
        new("BR-FR-CO-10_BT-29-1", Cii, new Edit("<ram:GlobalID schemeID=\"0060\">", "<ram:GlobalID>")),
        new("BR-FR-CO-10_BT-29-2", Cii, new Edit("<ram:GlobalID schemeID=\"0060\">", "<ram:GlobalID schemeID=\"0088\">")),
        new("BR-FR-CO-10_BT-29-2", Ubl, new Edit("<cbc:ID schemeID=\"SEPA\">", "<cbc:ID schemeID=\"0224\">")),
        new("BR-FR-CO-10_EXT-FR-FE-146-1", Ubl, new Edit("<cac:Item>", "<cac:Delivery><cac:DeliveryLocation><cbc:ID>QUAI-4</cbc:ID></cac:DeliveryLocation></cac:Delivery><cac:Item>")),
        new("BR-FR-CO-10_EXT-FR-FE-146-2", Ubl, new Edit("<cac:Item>", "<cac:Delivery><cac:DeliveryLocation><cbc:ID schemeID=\"0088\">1</cbc:ID><cbc:ID schemeID=\"0088\">2</cbc:ID></cac:DeliveryLocation></cac:Delivery><cac:Item>")),
        new("BR-FR-CO-10_EXT-FR-FE-146-2", Cii, new Edit("<ram:SpecifiedLineTradeSettlement>", "<ram:SpecifiedLineTradeDelivery><ram:ShipToTradeParty><ram:GlobalID schemeID=\"0088\">1</ram:GlobalID><ram:GlobalID schemeID=\"0088\">2</ram:GlobalID></ram:ShipToTradeParty></ram:SpecifiedLineTradeDelivery><ram:SpecifiedLineTradeSettlement>")),

        // Number formats, VAT categories, item attributes, invoiced objects, SIREN.
        new("BR-FR-DEC-01_BT-109", Cii, new Edit("<ram:TaxBasisTotalAmount>100.00<", "<ram:TaxBasisTotalAmount>100.000<")),
        new("BR-FR-DEC-01_BT-116", Cii, new Edit("<ram:BasisAmount>11.00<", "<ram:BasisAmount>11.<")),
        new("BR-FR-DEC-01_BT-109", Ubl, new Edit("<cbc:TaxExclusiveAmount currencyID=\"EUR\">273.00<", "<cbc:TaxExclusiveAmount currencyID=\"EUR\">+273.00<")),
        new("BR-FR-DEC-01_BT-92_BT-99", Ubl, new Edit("<cbc:Amount currencyID=\"EUR\">3.00<", "<cbc:Amount currencyID=\"EUR\">3.005<")),
        new("BR-FR-DEC-04_BT-152", Cii, new Edit("<ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>", "<ram:RateApplicablePercent>20.000</ram:RateApplicablePercent>")),
        new("BR-FR-DEC-03_BT-146", MultiVendor, new Edit("<ram:ChargeAmount>300.0000</ram:ChargeAmount>", "<ram:ChargeAmount>-300.0000</ram:ChargeAmount>")),
        new("BR-FR-15_BT-95_BT-118", Cii, new Edit("<ram:CategoryCode>K</ram:CategoryCode>", "<ram:CategoryCode>L</ram:CategoryCode>")),
        new("BR-FR-15_BT-95_BT-118_LM", Cii, new Edit("<ram:CategoryCode>K</ram:CategoryCode>", "<ram:CategoryCode>L</ram:CategoryCode>")),
        new("BR-FR-15_BT-95_BT-102", Cii, new Edit("<ram:CategoryCode>K</ram:CategoryCode>", "<ram:CategoryCode>B</ram:CategoryCode>", 2)),
        new("BR-FR-15_BT-95_BT-102_LM", Cii, new Edit("<ram:CategoryCode>K</ram:CategoryCode>", "<ram:CategoryCode>M</ram:CategoryCode>", 2)),
        new("BR-FR-15_BT-95_BT-102-2", Ubl, new Edit("<cbc:ID>S</cbc:ID>", "<cbc:ID>M</cbc:ID>")),
        new("BR-FR-08_BT-151-2", Ubl, new Edit("<cac:ClassifiedTaxCategory>\n        <cbc:ID>S</cbc:ID>", "<cac:ClassifiedTaxCategory>\n        <cbc:ID>L</cbc:ID>")),
        new("BR-FR-27_BT-160", Cii, new Edit("<ram:Description>CATEGORIE</ram:Description>", "<ram:Description> </ram:Description>")),
        new("BR-FR-27_BG-32", Cii, new Edit("<ram:Description>CATEGORIE</ram:Description>", string.Empty)),
        new("BR-FR-28-Value", Cii, new Edit("<ram:Value>JOUR 8H-20H</ram:Value>", "<ram:Value>JOUR 8H-20H</ram:Value><ram:ValueMeasure unitCode=\"HUR\">12</ram:ValueMeasure>")),
        new("BR-FR-28-Value", Ubl, new Edit("<cbc:Value>Vert</cbc:Value>", string.Empty)),
        new("BR-FR-29_BT-18", Cii, new Edit("<ram:ReferenceTypeCode>IT<", "<ram:ReferenceTypeCode>AFL<"), new Edit("<ram:IssuerAssignedID>TENDER-002</ram:IssuerAssignedID>", "<ram:IssuerAssignedID>TENDER-002</ram:IssuerAssignedID><ram:ReferenceTypeCode>AFL</ram:ReferenceTypeCode>")),
        new("BR-FR-29_AFL", Cii, new Edit("<ram:ReferenceTypeCode>IT<", "<ram:ReferenceTypeCode>AFL<"), new Edit("<ram:IssuerAssignedID>REFCLI0215</ram:IssuerAssignedID>", "<ram:IssuerAssignedID> </ram:IssuerAssignedID>")),
        new("BR-FR-29_AVV", Ubl, new Edit("<cbc:ID schemeID=\"AHK\">EMPL042</cbc:ID>", "<cbc:ID schemeID=\"AVV\"> </cbc:ID>")),
        new("BR-FR-32-GLOBALID", Cii, new Edit("<ram:GlobalID schemeID=\"0088\">3654789851</ram:GlobalID>", "<ram:GlobalID schemeID=\"0002\">3654789851</ram:GlobalID>")),
        new("BR-FR-32-ID", Ubl, new Edit("<cbc:ID schemeID=\"SEPA\">", "<cbc:ID schemeID=\"0002\">")),
        new("BR-FR-32-LEGALID", Ubl, new Edit("<cbc:CompanyID schemeID=\"0002\">787878784<", "<cbc:CompanyID schemeID=\"0002\">7878787840<")),

        // Multi-vendor (S8) and bi-directional (S9) invoices.
        new("BR-FR-MV-01_EXT-FR-FE-163", MultiVendor, new Edit("<ram:LineStatusReasonCode>DETAIL</ram:LineStatusReasonCode>", "<ram:LineStatusReasonCode> </ram:LineStatusReasonCode>")),
        new("BR-FR-MV-02_EXT-FR-FE-163", MultiVendor, new Edit("<ram:LineStatusReasonCode>GROUP</ram:LineStatusReasonCode>", "<ram:LineStatusReasonCode>DETAIL</ram:LineStatusReasonCode>", 0)),
        new("BR-FR-MV-03_EXT-FR-FE-164", MultiVendor, new Edit("<ram:Name>LE VENDEUR</ram:Name>", "<ram:Name> </ram:Name>")),
        new("BR-FR-MV-03_EXT-FR-FE-167", MultiVendor, new Edit("<ram:ID schemeID=\"0002\">100000009</ram:ID>", "<ram:ID schemeID=\"0002\"></ram:ID>")),
        new("BR-FR-MV-03_EXT-FR-FE-177", MultiVendor, new Edit("<ram:CountryID>FR</ram:CountryID>", "<ram:CountryID></ram:CountryID>")),
        new("BR-FR-MV-03_EXT-FR-FE-181", MultiVendor, new Edit("currencyID=\"EUR\">200.00", "currencyID=\"USD\">200.00")),
        new("BR-FR-MV-03_BT-128_AVV", MultiVendor, new Edit("<ram:IssuerAssignedID>S1</ram:IssuerAssignedID>", "<ram:IssuerAssignedID>S8</ram:IssuerAssignedID>")),
        new("BR-FR-MV-03_BT-128_AFL", MultiVendor, new Edit("<ram:IssuerAssignedID>F202600004</ram:IssuerAssignedID>", "<ram:IssuerAssignedID> </ram:IssuerAssignedID>")),
        new("BR-FR-MV-05_EXT-FR-FE-BG-12", MultiVendor, new Edit("<ram:LineTotalAmount>1000.00</ram:LineTotalAmount>", "<ram:LineTotalAmount>1000.50</ram:LineTotalAmount>")),
        new("BR-FR-MV-06_EXT-FR-FE-167", MultiVendor, new Edit("<ram:ID schemeID=\"0002\">100000009</ram:ID>", "<ram:ID schemeID=\"0002\">999999999</ram:ID>", 2)),
        new("BR-FR-MV-07_BT-128", MultiVendor, new Edit("<ram:IssuerAssignedID>F202600004</ram:IssuerAssignedID>", "<ram:IssuerAssignedID>F202600005</ram:IssuerAssignedID>", 2)),
        new("BR-FR-MV-08_BT-128", MultiVendor, new Edit("<ram:ExemptionReason>#F202600004#</ram:ExemptionReason>", "<ram:ExemptionReason>F202600004</ram:ExemptionReason>")),
        new("BR-FR-MV-09_EXT-FR-FE-181", MultiVendor, new Edit("currencyID=\"EUR\">200.00", "currencyID=\"EUR\">210.00")),
        new("BR-FR-MV-10_EXT-FR-FE-184", MultiVendor, new Edit("<ram:GrandTotalAmount>1200.00</ram:GrandTotalAmount>", "<ram:GrandTotalAmount>1250.00</ram:GrandTotalAmount>")),
        new("BR-FR-MV-11_BT-128", MultiVendor, new Edit("<ram:IssuerAssignedID>F202600004</ram:IssuerAssignedID>", "<ram:IssuerAssignedID>SUB1</ram:IssuerAssignedID>")),
        new("BR-FR-MV-12_BT-128", MultiVendor, new Edit("111111118_F202600004", "F202600004", 0)),
        new("BR-FR-MV-13_BT-3", MultiVendor, new Edit("<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>389</ram:TypeCode>")),
        new("BR-FR-MV-14-EXT-FR-FE-136", MultiVendor, new Edit("<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>381</ram:TypeCode>")),
        new("BR-FR-MV-14-EXT-FR-FE-138", MultiVendor, new Edit("<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>384</ram:TypeCode>")),
        new("BR-FR-BD-13_BT-3", MultiVendor, MvFramework9),
        new("BR-FR-BD-02_BT-47", MultiVendor, MvFramework9, new Edit("<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>389</ram:TypeCode>")),
        new("BR-FR-BD-02_EXT-FR-FE-163", MultiVendor, MvFramework9, new Edit("<ram:LineStatusReasonCode>GROUP</ram:LineStatusReasonCode>", "<ram:LineStatusReasonCode>DETAIL</ram:LineStatusReasonCode>")),
        new("BR-FR-BD-14-EXT-FR-FE-136", MultiVendor, MvFramework9, new Edit("<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>261</ram:TypeCode>")),
    ];

    public static TheoryData<ReformCase> Passing =>
    [
        new("BR-FR-11_BT-47", Ubl, UblNote("#BAR#B2B")),
        new("BR-FR-21_BT-49", Ubl, UblNote("#BAR#B2B")),
        new("BR-FR-21_BT-49", Cii, CiiNote("B2B", "BAR"), new Edit("<ram:URIID schemeID=\"EM\">me@buyer.com</ram:URIID>", "<ram:URIID schemeID=\"0225\">987654321_achats</ram:URIID>")),
        new("BR-FR-22_BT-34", Cii, CiiNote("B2B", "BAR"), CiiType("389"), new Edit("<ram:URIID schemeID=\"EM\">moi@seller.com</ram:URIID>", "<ram:URIID schemeID=\"0225\">123456782_ventes</ram:URIID>")),
        new("BR-FR-22_BT-34", Ubl, UblNote("#BAR#B2C"), UblType("389")),
        new("BR-FR-20_BT-21", Cii, CiiNote("B2CINT", "BAR")),
        new("BR-FR-CO-14_BT-29-1", Cii, CiiSingleTaxable, CiiNote("MEMBRE_ASSUJETTI_UNIQUE", "TXD")),
        new("BR-FR-CO-14_BT-29-1", Ubl, UblSingleTaxable, UblNote("#TXD#MEMBRE_ASSUJETTI_UNIQUE")),
        new("BR-FR-CO-15_BT-29-1", Cii, CiiSingleTaxable),
        new("BR-FR-CO-15_BT-29-1", Ubl, UblSingleTaxable),
        new("BR-FR-CO-03_BT-3", UblCreditNote, new Edit("<cbc:CreditNoteTypeCode>381<", "<cbc:CreditNoteTypeCode>262<"), new Edit("<cac:InvoicePeriod>", "<cac:ContractDocumentReference><cbc:ID>CT-1</cbc:ID></cac:ContractDocumentReference><cac:InvoicePeriod>")),
        new("BR-FR-CO-03_BT-3", Cii, CiiType("262")),
        new("BR-FR-CO-04_BT-4", Cii, CiiType("384")),
        new("BR-FR-CO-04_BT-3", Ubl, UblType("384"), new Edit("<cac:BillingReference>\n    <cac:InvoiceDocumentReference>\n      <cbc:ID>F124210</cbc:ID>\n    </cac:InvoiceDocumentReference>\n  </cac:BillingReference>", string.Empty)),
        new("BR-FR-CO-08_BT-23", Cii, CiiFramework("B4")),
        new("BR-FR-CO-09_BT-23-1", Cii, CiiFramework("S2"), new Edit("<ram:TotalPrepaidAmount>0.00<", "<ram:TotalPrepaidAmount>104.90<"), new Edit("<ram:DuePayableAmount>104.90<", "<ram:DuePayableAmount>0.00<")),
        new("BR-FR-CO-09_BT-23-2", Cii, CiiFramework("S2"), new Edit("<ram:TotalPrepaidAmount>0.00<", "<ram:TotalPrepaidAmount>104.90<"), new Edit("<ram:DuePayableAmount>104.90<", "<ram:DuePayableAmount>0.00<")),
        new("BR-FR-09_BT-46", Cii, new Edit("<ram:GlobalID schemeID=\"0088\">3654789851</ram:GlobalID>", "<ram:GlobalID schemeID=\"0009\">98765432100011</ram:GlobalID>")),
        new("BR-FR-09_BT-60", Cii, new Edit("<ram:GlobalID schemeID=\"0088\">587451236586</ram:GlobalID>", "<ram:GlobalID schemeID=\"0009\">30365684700010</ram:GlobalID>")),
        new("BR-FR-23_BT-34", Cii, new Edit("<ram:URIID schemeID=\"EM\">moi@seller.com</ram:URIID>", "<ram:URIID schemeID=\"0225\">123456782_ventes.fr</ram:URIID>")),
        new("BR-FR-BD-13_BT-3", MultiVendor, MvFramework9, new Edit("<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>389</ram:TypeCode>")),
        new("BR-FR-BD-02_BT-47", MultiVendor, MvFramework9, new Edit("<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>389</ram:TypeCode>"), new Edit("schemeID=\"0002\">111111118<", "schemeID=\"0002\">200000008<", 0)),
        new("BR-FR-BD-02_BT-31", MultiVendor, MvFramework9),
        new("BR-FR-DEC-03_BT-146", MultiVendor, MvFramework9, new Edit("<ram:ChargeAmount>300.0000</ram:ChargeAmount>", "<ram:ChargeAmount>-300.0000</ram:ChargeAmount>")),
        new("BR-FR-32-GLOBALID", Cii, new Edit("<ram:GlobalID schemeID=\"0088\">3654789851</ram:GlobalID>", "<ram:GlobalID schemeID=\"0002\">987654321</ram:GlobalID>")),
        new("BR-FR-28-Value", Cii, new Edit("<ram:Value>JOUR 8H-20H</ram:Value>", "<ram:ValueMeasure unitCode=\"HUR\">12</ram:ValueMeasure>")),
    ];

    private static ValidationReport Validate(string xml) =>
        InvoiceValidator.Validate(Encoding.UTF8.GetBytes(xml), "invoice.xml", ValidationProfile.Fr);

    private static string Apply(ReformCase c)
    {
        var text = File.ReadAllText(CorpusFiles.PathOf(c.File));
        foreach (var edit in c.Edits)
        {
            Assert.True(text.Contains(edit.Old, StringComparison.Ordinal), $"'{edit.Old}' not found in {c.File}.");
            text = edit.Occurrence == 0 ? text.Replace(edit.Old, edit.New, StringComparison.Ordinal) : ReplaceNth(text, edit.Old, edit.New, edit.Occurrence);
        }

        return text;
    }

    private static string ReplaceNth(string text, string oldValue, string newValue, int occurrence)
    {
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = text.IndexOf(oldValue, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"occurrence {occurrence} of '{oldValue}' not found.");
        }

        return string.Concat(text.AsSpan(0, at), newValue, text.AsSpan(at + oldValue.Length));
    }

    [Theory]
    [InlineData(Cii)]
    [InlineData(Ubl)]
    [InlineData(MultiVendor)]
    public void The_starting_invoices_meet_every_reform_rule(string file)
    {
        var report = Validate(File.ReadAllText(CorpusFiles.PathOf(file)));
        Assert.DoesNotContain(report.Findings, f => f.Rule.StartsWith("BR-FR", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Failing))]
    public void An_invoice_breaking_a_reform_rule_gets_its_official_id(ReformCase c)
    {
        var report = Validate(Apply(c));
        var findings = report.Findings.Where(f => f.Rule == c.Rule).ToList();
        Assert.NotEmpty(findings);
        Assert.False(report.IsValid);
        Assert.All(findings, finding =>
        {
            Assert.Equal(FindingSeverity.Fatal, finding.Severity);
            Assert.NotEmpty(finding.BusinessTerm);
            Assert.StartsWith("/", finding.Location, StringComparison.Ordinal);
            Assert.NotEmpty(finding.MessageFr);
            Assert.DoesNotContain("{", finding.MessageEn, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(Passing))]
    public void An_invoice_meeting_a_reform_rule_under_its_condition_is_not_blamed(ReformCase c)
    {
        var report = Validate(Apply(c));
        Assert.DoesNotContain(report.Findings, f => f.Rule == c.Rule);
    }

    [Fact]
    public void A_finding_says_which_values_disagree()
    {
        var b2b = Validate(Apply(new ReformCase("BR-FR-21_BT-49", Cii, CiiNote("B2B", "BAR"))));
        var address = Assert.Single(b2b.Findings, f => f.Rule == "BR-FR-21_BT-49");
        Assert.Contains("me@buyer.com", address.MessageEn, StringComparison.Ordinal);
        Assert.Contains("987654321", address.MessageFr, StringComparison.Ordinal);
        Assert.EndsWith("ram:URIUniversalCommunication[1]/ram:URIID[1]", address.Location, StringComparison.Ordinal);

        var group = Validate(Apply(new ReformCase("BR-FR-MV-05_EXT-FR-FE-BG-12", MultiVendor, new Edit("<ram:LineTotalAmount>1000.00</ram:LineTotalAmount>", "<ram:LineTotalAmount>1000.50</ram:LineTotalAmount>"))));
        var sum = Assert.Single(group.Findings, f => f.Rule == "BR-FR-MV-05_EXT-FR-FE-BG-12");
        Assert.Contains("1000.50", sum.MessageEn, StringComparison.Ordinal);
        Assert.Contains("1000.00", sum.MessageEn, StringComparison.Ordinal);
        Assert.EndsWith("ram:IncludedSupplyChainTradeLineItem[1]", sum.Location, StringComparison.Ordinal);
    }
}
