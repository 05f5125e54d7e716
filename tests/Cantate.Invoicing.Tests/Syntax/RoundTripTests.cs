using System.Xml.Linq;
using Cantate.Invoicing.Model;
using Cantate.Invoicing.Syntax;
using Cantate.Invoicing.Tests.Model;

namespace Cantate.Invoicing.Tests.Syntax;

public class RoundTripTests
{
    public static TheoryData<string> ValidFiles() => CorpusFiles.ValidRealXmlData();

    private static XDocument Reparse(XDocument written) => XDocument.Parse(written.ToString());

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void A_valid_invoice_reads_writes_and_reads_back_to_the_same_model_in_its_own_syntax(string file)
    {
        var original = InvoiceReader.Read(CorpusFiles.Load(file));
        var written = UblReader.CanRead(CorpusFiles.Load(file)) ? UblWriter.Write(original) : CiiWriter.Write(original);

        var again = InvoiceReader.Read(Reparse(written));

        var differences = ModelDump.Differences(original, again);

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void A_valid_invoice_converted_to_ubl_keeps_every_business_term(string file)
    {
        var original = InvoiceReader.Read(CorpusFiles.Load(file));

        var again = UblReader.Read(Reparse(UblWriter.Write(original)));

        var differences = ModelDump.Differences(WithUblMandatoryTerms(original), again);

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void A_valid_invoice_converted_to_cii_keeps_every_business_term(string file)
    {
        var original = InvoiceReader.Read(CorpusFiles.Load(file));

        var again = CiiReader.Read(Reparse(CiiWriter.Write(original)));

        var differences = ModelDump.Differences(WithCiiMandatoryTerms(original), again);

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Fact]
    public void Cii_d22b_keeps_every_preceding_invoice_reference_where_d16b_keeps_the_first()
    {
        var original = UblReader.Read(CorpusFiles.Load("real/cen/CreditNote-Max_content.xml"));
        Assert.True(original.PrecedingInvoices.Count > 1);

        var d22b = CiiWriter.Write(original, CiiVersion.D22B);
        var d16b = CiiWriter.Write(original);

        Assert.Equal(original.PrecedingInvoices.Count, CiiReader.Read(Reparse(d22b)).PrecedingInvoices.Count);
        Assert.Single(CiiReader.Read(Reparse(d16b)).PrecedingInvoices);
        Assert.Empty(Schemas.CiiD22BErrors(d22b));
        Assert.Empty(Schemas.CiiErrors(d16b));
    }

    [Fact]
    public void The_vat_point_date_code_is_written_with_the_untdid_2475_codes_in_cii()
    {
        var invoice = new Invoice { VatPointDateCode = "35", VatBreakdowns = { new VatBreakdown { CategoryCode = "S", Rate = 20m } } };

        var written = CiiWriter.Write(invoice);

        Assert.Contains(written.Descendants(), e => e.Name.LocalName == "DueDateTypeCode" && e.Value == "29");
        Assert.Equal("35", CiiReader.Read(written).VatPointDateCode);
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void The_ubl_written_from_a_valid_invoice_is_valid_against_the_ubl_2_1_schema(string file)
    {
        var written = UblWriter.Write(InvoiceReader.Read(CorpusFiles.Load(file)));

        var errors = Schemas.UblErrors(written);

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void The_cii_written_from_a_valid_invoice_is_valid_against_the_d16b_and_d22b_schemas(string file)
    {
        var written = CiiWriter.Write(InvoiceReader.Read(CorpusFiles.Load(file)));

        var errors = Schemas.CiiErrors(written).Concat(Schemas.CiiD22BErrors(written)).ToList();

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    /// <summary>The terms UBL requires where EN 16931 leaves them optional, as <see cref="UblWriter"/> completes them.</summary>
    private static Invoice WithUblMandatoryTerms(Invoice invoice)
    {
        foreach (var price in invoice.Lines.Select(l => l.Price).OfType<PriceDetails>().Where(p => p.GrossPrice is not null))
        {
            price.Discount ??= price.GrossPrice - price.NetPrice;
        }

        if (invoice.Totals is { } totals && (totals.VatTotal is not null || invoice.VatBreakdowns.Count > 0))
        {
            totals.VatTotal ??= invoice.VatBreakdowns.Sum(v => v.TaxAmount ?? 0m);
        }

        return invoice;
    }

    /// <summary>
    /// The model as <see cref="CiiWriter"/> (D16B) can express it: the gross price completed where only the
    /// discount is known, and the first preceding invoice reference only.
    /// </summary>
    internal static Invoice WithCiiMandatoryTerms(Invoice invoice)
    {
        foreach (var price in invoice.Lines.Select(l => l.Price).OfType<PriceDetails>().Where(p => p.Discount is not null))
        {
            price.GrossPrice ??= price.NetPrice + price.Discount;
        }

        while (invoice.PrecedingInvoices.Count > 1)
        {
            invoice.PrecedingInvoices.RemoveAt(1);
        }

        return invoice;
    }

    [Fact]
    public void A_credit_note_type_code_is_written_as_a_ubl_credit_note_and_an_invoice_code_as_an_invoice()
    {
        var invoice = new Invoice { Number = "A1", TypeCode = InvoiceTypeCodes.CreditNote };

        Assert.Equal("CreditNote", UblWriter.Write(invoice).Root!.Name.LocalName);
        invoice.TypeCode = InvoiceTypeCodes.CommercialInvoice;
        Assert.Equal("Invoice", UblWriter.Write(invoice).Root!.Name.LocalName);
    }
}
