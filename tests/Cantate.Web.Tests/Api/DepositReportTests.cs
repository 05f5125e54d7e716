using System.Formats.Tar;
using System.Net;
using System.Text.Json;
using Cantate.Testing;
using Cantate.Web.Modules.Api.Gateway;
using Microsoft.EntityFrameworkCore;
using static Cantate.Web.Tests.Api.DepositApiJourney;

namespace Cantate.Web.Tests.Api;

/// <summary>consulterCR and its PDF report, hostile archives, and who may read a flow.</summary>
public abstract class DepositReportTests(TestDatabase database) : PortalTest(database)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Cantate:Api:RequestsPerMinutePerClient"] = "10000" };

    [Theory]
    [InlineData("go")]
    [InlineData("php")]
    public async Task ConsulterCR_gives_the_state_and_a_pdf_report_in_french_to_go_and_php(string client)
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        var wrong = SampleInvoices.Model("F-CR-FAUX", Supplier, Recipient);
        wrong.Totals!.TaxInclusiveAmount = 999.99m;
        var flow = await journey.FlowOfAsync("lot.zip", Zip(("ok.xml", SampleInvoices.Ubl("F-CR-1", Supplier, Recipient)),
            ("faux.xml", Cantate.Invoicing.Syntax.InvoiceXml.ToBytes(Cantate.Invoicing.Syntax.UblWriter.Write(wrong)))));
        await journey.PollAsync(flow);
        var body = client == "go"
            ? $$"""{"dateDepot":"{{DateTime.UtcNow:yyyy-MM-dd}}T00:00:00Z","numeroFluxDepot":"{{flow}}","syntaxeFlux":"IN_DP_E1_UBL_INVOICE"}"""
            : $$"""{"dateDepot": "{{DateTime.UtcNow:yyyy-MM-dd}}T00:00:00+00:00", "numeroFluxDepot": "{{flow}}", "syntaxFluxType": "IN_DP_E2_UBL_INVOICE_MIN"}""";
        var answer = (await journey.Client.PostAsync(Cr, body)).EnsureOk();

        foreach (var field in new[] { "codeAppliPartenaire", "codeInterfaceFlux", "designationPartenaire", "etatCourantFlux", "nomFichierFlux", "numeroFluxDepot", "fichierCR" })
            Assert.Equal(JsonValueKind.String, answer[field].ValueKind);
        Assert.Equal(("IN_INTEGRE_PARTIEL", "lot.zip", flow), (answer["etatCourantFlux"].GetString(), answer["nomFichierFlux"].GetString(), answer["numeroFluxDepot"].GetString()));
        Assert.Matches(TimestampShape(), answer["dateDepotFlux"].GetString());
        Assert.Matches(TimestampShape(), answer["dateHeureEtatCourantFlux"].GetString());
        var pdf = Convert.FromBase64String(answer["fichierCR"].GetString()!);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 1);
        Assert.Contains(flow, document.Info.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_technical_account_of_another_structure_cannot_read_your_flow()
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        var flow = await journey.FlowOfAsync("f.xml", SampleInvoices.Ubl("F-PRIVE", Supplier, Recipient));
        await journey.PollAsync(flow);
        foreach (var path in new[] { CrDetaille, Cr })
        {
            var answer = await journey.Other.PostAsync(path, JsonSerializer.Serialize(new { numeroFluxDepot = flow }));
            Assert.Equal((HttpStatusCode.BadRequest, CproCodes.NotFound), (answer.Status, answer.CodeRetour));
            Assert.False(answer.Body.TryGetProperty("etatCourantDepotFlux", out _));
            Assert.DoesNotContain("F-PRIVE", answer.Text, StringComparison.Ordinal);
        }
        var unknown = await journey.Client.PostAsync(CrDetaille, """{"numeroFluxDepot": "FLX20260101AAAAAAAA"}""");
        Assert.Equal((HttpStatusCode.BadRequest, CproCodes.NotFound), (unknown.Status, unknown.CodeRetour));
        var missing = await journey.Client.PostAsync(CrDetaille, """{"syntaxeFlux": "IN_DP_E1_UBL_INVOICE"}""");
        Assert.Equal((HttpStatusCode.BadRequest, CproCodes.InvalidField), (missing.Status, missing.CodeRetour));
        Assert.Contains("numeroFluxDepot", missing.Libelle);
    }

    public static TheoryData<string, string> HostileArchives() => new()
    {
        { "traversal", "ARCHIVE-CHEMIN" },
        { "absolute", "ARCHIVE-CHEMIN" },
        { "too-many", "ARCHIVE-TROP-DE-FACTURES" },
        { "nested", "ARCHIVE-IMBRIQUEE" },
        { "bomb", "ARCHIVE-BOMBE" },
        { "symlink", "ARCHIVE-LIEN" },
        { "empty", "ARCHIVE-VIDE" },
        { "truncated", "ARCHIVE-ILLISIBLE" },
    };

    [Theory]
    [MemberData(nameof(HostileArchives))]
    public async Task A_hostile_archive_is_refused_whole_with_a_clear_reason(string kind, string rule)
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        var invoice = SampleInvoices.Ubl("F-HOSTILE", Supplier, Recipient);
        var (name, archive) = kind switch
        {
            "traversal" => ("lot.zip", Zip(("ok.xml", invoice), ("../../etc/cron.d/x.xml", invoice))),
            "absolute" => ("lot.tar.gz", TarGz(("/tmp/x.xml", invoice))),
            "too-many" => ("lot.zip", Zip(Enumerable.Range(0, 501).Select(i => ($"f{i}.xml", invoice)).ToArray())),
            "nested" => ("lot.zip", Zip(("ok.xml", invoice), ("autre.zip", Zip(("f.xml", invoice))))),
            "bomb" => ("lot.zip", Zip(("bombe.xml", new byte[5 * 1024 * 1024]))),
            "symlink" => ("lot.tar.gz", TarGz(new UstarTarEntry(TarEntryType.SymbolicLink, "lien.xml") { LinkName = "/etc/passwd" })),
            "empty" => ("lot.zip", Zip()),
            _ => ("lot.zip", Zip(("ok.xml", invoice))[..40]),
        };
        var report = await journey.PollAsync(await journey.FlowOfAsync(name, archive));
        Assert.Equal("IN_REJETE", report["etatCourantDepotFlux"].GetString());
        Assert.Equal([rule], TechnicalCodes(report));
        Assert.Empty(report["listeErreurDP"].EnumerateArray());
        Assert.Equal(0, await Factory.QueryAsync(db => db.Invoices.CountAsync()));
        Assert.False(File.Exists(Path.Combine(Factory.DataDirectory, "etc", "cron.d", "x.xml")));
    }
}

public sealed class DepositReportOnSqliteTests() : DepositReportTests(TestDatabase.Sqlite);

public sealed class DepositReportOnPostgresTests() : DepositReportTests(TestDatabase.Postgres);
