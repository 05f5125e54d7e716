using Cantate.Invoicing.Tests.Syntax;
using Cantate.Invoicing.Validation;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>What a finding says: rule, severity, business term, XPath and both languages with the values.</summary>
public sealed class FindingTests
{
    private static ValidationReport Validate(string file, ValidationProfile profile = ValidationProfile.En16931) =>
        InvoiceValidator.Validate(File.ReadAllBytes(CorpusFiles.PathOf(file)), Path.GetFileName(file), profile);

    [Fact]
    public void A_wrong_total_names_the_term_points_to_the_totals_and_gives_both_values_in_both_languages()
    {
        var finding = Assert.Single(Validate("mutated/ubl-02-wrong-line-total.xml").Findings, f => f.Rule == "BR-CO-13");
        Assert.Equal(FindingSeverity.Fatal, finding.Severity);
        Assert.Equal("BT-109", finding.BusinessTerm);
        Assert.Equal("/ubl:Invoice[1]/cac:LegalMonetaryTotal[1]", finding.Location);
        Assert.StartsWith("Le total HT (BT-109 = ", finding.MessageFr, StringComparison.Ordinal);
        Assert.Contains("ne correspond pas", finding.MessageFr, StringComparison.Ordinal);
        Assert.StartsWith("Invoice total amount without VAT (BT-109 = ", finding.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_never_make_an_invoice_invalid()
    {
        var report = Validate("real/akretion/factur-x-en16931.xml");
        Assert.True(report.IsValid);
        var withWarning = Validate("real/mustang/zugferd_invoice.pdf");
        Assert.Contains(withWarning.Findings, f => f.Rule == "FX-FILENAME" && f.Severity == FindingSeverity.Warning);
    }

    [Fact]
    public void The_same_validator_serves_many_threads_with_the_same_results()
    {
        var files = new[] { "real/cen/ubl-tc434-example1.xml", "real/cen/CII_example1.xml", "mutated/ubl-14-wrong-vat-amount.xml", "real/mustang/validV2PDF.pdf" };
        var expected = files.Select(f => string.Join(' ', Validate(f).Findings.Select(x => x.Rule))).ToArray();
        Parallel.For(0, 200, i =>
        {
            var file = files[i % files.Length];
            Assert.Equal(expected[i % files.Length], string.Join(' ', Validate(file).Findings.Select(x => x.Rule)));
        });
    }
}
