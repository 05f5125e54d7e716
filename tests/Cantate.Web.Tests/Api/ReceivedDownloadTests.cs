using System.IO.Compression;
using System.Net;
using System.Text;
using Cantate.Testing;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using static Cantate.Web.Tests.Api.ApiAssert;
using static Cantate.Web.Tests.Api.TrackingJourney;

namespace Cantate.Web.Tests.Api;

/// <summary>telecharger/groupe: pastell's download of a received invoice, several invoices, attachments, and the 120 Mo limit.</summary>
public abstract class ReceivedDownloadTests(TestDatabase database) : PortalTest(database)
{
    private const string Download = "/cpro/factures/v1/telecharger/groupe";

    [Fact]
    public async Task Pastell_downloads_one_invoice_as_its_PDF_or_XML_and_several_or_with_attachments_come_as_a_zip()
    {
        using var journey = await CreateAsync(Factory);
        var first = await journey.AvailableAsync("F-2026-001");
        var second = await journey.ProcessedAsync("F-2026-002", "SUSPENDUE", "Attestation manquante");
        var file = await journey.AddApiFileAsync(Invoices.InvoiceParties.SupplierSiret, "attestation.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 attestation"));
        (await journey.Supplier.PostAsync("/cpro/factures/v1/completer",
            $$"""{"identifiantFactureCPP": {{second}}, "pieceJointeComplementaire": [{"pieceJointeComplementaireId": {{file}}}]}""")).EnsureOk();

        var pdf = Decode(await journey.Recipient.PostAsync(Download, $$"""{"format":"PDF","listeFacture":[{"idFacture":{{first}}}]}"""));
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var xml = Encoding.UTF8.GetString(Decode(await journey.Recipient.PostAsync(Download,
            $$"""{"format":"PIVOT","listeFacture":[{"idFacture":{{first}}}]}""")));
        Assert.Contains("F-2026-001", xml, StringComparison.Ordinal);

        var zip = Decode(await journey.Supplier.PostAsync(Download,
            $$"""{"format":"PDF","avecPiecesJointesComplementaires":"OUI","listeFacture":[{"idFacture":{{first}}},{"idFacture":{{second}}}]}"""));
        using var archive = new ZipArchive(new MemoryStream(zip));
        Assert.Equal(["facture-F-2026-001.pdf", "facture-F-2026-002.pdf", $"facture-F-2026-002_pieces_jointes/"],
            archive.Entries.Select(e => e.FullName.Contains('/', StringComparison.Ordinal) ? e.FullName[..(e.FullName.IndexOf('/', StringComparison.Ordinal) + 1)] : e.FullName));
        using (var attachment = new StreamReader(archive.Entries[2].Open()))
        {
            Assert.Equal("%PDF-1.4 attestation", await attachment.ReadToEndAsync());
        }
        // The supplier's own download does not count as the recipient's.
        Assert.DoesNotContain((await journey.InvoiceAsync(second)).History, e => e.Action == Invoice.DownloadAction);
        Assert.Equal(2, (await journey.InvoiceAsync(first)).History.Count(e => e.Action == Invoice.DownloadAction));
        Refused(await journey.Recipient.PostAsync(Download, $$"""{"format":"DOCX","listeFacture":[{"idFacture":{{first}}}]}"""),
            CproCodes.InvalidField, "format");
    }

    [Fact]
    public async Task A_download_above_120_Mo_is_refused_with_HTTP_413_before_reading_the_files()
    {
        using var journey = await CreateAsync(Factory);
        var id = await journey.AvailableAsync("F-2026-001");
        var invoiceId = (await journey.InvoiceAsync(id)).Id;
        // Only the recorded size matters: the limit is checked before any file is read.
        await Factory.QueryAsync(db =>
        {
            db.InvoiceAttachments.Add(new InvoiceAttachment
            {
                InvoiceId = invoiceId, Kind = InvoiceAttachment.Complementary, FileName = "plans.zip", MimeType = "application/zip",
                Size = 121L * 1024 * 1024, StoragePath = "absent.zip", AddedAt = DateTime.UtcNow, AddedBy = "test",
            });
            return db.SaveChangesAsync();
        });
        var refused = await journey.Recipient.PostAsync(Download, $$"""{"format":"PDF","avecPiecesJointesComplementaires":"OUI","listeFacture":[{"idFacture":{{id}}}]}""");
        Error(refused, HttpStatusCode.RequestEntityTooLarge, CproCodes.FileTooLarge, "120 Mo");
        Assert.DoesNotContain((await journey.InvoiceAsync(id)).History, e => e.Action == Invoice.DownloadAction);
        // Without the attachments the invoice alone is well within the limit.
        Assert.Equal("%PDF", Encoding.ASCII.GetString(Decode(await journey.Recipient.PostAsync(Download,
            $$"""{"format":"PDF","avecPiecesJointesComplementaires":"NON","listeFacture":[{"idFacture":{{id}}}]}""")), 0, 4));
    }

    private static byte[] Decode(CproResponse response) => Convert.FromBase64String(Text(response.EnsureOk().Body, "fichierResultat"));
}

public sealed class ReceivedDownloadTestsOnSqlite() : ReceivedDownloadTests(TestDatabase.Sqlite);

public sealed class ReceivedDownloadTestsOnPostgres() : ReceivedDownloadTests(TestDatabase.Postgres);
