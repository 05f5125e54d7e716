using Cantate.Invoicing.Tests.Syntax;
using Cantate.Invoicing.Validation;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>The <c>facturx</c> profile: the profile named by BT-24 decides which EN 16931 rules apply.</summary>
public sealed class FacturXProfileTests
{
    private static ValidationReport Validate(string file, ValidationProfile profile) =>
        InvoiceValidator.Validate(File.ReadAllBytes(CorpusFiles.PathOf(file)), Path.GetFileName(file), profile);

    [Fact]
    public void A_minimum_invoice_is_not_blamed_for_having_no_lines_under_the_factur_x_profile()
    {
        var en16931 = Validate("real/akretion/factur-x-minimum.xml", ValidationProfile.En16931);
        var facturX = Validate("real/akretion/factur-x-minimum.xml", ValidationProfile.FacturX);
        Assert.Contains(en16931.Findings, f => f.Rule == "BR-16");
        Assert.DoesNotContain(facturX.Findings, f => f.Rule is "BR-16" or "BR-CO-10");
    }

    [Fact]
    public void A_minimum_invoice_with_the_buyer_address_and_vat_number_uses_elements_the_profile_does_not()
    {
        var report = Validate("real/mustang/facturFrMinimum.xml", ValidationProfile.FacturX);
        var notUsed = report.Findings.Where(f => f.Rule == "FX-NOTUSED").Select(f => f.Location).ToList();
        Assert.False(report.IsValid);
        Assert.Contains(notUsed, l => l.EndsWith("ram:BuyerTradeParty[1]/ram:PostalTradeAddress[1]", StringComparison.Ordinal));
        Assert.Contains(notUsed, l => l.EndsWith("ram:BuyerTradeParty[1]/ram:SpecifiedTaxRegistration[1]", StringComparison.Ordinal));
        Assert.Contains(notUsed, l => l.EndsWith("ram:TaxBasisTotalAmount[1]/@currencyID", StringComparison.Ordinal));
        Assert.DoesNotContain(Validate("real/mustang/facturFrMinimum.xml", ValidationProfile.En16931).Findings, f => f.Rule == "FX-NOTUSED");
    }

    [Fact]
    public void A_minimum_invoice_using_only_minimum_elements_has_nothing_not_used()
    {
        var report = Validate("real/akretion/factur-x-minimum.xml", ValidationProfile.FacturX);
        Assert.DoesNotContain(report.Findings, f => f.Rule == "FX-NOTUSED");
    }

    [Fact]
    public void An_en16931_factur_x_invoice_keeps_every_en16931_rule()
    {
        var report = Validate("mutated/cii-15-wrong-tax-total.xml", ValidationProfile.FacturX);
        Assert.Contains(report.Findings, f => f.Rule == "BR-CO-15");
        Assert.Contains(report.Findings, f => f.Rule == "BR-CO-14");
    }

    [Fact]
    public void An_invoice_naming_no_factur_x_profile_gets_a_warning_only()
    {
        var xml = File.ReadAllText(CorpusFiles.PathOf("real/cen/CII_example1.xml"))
            .Replace(">urn:cen.eu:en16931:2017<", ">urn:example:house-profile<", StringComparison.Ordinal);
        var report = InvoiceValidator.Validate(System.Text.Encoding.UTF8.GetBytes(xml), "house.xml", ValidationProfile.FacturX);
        Assert.True(report.IsValid);
        Assert.Contains(report.Findings, f => f.Rule == "FX-PROFILE" && f.Severity == FindingSeverity.Warning);
    }

    [Fact]
    public void The_french_profile_refuses_a_minimum_factur_x()
    {
        var report = Validate("real/mustang/facturFrMinimum.xml", ValidationProfile.Fr);
        Assert.Contains(report.Findings, f => f.Rule == "FR-PROFILE" && f.Severity == FindingSeverity.Fatal);
    }
}
