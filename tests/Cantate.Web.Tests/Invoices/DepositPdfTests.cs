using System.Security.Cryptography;
using Cantate.Invoicing.Rendering;
using Cantate.Testing;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Invoices;

/// <summary>"Déposer une facture" with a plain PDF: the page asks the routing data and the amounts, checks them, then deposits.</summary>
public abstract class DepositPdfTests(TestDatabase database) : PortalTest(database)
{
    private const string Supplier = InvoiceParties.SupplierSiret;
    private const string Recipient = InvoiceParties.RecipientSiret;

    private static byte[] PlainPdf(string number) => InvoicePdfRenderer.Render(SampleInvoices.Model(number, Supplier, Recipient));

    private static List<KeyValuePair<string, string?>> Fields(string number, string ttc = "360,00", string? service = null) => PortalClient.Fields(
        ("Pdf.RecipientSiret", "130 025 265 00013"), ("Pdf.ServiceCode", service), ("Pdf.EngagementNumber", ""), ("Pdf.Number", number),
        ("Pdf.IssueDate", "2026-11-20"), ("Pdf.TotalWithoutVat", "300"), ("Pdf.TotalVat", "60,00"), ("Pdf.TotalWithVat", ttc), ("Pdf.Currency", "EUR"));

    [Fact]
    public async Task A_plain_pdf_asks_for_its_fields_and_is_deposited_with_them_as_depot_pdf_portail()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var pdf = PlainPdf("F-PDF-1");
        var asked = await parties.DepositAsync("facture.pdf", pdf);
        Assert.Contains("est un PDF sans données structurées", asked.Text);
        Assert.NotNull(asked.Document.GetElementById("Pdf.RecipientSiret"));
        Assert.Equal(0, await Factory.QueryAsync(db => db.DepositFlows.CountAsync()));

        var page = await parties.Supplier.SubmitAsync(asked, Fields("F-PDF-1"));
        Assert.Contains("La facture F-PDF-1 est déposée", page.Text);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), page.Document.QuerySelector(".empreinte")?.TextContent);
        var invoice = await parties.WaitForStatusAsync("F-PDF-1", InvoiceStatus.MiseADisposition);
        Assert.Equal(("DEPOT_PDF_PORTAIL", "PDF", 360m, 300m, new DateOnly(2026, 11, 20)),
            (invoice.DepositMode, invoice.Syntax, invoice.TotalWithVat, invoice.TotalWithoutVat, invoice.IssueDate));
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(Factory.DataDirectory, "documents", invoice.DocumentPath)));

        // Both sides download it as the PDF it is.
        using var download = await parties.Recipient.Http.GetAsync(new Uri($"/factures/{invoice.Id}?structure={parties.RecipientId}&handler=Document", UriKind.Relative));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".pdf", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Wrong_or_missing_fields_are_named_in_french_and_the_pdf_waits_for_their_correction()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        await parties.SetRoutingAsync(service: true, services: new StructureService { Code = "COMPTA", Label = "Comptabilité" });
        var asked = await parties.DepositAsync("facture.pdf", PlainPdf("F-PDF-2"));

        var empty = await parties.Supplier.SubmitAsync(asked, PortalClient.Fields(("Pdf.Number", ""), ("Pdf.TotalWithVat", "abc")));
        Assert.Contains("obligatoire", empty.FieldError("Pdf.Number"));
        Assert.Contains("n'est pas un montant", empty.FieldError("Pdf.TotalWithVat"));
        Assert.Contains("SIRET du destinataire est obligatoire", empty.FieldError("Pdf.RecipientSiret"));

        var wrongTotal = await parties.Supplier.SubmitAsync(empty, Fields("F-PDF-2", ttc: "370"));
        Assert.Contains("doit être égal au total hors taxes", wrongTotal.FieldError("Pdf.TotalWithVat"));

        var noService = await parties.Supplier.SubmitAsync(wrongTotal, Fields("F-PDF-2"));
        Assert.Contains("exige un code service", noService.FieldError("Pdf.ServiceCode"));
        Assert.Equal(0, await Factory.QueryAsync(db => db.Invoices.CountAsync()));

        var done = await parties.Supplier.SubmitAsync(noService, Fields("F-PDF-2", service: "COMPTA"));
        Assert.Contains("La facture F-PDF-2 est déposée", done.Text);
    }

    [Fact]
    public async Task The_pdf_token_of_another_structure_or_a_forged_one_is_refused()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var asked = await parties.DepositAsync("facture.pdf", PlainPdf("F-PDF-3"));
        var forged = await parties.Supplier.SubmitAsync(asked, [.. Fields("F-PDF-3"), new("jeton", "faux")]);
        Assert.Contains("n'est plus disponible", forged.FieldError("Fichier") ?? forged.Text);
        Assert.Equal(0, await Factory.QueryAsync(db => db.Invoices.CountAsync()));
    }
}

public sealed class DepositPdfOnSqliteTests() : DepositPdfTests(TestDatabase.Sqlite);

public sealed class DepositPdfOnPostgresTests() : DepositPdfTests(TestDatabase.Postgres);
