using Cantate.Invoicing.FacturX;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Syntax;
using Cantate.Invoicing.Tests.Syntax;

namespace Cantate.Invoicing.Tests.FacturX;

public class FacturXReaderTests
{
    private static InvoiceReadResult Read(string file) => FacturXReader.Read(File.ReadAllBytes(CorpusFiles.PathOf(file)));

    [Theory]
    [InlineData("real/mustang/Facture_F20180027.pdf", FacturXProfile.En16931)]
    [InlineData("real/mustang/103767-Invoice-2026-03-24-1.pdf", FacturXProfile.En16931)]
    [InlineData("real/akretion/invoice_EN16931.pdf", FacturXProfile.En16931)]
    [InlineData("real/mustang/validAvoir_FR_type380_BASICWL.pdf", FacturXProfile.BasicWl)]
    public void A_factur_x_pdf_gives_the_invoice_of_its_attachment_and_the_profile_of_its_bt24(string file, FacturXProfile profile)
    {
        var result = Read(file);

        Assert.True(result.Succeeded, result.Problem?.MessageEn);
        Assert.Equal(InvoiceSyntax.FacturX, result.Syntax);
        Assert.Equal(InvoiceSyntax.Cii, result.XmlSyntax);
        Assert.Equal(profile, result.Profile);
        Assert.NotNull(result.Invoice!.Number);
        Assert.Equal("/rsm:CrossIndustryInvoice[1]", result.Invoice.SourcePath);
    }

    [Fact]
    public void The_model_read_from_the_pdf_is_the_model_of_its_attachment()
    {
        var result = Read("real/mustang/Facture_F20180027.pdf");

        var fromXml = CiiReader.Read(result.Xml!);

        Assert.Empty(Cantate.Invoicing.Tests.Model.ModelDump.Differences(fromXml, result.Invoice!));
        Assert.Equal("factur-x.xml", result.AttachmentName);
    }

    [Theory]
    [InlineData("real/mustang/corruptedV2PDF.pdf")]
    [InlineData("real/mustang/EmptyPDFA1.pdf")]
    [InlineData("real/mustang/corrupt-factur-x-waytoosmall.pdf")]
    public void A_corrupt_pdf_or_one_without_invoice_xml_gives_fx_no_xml(string file)
    {
        var result = Read(file);

        Assert.False(result.Succeeded);
        Assert.Equal("FX-NO-XML", result.Problem!.RuleId);
    }

    [Fact]
    public void A_zugferd_1_pdf_is_read_but_its_xml_is_not_a_supported_syntax()
    {
        var result = Read("real/mustang/zugferd_invoice.pdf");

        Assert.False(result.Succeeded);
        Assert.Equal("SYNTAX-UNKNOWN", result.Problem!.RuleId);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x3C, 0x61, 0x2F, 0x3E })]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0xFF, 0x00 })]
    public void Bytes_that_are_not_a_readable_pdf_give_fx_no_xml(byte[] bytes)
    {
        var result = FacturXReader.Read(bytes);

        Assert.Equal("FX-NO-XML", result.Problem!.RuleId);
    }

    [Fact]
    public void Every_pdf_of_the_corpus_is_read_or_refused_without_an_exception()
    {
        var pdfs = Directory.GetFiles(CorpusFiles.Folder, "*.pdf", SearchOption.AllDirectories);

        var outcomes = pdfs.Select(p => FacturXReader.Read(File.ReadAllBytes(p))).ToList();

        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, o => Assert.True(o.Succeeded || o.Problem is not null));
    }
}
