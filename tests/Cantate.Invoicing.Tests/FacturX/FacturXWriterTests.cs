using System.Text;
using Cantate.Invoicing.FacturX;
using Cantate.Invoicing.Model;
using Cantate.Invoicing.Syntax;
using Cantate.Invoicing.Tests.Model;
using Cantate.Invoicing.Tests.Syntax;
using FsCheck.Fluent;
using UglyToad.PdfPig;

namespace Cantate.Invoicing.Tests.FacturX;

public class FacturXWriterTests
{
    private static readonly Lazy<Invoice> Sample = new(() => InvoiceGenerators.FullInvoice().Sample(1).Single());

    private static readonly Lazy<byte[]> Pdf = new(() => FacturXWriter.Write(Sample.Value));

    [Fact]
    public void A_written_factur_x_reads_back_to_the_same_model()
    {
        var result = FacturXReader.Read(Pdf.Value);

        Assert.True(result.Succeeded, result.Problem?.MessageEn);
        Assert.Equal("factur-x.xml", result.AttachmentName);
        Assert.Equal(FacturXProfile.En16931, result.Profile);
        var differences = ModelDump.Differences(Sample.Value, result.Invoice!);
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Fact]
    public void Every_valid_corpus_invoice_survives_a_factur_x_round_trip()
    {
        foreach (var (file, _) in CorpusFiles.ValidRealXml())
        {
            var invoice = InvoiceReader.Read(CorpusFiles.Load(file));
            invoice.SpecificationId = FacturXProfile.En16931.SpecificationId();

            var back = FacturXReader.Read(FacturXWriter.Write(invoice));

            Assert.True(back.Succeeded, file + ": " + back.Problem?.MessageEn);
            var expected = RoundTripTests.WithCiiMandatoryTerms(InvoiceReader.Read(CorpusFiles.Load(file)));
            expected.SpecificationId = invoice.SpecificationId;

            var differences = ModelDump.Differences(expected, back.Invoice!);
            Assert.True(differences.Count == 0, file + "\n" + string.Join('\n', differences));
        }
    }

    [Fact]
    public void The_embedded_file_is_named_factur_x_xml_and_referenced_from_the_catalog_af_array()
    {
        using var pdf = PdfDocument.Open(Pdf.Value);

        Assert.True(pdf.Advanced.TryGetEmbeddedFiles(out var files));
        var file = Assert.Single(files);
        Assert.Equal("factur-x.xml", file.Name);
        var text = Encoding.Latin1.GetString(Pdf.Value);
        Assert.Matches(@"/AF\s*\[\s*\d+ 0 R\s*\]", text);
        Assert.Matches(@"/AFRelationship\s*/Alternative", text);
        Assert.Contains("/EmbeddedFiles", text, StringComparison.Ordinal);
        Assert.Matches(@"/Subtype\s*/text#2Fxml", text);
    }

    [Fact]
    public void The_xmp_metadata_declares_pdf_a_3b_and_the_factur_x_extension_schema()
    {
        using var pdf = PdfDocument.Open(Pdf.Value);

        Assert.True(pdf.TryGetXmpMetadata(out var metadata));
        var xmp = metadata.GetXDocument().ToString();
        Assert.Contains("<pdfaid:part>3</pdfaid:part>", xmp, StringComparison.Ordinal);
        Assert.Contains("<pdfaid:conformance>B</pdfaid:conformance>", xmp, StringComparison.Ordinal);
        Assert.Contains("urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#", xmp, StringComparison.Ordinal);
        Assert.Contains("<fx:DocumentType>INVOICE</fx:DocumentType>", xmp, StringComparison.Ordinal);
        Assert.Contains("<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>", xmp, StringComparison.Ordinal);
        Assert.Contains("<fx:Version>1.0</fx:Version>", xmp, StringComparison.Ordinal);
        Assert.Contains("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>", xmp, StringComparison.Ordinal);
        Assert.Contains("<pdfaSchema:prefix>fx</pdfaSchema:prefix>", xmp, StringComparison.Ordinal);
        Assert.DoesNotContain("<pdfaid:part>1</pdfaid:part>", xmp, StringComparison.Ordinal);
    }

    [Fact]
    public void The_xmp_repeats_the_document_information_dictionary()
    {
        using var pdf = PdfDocument.Open(Pdf.Value);
        Assert.True(pdf.TryGetXmpMetadata(out var metadata));
        var xmp = metadata.GetXDocument().ToString();

        Assert.Contains(pdf.Information.Producer!, xmp, StringComparison.Ordinal);
        Assert.Contains(pdf.Information.Title!, xmp, StringComparison.Ordinal);
        Assert.Contains("<xmp:CreatorTool>Cantate</xmp:CreatorTool>", xmp, StringComparison.Ordinal);
    }

    [Fact]
    public void A_basic_wl_invoice_is_embedded_as_data_with_its_conformance_level()
    {
        var invoice = InvoiceGenerators.ConsistentInvoice().Sample(1).Single();
        invoice.SpecificationId = FacturXProfile.BasicWl.SpecificationId();

        var bytes = FacturXWriter.Write(invoice);

        var text = Encoding.Latin1.GetString(bytes);
        Assert.Matches(@"/AFRelationship\s*/Data", text);
        Assert.Contains("<fx:ConformanceLevel>BASIC WL</fx:ConformanceLevel>", text, StringComparison.Ordinal);
        Assert.Equal(FacturXProfile.BasicWl, FacturXReader.Read(bytes).Profile);
    }

    [Fact]
    public void An_empty_invoice_can_still_be_written_and_read_back_as_factur_x()
    {
        var result = FacturXReader.Read(FacturXWriter.Write(new Invoice()));

        Assert.True(result.Succeeded, result.Problem?.MessageEn);
        Assert.Equal(FacturXProfile.En16931, result.Profile);
        Assert.Empty(result.Invoice!.Lines);
    }

    [Fact]
    public void An_xrechnung_invoice_is_embedded_as_xrechnung_xml()
    {
        var invoice = InvoiceGenerators.ConsistentInvoice().Sample(1).Single();
        invoice.SpecificationId = FacturXProfile.XRechnung.SpecificationId();

        var bytes = FacturXWriter.Write(invoice);

        var result = FacturXReader.Read(bytes);
        Assert.Equal("xrechnung.xml", result.AttachmentName);
        Assert.Equal(FacturXProfile.XRechnung, result.Profile);
        Assert.Contains("<fx:DocumentFileName>xrechnung.xml</fx:DocumentFileName>", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invoice_without_factur_x_identifier_is_written_as_en16931()
    {
        var invoice = InvoiceGenerators.ConsistentInvoice().Sample(1).Single();
        invoice.SpecificationId = "urn:example:unknown";

        var result = FacturXReader.Read(FacturXWriter.Write(invoice));

        Assert.Equal(FacturXProfile.En16931, result.Profile);
        Assert.Equal("urn:example:unknown", invoice.SpecificationId);
    }

    [Fact]
    public void The_written_pdf_is_a_valid_pdf_1_7_file_with_one_page_or_more()
    {
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "cantate-facturx-sample.pdf"), Pdf.Value);
        using var pdf = PdfDocument.Open(Pdf.Value);

        Assert.True(pdf.NumberOfPages >= 1);
        Assert.StartsWith("%PDF-1.", Encoding.ASCII.GetString(Pdf.Value, 0, 8), StringComparison.Ordinal);
    }
}
