using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Syntax;

namespace Cantate.Invoicing.Tests.Syntax;

public class InvoiceFileTests
{
    private static InvoiceReadResult Read(string file) => InvoiceFile.Read(File.ReadAllBytes(CorpusFiles.PathOf(file)));

    [Theory]
    [InlineData("mutated/ubl-11-xxe-external-entity.xml", "XML-DOCTYPE")]
    [InlineData("mutated/ubl-12-billion-laughs.xml", "XML-DOCTYPE")]
    [InlineData("mutated/cii-19-xxe-parameter-entity.xml", "XML-DOCTYPE")]
    [InlineData("mutated/ubl-10-malformed-truncated.xml", "XML-WF")]
    [InlineData("mutated/pdf-26-facturx-xml-removed.pdf", "FX-NO-XML")]
    public void A_hostile_or_broken_file_is_refused_with_its_rule_id(string file, string ruleId)
    {
        var result = Read(file);

        Assert.False(result.Succeeded);
        Assert.Equal(ruleId, result.Problem!.RuleId);
    }

    [Fact]
    public void A_date_that_is_not_a_date_is_refused_as_an_unreadable_value_with_its_location()
    {
        var result = Read("mutated/ubl-05-bad-date.xml");

        Assert.Equal("READ-VALUE", result.Problem!.RuleId);
        Assert.Contains("(at /ubl:Invoice[1]/", result.Problem.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cii_date_written_as_yyyy_mm_dd_instead_of_format_102_is_still_understood()
    {
        // The validator reports the format (CII-DT); the reader keeps the unambiguous date.
        var result = Read("mutated/cii-17-bad-date-format.xml");

        Assert.Equal(new DateOnly(2026, 1, 31), result.Invoice!.IssueDate);
    }

    [Theory]
    [InlineData("mutated/cii-20-CONTROL-utf8-bom.xml", InvoiceSyntax.Cii)]
    [InlineData("mutated/ubl-13-CONTROL-prefixes-renamed.xml", InvoiceSyntax.UblInvoice)]
    [InlineData("mutated/pdf-25-facturx-with-wrong-tax-total.pdf", InvoiceSyntax.FacturX)]
    [InlineData("mutated/ubl-01-wrong-payable.xml", InvoiceSyntax.UblInvoice)]
    public void A_readable_file_gives_its_invoice_even_when_the_invoice_breaks_business_rules(string file, InvoiceSyntax syntax)
    {
        var result = Read(file);

        Assert.True(result.Succeeded, result.Problem?.MessageEn);
        Assert.Equal(syntax, result.Syntax);
        Assert.NotEmpty(result.Invoice!.Lines);
    }

    [Fact]
    public void Every_file_of_the_corpus_is_read_or_refused_without_an_exception()
    {
        var files = Directory.GetFiles(CorpusFiles.Folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase));

        foreach (var file in files)
        {
            var result = InvoiceFile.Read(File.ReadAllBytes(file));

            Assert.True(result.Succeeded || result.Problem is not null, file);
        }
    }

    [Fact]
    public void A_stream_is_read_like_its_bytes()
    {
        using var stream = File.OpenRead(CorpusFiles.PathOf("real/cen/CII_example2.xml"));

        var result = InvoiceFile.Read(stream);

        Assert.True(result.Succeeded);
        Assert.Equal(InvoiceSyntax.Cii, result.Syntax);
    }
}
