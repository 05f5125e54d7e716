using System.Text;
using System.Xml.Linq;
using Cantate.Invoicing.Syntax;
using Cantate.Invoicing.Tests.Syntax;
using Cantate.Invoicing.Validation;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>The Chorus Pro profile: EN 16931 plus the B2G controls of Chorus Pro.</summary>
public sealed class ChorusProfileTests
{
    private static readonly XNamespace Cbc = Namespaces.Cbc;
    private static readonly XNamespace Cac = Namespaces.Cac;

    /// <summary>A valid EN 16931 UBL invoice from the corpus, addressed to a public buyer with its SIRET.</summary>
    private static XDocument PublicInvoice()
    {
        var document = XDocument.Load(CorpusFiles.PathOf("real/akretion/ubl-21-en16931.xml"));
        var buyer = document.Root!.Element(Cac + "AccountingCustomerParty")!.Element(Cac + "Party")!;
        var legal = buyer.Element(Cac + "PartyLegalEntity")!;
        legal.Element(Cbc + "CompanyID")?.Remove();
        legal.Element(Cbc + "RegistrationName")!.AddAfterSelf(new XElement(Cbc + "CompanyID", new XAttribute("schemeID", "0009"), "11000201100044"));
        return document;
    }

    private static ValidationReport Validate(XDocument document) =>
        InvoiceValidator.Validate(Encoding.UTF8.GetBytes(document.ToString()), "chorus.xml", ValidationProfile.Chorus);

    private static IEnumerable<string> Rules(ValidationReport report) => report.Findings.Where(f => f.Severity == FindingSeverity.Fatal).Select(f => f.Rule);

    [Fact]
    public void An_invoice_to_a_public_buyer_identified_by_its_siret_passes()
    {
        var report = Validate(PublicInvoice());
        Assert.True(report.IsValid, string.Join(' ', Rules(report)));
    }

    [Fact]
    public void An_invoice_number_longer_than_20_characters_is_refused()
    {
        var document = PublicInvoice();
        document.Root!.Element(Cbc + "ID")!.Value = "F-2026-000000000000012";
        Assert.Contains("CHORUS-BT-1", Rules(Validate(document)));
    }

    [Theory]
    [InlineData("751")]
    [InlineData("389")]
    public void Accounting_information_and_self_billed_type_codes_are_refused(string code)
    {
        var document = PublicInvoice();
        document.Root!.Element(Cbc + "InvoiceTypeCode")!.Value = code;
        Assert.Contains("CHORUS-BT-3", Rules(Validate(document)));
    }

    [Fact]
    public void A_buyer_without_siret_is_refused()
    {
        var document = PublicInvoice();
        var buyer = document.Root!.Element(Cac + "AccountingCustomerParty")!.Element(Cac + "Party")!;
        buyer.Descendants(Cbc + "CompanyID").Single(e => e.Attribute("schemeID")?.Value == "0009").Remove();
        buyer.Elements(Cac + "PartyIdentification").Remove();
        Assert.Contains("CHORUS-BT-47", Rules(Validate(document)));
    }

    [Fact]
    public void A_vat_accounting_currency_other_than_the_invoice_currency_is_refused()
    {
        var document = PublicInvoice();
        document.Root!.Element(Cbc + "DocumentCurrencyCode")!.AddAfterSelf(new XElement(Cbc + "TaxCurrencyCode", "USD"));
        Assert.Contains("CHORUS-BT-6", Rules(Validate(document)));
    }

    [Fact]
    public void The_chorus_rules_do_not_apply_to_the_en16931_profile()
    {
        var document = PublicInvoice();
        document.Root!.Element(Cbc + "ID")!.Value = "F-2026-000000000000012";
        var report = InvoiceValidator.Validate(Encoding.UTF8.GetBytes(document.ToString()), "x.xml", ValidationProfile.En16931);
        Assert.DoesNotContain(report.Findings, f => f.Rule.StartsWith("CHORUS", StringComparison.Ordinal));
    }
}
