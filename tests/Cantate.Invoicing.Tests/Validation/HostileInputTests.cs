using System.Text;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Tests.Syntax;
using Cantate.Invoicing.Validation;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>Unreadable and hostile files become fatal findings with the corpus pseudo ids, never exceptions.</summary>
public sealed class HostileInputTests
{
    private static ValidationReport Validate(string xml) => InvoiceValidator.Validate(Encoding.UTF8.GetBytes(xml), "test.xml");

    private static string OnlyFatal(ValidationReport report) =>
        Assert.Single(report.Findings, f => f.Severity == FindingSeverity.Fatal).Rule;

    [Fact]
    public void An_external_entity_is_refused_as_a_doctype_without_being_resolved()
    {
        var report = Validate("<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&xxe;</Invoice>");
        Assert.Equal("XML-DOCTYPE", OnlyFatal(report));
        Assert.DoesNotContain("root:", string.Join(' ', report.Findings.Select(f => f.MessageEn)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_doctype_after_comments_and_processing_instructions_is_still_found()
    {
        var report = Validate("<?xml version=\"1.0\"?><!-- a --><?pi x?>\n<!doctype x [<!ENTITY a \"b\">]><x/>");
        Assert.Equal("XML-DOCTYPE", OnlyFatal(report));
    }

    [Fact]
    public void A_doctype_in_a_utf16_document_is_found()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x []><x/>")).ToArray();
        Assert.Equal("XML-DOCTYPE", OnlyFatal(InvoiceValidator.Validate(bytes, "utf16.xml")));
    }

    [Fact]
    public void A_truncated_document_is_not_well_formed()
    {
        Assert.Equal("XML-WF", OnlyFatal(Validate("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><cbc:ID")));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("<a>", InvoiceDocumentLoader.MaxDepth + 5)) + string.Concat(Enumerable.Repeat("</a>", InvoiceDocumentLoader.MaxDepth + 5));
        Assert.Equal("XML-WF", OnlyFatal(Validate(deep)));
    }

    [Fact]
    public void A_well_formed_document_of_another_vocabulary_has_an_unknown_syntax()
    {
        var report = Validate("<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>");
        Assert.Equal("SYNTAX-UNKNOWN", OnlyFatal(report));
        Assert.Equal(InvoiceSyntax.Unknown, report.Syntax);
    }

    [Fact]
    public void One_byte_order_mark_is_accepted_and_two_are_not()
    {
        var xml = File.ReadAllBytes(CorpusFiles.PathOf("real/akretion/ubl-21-en16931.xml")).AsSpan();
        var body = xml.StartsWith(Encoding.UTF8.GetPreamble()) ? xml[3..].ToArray() : xml.ToArray();
        var once = InvoiceValidator.Validate(Encoding.UTF8.GetPreamble().Concat(body).ToArray(), "bom.xml");
        var twice = InvoiceValidator.Validate(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetPreamble()).Concat(body).ToArray(), "bom2.xml");
        Assert.True(once.IsValid, string.Join('\n', once.Findings.Select(f => f.Rule)));
        Assert.Equal("XML-WF", OnlyFatal(twice));
    }

    [Fact]
    public void A_pdf_without_an_invoice_attachment_is_reported_as_such()
    {
        var report = InvoiceValidator.Validate(File.ReadAllBytes(CorpusFiles.PathOf("real/mustang/EmptyPDFA1.pdf")), "empty.pdf");
        Assert.Equal("FX-NO-XML", OnlyFatal(report));
        Assert.Equal(InvoiceSyntax.FacturX, report.Syntax);
    }

    [Fact]
    public void A_factur_x_pdf_is_validated_through_its_attachment()
    {
        var report = InvoiceValidator.Validate(File.ReadAllBytes(CorpusFiles.PathOf("mutated/pdf-25-facturx-with-wrong-tax-total.pdf")), "fx.pdf");
        Assert.Equal(InvoiceSyntax.FacturX, report.Syntax);
        Assert.Contains(report.Findings, f => f.Rule == "BR-CO-15" && f.Location.StartsWith("/rsm:CrossIndustryInvoice", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_file_is_not_well_formed()
    {
        Assert.Equal("XML-WF", OnlyFatal(InvoiceValidator.Validate([], "empty.xml")));
    }
}
