using Cantate.Invoicing.Model;
using Cantate.Invoicing.Rendering;
using Cantate.Invoicing.Syntax;
using Cantate.Invoicing.Tests.Model;
using Cantate.Invoicing.Tests.Syntax;
using FsCheck.Fluent;
using UglyToad.PdfPig;

namespace Cantate.Invoicing.Tests.Rendering;

public class InvoicePdfRendererTests
{
    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join('\n', document.GetPages().Select(p => p.Text));
    }

    private static string Squeeze(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    [Fact]
    public void The_rendering_shows_the_parties_references_and_amounts_in_french()
    {
        var invoice = InvoiceGenerators.FullInvoice().Sample(1).Single();

        var text = Squeeze(TextOf(InvoicePdfRenderer.Render(invoice)));

        Assert.Contains(Squeeze(invoice.Number!), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze(invoice.Seller!.Name!), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze(invoice.Buyer!.Name!), text, StringComparison.Ordinal);
        Assert.Contains("Serviceexécutant:" + invoice.BuyerReference, text, StringComparison.Ordinal);
        Assert.Contains("Engagementjuridique", text, StringComparison.Ordinal);
        Assert.Contains(Squeeze(FrenchText.Money(invoice.Totals!.AmountDue, "EUR")), text, StringComparison.Ordinal);
        Assert.Contains("Netàpayer", text, StringComparison.Ordinal);
        Assert.Contains(invoice.PaymentInstructions!.CreditTransfers[0].AccountId!, text, StringComparison.Ordinal);
        Assert.Contains("Date:" + FrenchText.Date(invoice.IssueDate), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Amounts_are_formatted_the_french_way()
    {
        Assert.Equal("1\u00A0234,50 €", FrenchText.Money(1234.5m, "EUR"));
        Assert.Equal("-10,00 USD", FrenchText.Money(-10m, "USD"));
        Assert.Equal("5,5\u00A0%", FrenchText.Percent(5.5m));
        Assert.Equal("2,125", FrenchText.Number(2.125m, 2));
        Assert.Equal("31/03/2026", FrenchText.Date(new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public void A_credit_note_is_titled_avoir()
    {
        var invoice = InvoiceGenerators.ConsistentInvoice().Sample(1).Single();
        invoice.TypeCode = InvoiceTypeCodes.CreditNote;

        Assert.Contains("AVOIR", TextOf(InvoicePdfRenderer.Render(invoice)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invoice_with_many_lines_continues_on_numbered_pages()
    {
        var invoice = InvoiceReader.Read(CorpusFiles.Load("real/cen/ubl-tc434-example1.xml"));
        for (var i = 0; i < 60; i++)
        {
            invoice.Lines.Add(invoice.Lines[i % 5]);
        }

        using var document = PdfDocument.Open(InvoicePdfRenderer.Render(invoice));

        Assert.True(document.NumberOfPages >= 2);
        Assert.Contains($"Page{document.NumberOfPages}/{document.NumberOfPages}", Squeeze(document.GetPage(document.NumberOfPages).Text), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_invoice_still_renders()
    {
        var pdf = InvoicePdfRenderer.Render(new Invoice());

        Assert.Contains("FACTURE", TextOf(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_corpus_invoice_renders()
    {
        foreach (var (file, _) in CorpusFiles.AllRealXml())
        {
            var pdf = InvoicePdfRenderer.Render(InvoiceReader.Read(CorpusFiles.Load(file)));

            Assert.True(pdf.Length > 1000, file);
        }
    }
}
