using System.Net;
using System.Text.Json;
using Cantate.Invoicing.Rendering;
using Cantate.Testing;
using Cantate.Web.Modules.Api.Gateway;
using Microsoft.EntityFrameworkCore;
using static Cantate.Web.Tests.Api.DepositApiJourney;

namespace Cantate.Web.Tests.Api;

/// <summary>transverses/v1/ajouter/fichier as fe and go call it, and Chorus Pro's limits on files.</summary>
public abstract class DepositFilesTests(TestDatabase database) : PortalTest(database)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Cantate:Api:RequestsPerMinutePerClient"] = "10000" };

    public static byte[] InvoicePdf(string number) => InvoicePdfRenderer.Render(SampleInvoices.Model(number, Supplier, Recipient));

    [Fact]
    public async Task Fe_and_go_add_a_file_and_get_an_integer_pieceJointeId_of_their_structure()
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        var pdf = InvoicePdf("F-PJ-1");
        var fe = (await journey.Client.PostAsync(AjouterFichier, JsonSerializer.Serialize(new
        {
            pieceJointeFichier = Convert.ToBase64String(pdf), pieceJointeNom = "facture.pdf", pieceJointeTypeMime = "application/pdf", pieceJointeExtension = "PDF",
        }))).EnsureOk();
        var go = (await journey.Client.PostAsync(AjouterFichier,
            $$"""{"idUtilisateurCourant":12,"pieceJointeExtension":"CSV","pieceJointeFichier":"{{Convert.ToBase64String("a;b\n1;2\n"u8.ToArray())}}","pieceJointeNom":"detail","pieceJointeTypeMime":"text/csv"}"""))
            .EnsureOk();

        Assert.Equal(JsonValueKind.Number, fe["pieceJointeId"].ValueKind);
        var ids = new[] { fe["pieceJointeId"].GetInt32(), go["pieceJointeId"].GetInt32() };
        Assert.All(ids, id => Assert.True(id > 0));
        var files = await Factory.QueryAsync(db => db.ApiFiles.AsNoTracking().Where(f => ids.Contains(f.CppId)).OrderBy(f => f.CppId).ToListAsync());
        Assert.Equal([("facture.pdf", "PDF", pdf.LongLength), ("detail.csv", "CSV", 8L)], files.Select(f => (f.FileName, f.Extension, f.Size)));
        Assert.All(files, f => Assert.Equal(journey.Parties.SupplierId, f.StructureId));
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(Factory.DataDirectory, "documents", files[0].StoragePath)));
    }

    [Fact]
    public async Task Files_outside_chorus_pro_limits_are_refused_with_their_code_and_nothing_is_kept()
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        Task<CproResponse> Add(string name, string extension, byte[] content) => journey.Client.PostAsync(AjouterFichier, JsonSerializer.Serialize(new
        {
            pieceJointeFichier = Convert.ToBase64String(content), pieceJointeNom = name, pieceJointeTypeMime = "application/pdf", pieceJointeExtension = extension,
        }));

        var large = await Add("gros.pdf", "PDF", new byte[(10 * 1024 * 1024) + 1]);
        Assert.Equal((HttpStatusCode.BadRequest, CproCodes.FileTooLarge), (large.Status, large.CodeRetour));
        Assert.Equal(20003, large.CodeRetour);
        Assert.Contains("10 Mo", large.Libelle);

        var longName = await Add(new string('n', 47) + ".pdf", "PDF", [1]);
        Assert.Equal((HttpStatusCode.BadRequest, CproCodes.InvalidField), (longName.Status, longName.CodeRetour));
        Assert.Contains("50", longName.Libelle);

        var exe = await Add("programme.exe", "EXE", [1]);
        Assert.Equal(HttpStatusCode.BadRequest, exe.Status);
        Assert.Contains("PDF", exe.Libelle);

        var empty = await Add("vide.pdf", "PDF", []);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);

        var badBase64 = await journey.Client.PostAsync(AjouterFichier, """{"pieceJointeFichier": "%%%", "pieceJointeNom": "f.pdf", "pieceJointeExtension": "PDF"}""");
        Assert.Equal((HttpStatusCode.BadRequest, CproCodes.InvalidField), (badBase64.Status, badBase64.CodeRetour));
        Assert.Equal(0, await Factory.QueryAsync(db => db.ApiFiles.CountAsync()));

        // A lower-case extension with its dot is read as PDF.
        var lower = (await Add("ok.pdf", ".pdf", [37, 80, 68, 70])).EnsureOk();
        Assert.Equal("PDF", await Factory.QueryAsync(db => db.ApiFiles.Where(f => f.CppId == lower["pieceJointeId"].GetInt32()).Select(f => f.Extension).SingleAsync()));
    }
}

public sealed class DepositFilesOnSqliteTests() : DepositFilesTests(TestDatabase.Sqlite);

public sealed class DepositFilesOnPostgresTests() : DepositFilesTests(TestDatabase.Postgres);
