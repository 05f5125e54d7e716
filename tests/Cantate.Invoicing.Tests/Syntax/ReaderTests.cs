using System.Xml.Linq;
using Cantate.Invoicing.Model;
using Cantate.Invoicing.Syntax;

namespace Cantate.Invoicing.Tests.Syntax;

public class ReaderTests
{
    [Fact]
    public void Every_ubl_and_cii_file_of_the_corpus_reads_into_a_model_with_a_number_and_lines()
    {
        var failures = new List<string>();
        foreach (var (file, _) in CorpusFiles.AllRealXml())
        {
            try
            {
                var invoice = InvoiceReader.Read(CorpusFiles.Load(file));
                if (invoice.Number is null || invoice.Seller?.Name is null)
                {
                    failures.Add($"{file}: no number or seller name");
                }
            }
            catch (InvoiceReadException e)
            {
                failures.Add($"{file}: {e.Message}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void A_ubl_max_content_invoice_fills_the_terms_of_every_group()
    {
        var invoice = UblReader.Read(CorpusFiles.Load("real/cen/Invoice-Max_content.xml"));

        Assert.Equal("380", invoice.TypeCode);
        Assert.Equal(new DateOnly(2018, 3, 7), invoice.DueDate);
        Assert.NotNull(invoice.Seller?.Address?.CountryCode);
        Assert.NotNull(invoice.Buyer?.LegalRegistrationId);
        Assert.NotNull(invoice.Payee?.Name);
        Assert.NotNull(invoice.TaxRepresentative?.VatId);
        Assert.NotNull(invoice.Delivery?.Address?.City);
        Assert.NotEmpty(invoice.PaymentInstructions!.CreditTransfers);
        Assert.Equal("30", invoice.PaymentInstructions.MeansCode);
        Assert.NotNull(invoice.InvoicedObjectId?.SchemeId);
        Assert.Contains(invoice.AllowanceCharges, a => a.IsCharge);
        Assert.Contains(invoice.AllowanceCharges, a => !a.IsCharge);
        Assert.NotEmpty(invoice.SupportingDocuments);
        Assert.NotNull(invoice.Totals?.AmountDue);
        var line = invoice.Lines[0];
        Assert.NotNull(line.Price?.GrossPrice);
        Assert.NotEmpty(line.Item!.Classifications);
        Assert.NotEmpty(line.Item.Attributes);
        Assert.NotNull(line.Period?.StartDate);
    }

    [Fact]
    public void A_ubl_credit_note_takes_its_project_from_where_the_credit_note_binding_puts_it()
    {
        var invoice = UblReader.Read(CorpusFiles.Load("real/cen/CreditNote-Max_content.xml"));

        Assert.True(invoice.IsCreditNote);
        Assert.NotNull(invoice.ProjectReference);
        Assert.NotEmpty(invoice.Lines);
        Assert.NotNull(invoice.Lines[0].Quantity);
    }

    [Fact]
    public void Each_group_read_from_a_document_knows_its_location()
    {
        var invoice = CiiReader.Read(CorpusFiles.Load("real/cen/CII_example1.xml"));

        Assert.Equal("/rsm:CrossIndustryInvoice[1]", invoice.SourcePath);
        Assert.Equal(
            "/rsm:CrossIndustryInvoice[1]/rsm:SupplyChainTradeTransaction[1]/ram:IncludedSupplyChainTradeLineItem[2]",
            invoice.Lines[1].SourcePath);
        Assert.EndsWith("ram:SellerTradeParty[1]", invoice.Seller!.SourcePath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ubl_note_with_a_subject_code_prefix_is_split_into_code_and_text()
    {
        var doc = XDocument.Parse("""
            <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                     xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
              <cbc:ID>F1</cbc:ID><cbc:Note>#PMT#Indemnité forfaitaire de 40 €</cbc:Note><cbc:Note>plain</cbc:Note>
            </Invoice>
            """);

        var invoice = UblReader.Read(doc);

        Assert.Equal("PMT", invoice.Notes[0].SubjectCode);
        Assert.Equal("Indemnité forfaitaire de 40 €", invoice.Notes[0].Text);
        Assert.Null(invoice.Notes[1].SubjectCode);
    }

    [Theory]
    [InlineData("<cbc:IssueDate>31/03/2026</cbc:IssueDate>", "not a date")]
    [InlineData("<cbc:IssueDate>2026-02-30</cbc:IssueDate>", "not a date")]
    [InlineData("<cac:LegalMonetaryTotal><cbc:PayableAmount currencyID=\"EUR\">12,50</cbc:PayableAmount></cac:LegalMonetaryTotal>", "not a decimal")]
    [InlineData("<cac:AdditionalDocumentReference><cbc:ID>A</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode=\"application/pdf\" filename=\"a.pdf\">!!!</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>", "base64")]
    public void A_value_that_does_not_fit_its_type_gives_a_read_exception_with_its_location(string fragment, string expected)
    {
        var doc = XDocument.Parse($"""
            <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                     xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                     xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">{fragment}</Invoice>
            """);

        var e = Assert.Throws<InvoiceReadException>(() => UblReader.Read(doc));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("/ubl:Invoice[1]/", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_is_neither_ubl_nor_cii_is_refused_with_a_read_exception()
    {
        var e = Assert.Throws<InvoiceReadException>(() => InvoiceReader.Read(XDocument.Parse("<Order xmlns='urn:x'/>")));

        Assert.Contains("Order", e.Message, StringComparison.Ordinal);
    }
}
