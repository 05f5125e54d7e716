using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Cantate.Testing;
using Cantate.Web.Modules.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Invoices;

/// <summary>On the portal, the supplier completes a suspended invoice with supporting documents, which the recipient then sees.</summary>
public abstract class CompletionAttachmentsTests(TestDatabase database) : PortalTest(database)
{
    private async Task<(InvoiceParties Parties, Guid Id)> SuspendedAsync()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        await parties.DepositAsync("f.xml", SampleInvoices.Ubl("F-2026-100", InvoiceParties.SupplierSiret, InvoiceParties.RecipientSiret));
        await parties.WaitForStatusAsync("F-2026-100", InvoiceStatus.MiseADisposition);
        var id = await parties.IdOfAsync("F-2026-100");
        var page = await parties.Recipient.GetAsync($"/factures/{id}?structure={parties.RecipientId}");
        await parties.Recipient.SubmitAsync(page, PortalClient.Fields(("statut", "SUSPENDUE"), ("motif", "Bon de livraison manquant")),
            formSelector: "form[action*='handler=Traiter']");
        return (parties, id);
    }

    /// <summary>Posts the completion form as a browser does: multipart, with the form's hidden fields, the comment and the files.</summary>
    private static async Task<IHtmlDocument> CompleteAsync(InvoiceParties parties, Guid id, string? comment, params (string Name, byte[] Content)[] files)
    {
        var page = await parties.Supplier.GetAsync($"/factures/{id}?structure={parties.SupplierId}");
        var form = (IHtmlFormElement)page.Document.QuerySelector("form[action*='handler=Completer']")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden")) content.Add(new StringContent(hidden.Value), hidden.Name!);
        if (comment is not null) content.Add(new StringContent(comment), "commentaire");
        foreach (var (name, bytes) in files) content.Add(new ByteArrayContent(bytes), "pieces", name);
        if (files.Length == 0)
        {
            // A browser sends the file input even when no file is chosen: an empty part with an empty file name.
            var none = new ByteArrayContent([]);
            none.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"pieces\"", FileName = "\"\"" };
            content.Add(none);
        }
        using var response = await parties.Supplier.Http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private Task<InvoiceStatus> StatusAsync(Guid id) => Factory.QueryAsync(db => db.Invoices.Where(i => i.Id == id).Select(i => i.Status).SingleAsync());

    [Fact]
    public async Task The_supplier_joins_documents_and_the_recipient_sees_and_downloads_them()
    {
        var (parties, id) = await SuspendedAsync();
        var delivery = Encoding.ASCII.GetBytes("%PDF-1.4 bon de livraison");
        var done = await CompleteAsync(parties, id, "Bon de livraison et photo joints",
            ("bon-livraison.pdf", delivery), ("photo chantier.jpg", [0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal("Complétée", done.QuerySelector(".statut")?.TextContent);

        var seen = await parties.Recipient.GetAsync($"/factures/{id}?structure={parties.RecipientId}");
        var links = seen.Document.QuerySelectorAll(".pieces-jointes a").Select(a => (a.TextContent, Href: a.GetAttribute("href")!)).ToList();
        Assert.Equal(["bon-livraison.pdf", "photo chantier.jpg"], links.Select(l => l.TextContent));
        using var download = await parties.Recipient.Http.GetAsync(new Uri(links[0].Href, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(delivery, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("Bon de livraison et photo joints", seen.Text, StringComparison.Ordinal);

        // Nobody else downloads them: not another structure, not a piece id of another invoice.
        using var outsider = Factory.CreatePortalClient();
        await AccountJourney.OnboardAsync(Factory, outsider, NewEmail("tiers"), "90012345600015");
        var outsiderId = await Factory.QueryAsync(db => db.Structures.Where(s => s.Siret == "90012345600015").Select(s => s.Id).SingleAsync());
        var piece = links[0].Href[(links[0].Href.IndexOf("piece=", StringComparison.Ordinal) + 6)..];
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/factures/{id}?structure={outsiderId}&handler=PieceJointe&piece={piece}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await parties.Recipient.GetAsync($"/factures/{id}?structure={parties.RecipientId}&handler=PieceJointe&piece=999999")).Status);
    }

    [Fact]
    public async Task Files_outside_Chorus_Pro_s_rules_are_refused_by_name_and_the_invoice_stays_suspended()
    {
        var (parties, id) = await SuspendedAsync();
        var refused = await CompleteAsync(parties, id, "Pièces",
            ("vide.pdf", []),
            ("trop-gros.pdf", new byte[10 * 1024 * 1024 + 1]),
            (new string('n', 47) + ".pdf", [1]),
            ("programme.exe", [1]),
            ("sans-extension", [1]));
        var errors = refused.GetElementById("pieces-erreur")?.TextContent ?? "";
        Assert.Contains("« vide.pdf » est vide", errors, StringComparison.Ordinal);
        Assert.Contains("« trop-gros.pdf » dépasse 10 Mo", errors, StringComparison.Ordinal);
        Assert.Contains("compte 51 caractères : 50 au plus", errors, StringComparison.Ordinal);
        Assert.Contains("« programme.exe » n'a pas une extension acceptée", errors, StringComparison.Ordinal);
        Assert.Contains("« sans-extension » n'a pas d'extension", errors, StringComparison.Ordinal);
        Assert.Equal("true", refused.GetElementById("pieces")?.GetAttribute("aria-invalid"));
        Assert.Equal(InvoiceStatus.Suspendue, await StatusAsync(id));
        Assert.Equal(0, await Factory.QueryAsync(db => db.InvoiceAttachments.CountAsync()));

        var nothing = await CompleteAsync(parties, id, "");
        Assert.Contains("Indiquez un commentaire ou joignez une pièce", nothing.GetElementById("erreur-action")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(InvoiceStatus.Suspendue, await StatusAsync(id));
    }

    [Fact]
    public async Task The_invoice_s_documents_stay_within_120_Mo_and_files_alone_complete_it()
    {
        var (parties, id) = await SuspendedAsync();
        // Documents already joined (their sizes only matter here) leave less than 1 Mo.
        await Factory.QueryAsync(db =>
        {
            db.InvoiceAttachments.Add(new InvoiceAttachment
            {
                InvoiceId = id, Kind = "COMPLEMENTAIRE", FileName = "archives.zip", MimeType = "application/zip", Size = 119L * 1024 * 1024 + 600 * 1024,
                StoragePath = "absent.zip", AddedAt = DateTime.UtcNow, AddedBy = "test",
            });
            return db.SaveChangesAsync();
        });
        var refused = await CompleteAsync(parties, id, null, ("releve.pdf", new byte[500 * 1024]));
        Assert.Contains("120 Mo au plus", refused.GetElementById("pieces-erreur")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(InvoiceStatus.Suspendue, await StatusAsync(id));

        var done = await CompleteAsync(parties, id, null, ("releve.pdf", new byte[300 * 1024]));
        Assert.Equal("Complétée", done.QuerySelector(".statut")?.TextContent);
        var completion = await Factory.QueryAsync(db => db.InvoiceEvents.Where(e => e.InvoiceId == id && e.Action == "COMPLETEE").SingleAsync());
        Assert.Equal("Pièces jointes : releve.pdf", completion.Comment);
    }
}

public sealed class CompletionAttachmentsTestsOnSqlite() : CompletionAttachmentsTests(TestDatabase.Sqlite);

public sealed class CompletionAttachmentsTestsOnPostgres() : CompletionAttachmentsTests(TestDatabase.Postgres);
