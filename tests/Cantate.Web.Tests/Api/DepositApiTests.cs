using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Cantate.Invoicing.Syntax;
using Cantate.Testing;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Tests.Invoices;
using Microsoft.EntityFrameworkCore;
using static Cantate.Web.Tests.Api.DepositApiJourney;

namespace Cantate.Web.Tests.Api;

/// <summary>factures/v1/deposer/flux and its polling with consulterCRDetaille, with the bodies each client sends.</summary>
public abstract class DepositApiTests(TestDatabase database) : PortalTest(database)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Cantate:Api:RequestsPerMinutePerClient"] = "10000" };

    public static TheoryData<string> Clients() => ["oca-cii", "oca-facturx", "pastell", "go", "php"];

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task Each_client_deposits_a_flow_reads_the_answer_and_polls_it_until_integrated(string client)
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        var number = "F-" + client.ToUpperInvariant();
        string B64(byte[] b) => Convert.ToBase64String(b);
        var (body, syntax, poll, contentType) = client switch
        {
            "oca-cii" => ($$"""{"fichierFlux": "{{B64(SampleInvoices.Cii(number, Supplier, Recipient))}}", "nomFichier": "cii_chorus_facture_{{number}}.xml", "syntaxeFlux": "IN_DP_E1_CII_16B", "avecSignature": false}""",
                "IN_DP_E1_CII_16B", null as string, "application/json;charset=utf-8"),
            "oca-facturx" => ($$"""{"fichierFlux": "{{B64(SampleInvoices.FacturX(number, Supplier, Recipient))}}", "nomFichier": "factur-x_chorus_facture_{{number}}.pdf", "syntaxeFlux": "IN_DP_E2_CII_FACTURX", "avecSignature": false}""",
                "IN_DP_E2_CII_FACTURX", null, "application/json;charset=utf-8"),
            "pastell" => ($$"""{"fichierFlux":"{{B64(SampleInvoices.Ubl(number, Supplier, Recipient))}}","nomFichier":"{{number}}.xml","syntaxeFlux":"IN_DP_E1_UBL_INVOICE"}""",
                "IN_DP_E1_UBL_INVOICE", null, "application/json"),
            // go omits avecSignature:false and a zero idUtilisateurCourant; an unknown field is ignored.
            "go" => ($$"""{"fichierFlux":"{{B64(SampleInvoices.Cii(number, Supplier, Recipient))}}","nomFichier":"{{number}}.xml","syntaxeFlux":"IN_DP_E1_CII_16B","triSense":"Ascendant "}""",
                "IN_DP_E1_CII_16B", """{"numeroFluxDepot":"{0}","syntaxeFlux":"IN_DP_E1_CII_16B"}""", "application/json;charset=utf-8"),
            // php declares its default syntax whatever the file (here UBL), and polls with another default.
            _ => ($$"""{"idUtilisateurCourant": 0, "fichierFlux": "{{B64(SampleInvoices.Ubl(number, Supplier, Recipient))}}", "nomFichier": "{{number}}.xml", "syntaxeFlux": "IN_DP_E2_CII_FACTURX", "avecSignature": false}""",
                "IN_DP_E2_CII_FACTURX", """{"numeroFluxDepot": "{0}", "syntaxeFlux": "IN_DP_E2_UBL_INVOICE_MIN"}""", "application/json;charset=utf-8"),
        };
        var answer = (await journey.Client.PostAsync(DeposerFlux, body, contentType)).EnsureOk();

        Assert.Equal(JsonValueKind.Number, answer["codeRetour"].ValueKind);
        Assert.Equal(JsonValueKind.String, answer["libelle"].ValueKind);
        var flow = answer["numeroFluxDepot"].GetString()!;
        Assert.Matches(DateShape(), answer["dateDepot"].GetString());
        Assert.Equal(syntax, answer["syntaxeFlux"].GetString());

        var report = await journey.PollAsync(flow, poll?.Replace("{0}", flow, StringComparison.Ordinal));
        Assert.Equal("IN_INTEGRE", report["etatCourantDepotFlux"].GetString());
        Assert.Equal(CproCodes.OkLabel, report.Libelle);
        Assert.Matches(TimestampShape(), report["dateDepotFlux"].GetString());
        Assert.Matches(TimestampShape(), report["dateHeureEtatCourantFlux"].GetString());
        Assert.Equal(JsonValueKind.String, report["codeInterfaceDepotFlux"].ValueKind);
        Assert.Equal(JsonValueKind.String, report["nomFichier"].ValueKind);
        Assert.Empty(report["listeErreurDP"].EnumerateArray());
        Assert.Empty(report["listeErreurTechnique"].EnumerateArray());
        await journey.Parties.WaitForStatusAsync(number, InvoiceStatus.MiseADisposition);
    }

    [Fact]
    public async Task The_flow_and_its_certificate_are_in_the_database_and_the_invoice_reaches_its_recipient()
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        var content = SampleInvoices.Ubl("F-CERT-1", Supplier, Recipient);
        var number = await journey.FlowOfAsync("F-CERT-1.xml", content);

        var flow = await Factory.QueryAsync(db => db.DepositFlows.AsNoTracking().SingleAsync(f => f.Number == number));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), flow.Sha256);
        Assert.Equal(("API", "IN_DP_E1_UBL_INVOICE", journey.Client.Login), (flow.Channel, flow.Syntax, flow.DepositedBy));
        Assert.True(File.Exists(Path.Combine(Factory.DataDirectory, "documents", flow.StoragePath)));

        await journey.PollAsync(number);
        var invoice = await journey.Parties.WaitForStatusAsync("F-CERT-1", InvoiceStatus.MiseADisposition);
        Assert.Equal(("UPLOAD_API", flow.Id, journey.Parties.RecipientId), (invoice.DepositMode, invoice.FlowId, invoice.RecipientStructureId));
        Assert.Equal(FlowStatus.InIntegre, (await Factory.QueryAsync(db => db.DepositFlows.AsNoTracking().SingleAsync(f => f.Number == number))).Status);
    }

    [Fact]
    public async Task An_oca_tar_gz_batch_ends_partially_integrated_with_the_errors_of_each_refused_invoice()
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        var wrong = SampleInvoices.Model("F-LOT-FAUX", Supplier, Recipient);
        wrong.Totals!.TaxInclusiveAmount = 999.99m;
        var archive = TarGz(
            ("factur-x_chorus_facture_F-LOT-1.pdf", SampleInvoices.FacturX("F-LOT-1", Supplier, Recipient)),
            ("factur-x_chorus_facture_F-LOT-2.pdf", SampleInvoices.FacturX("F-LOT-2", Supplier, Recipient)),
            ("factur-x_chorus_facture_F-LOT-FAUX.xml", InvoiceXml.ToBytes(CiiWriter.Write(wrong))),
            ("factur-x_chorus_facture_F-LOT-INCONNU.pdf", SampleInvoices.FacturX("F-LOT-INCONNU", Supplier, "21920023500014")));
        var report = await journey.PollAsync(await journey.FlowOfAsync("factur-x_chorus_lot_factures.tar.gz", archive, "IN_DP_E2_CII_FACTURX"));

        Assert.Equal("IN_INTEGRE_PARTIEL", report["etatCourantDepotFlux"].GetString());
        Assert.Contains(ErrorsOf(report, "F-LOT-FAUX"), e => e.StartsWith("BR-CO-15 (BT-112) : ", StringComparison.Ordinal));
        Assert.Contains(ErrorsOf(report, "F-LOT-INCONNU"), e => e.StartsWith("ROUTAGE-DESTINATAIRE-INCONNU (BT-47) : ", StringComparison.Ordinal));
        var refused = report["listeErreurDP"].EnumerateArray().First(e => e.GetProperty("numeroDP").GetString() == "F-LOT-INCONNU");
        Assert.Equal((Supplier, "21920023500014"), (refused.GetProperty("identifiantFournisseur").GetString(), refused.GetProperty("identifiantDestinataire").GetString()));
        Assert.Empty(ErrorsOf(report, "F-LOT-1"));
        await journey.Parties.WaitForStatusAsync("F-LOT-1", InvoiceStatus.MiseADisposition);
        await journey.Parties.WaitForStatusAsync("F-LOT-2", InvoiceStatus.MiseADisposition);
        Assert.Equal(2, await Factory.QueryAsync(db => db.Invoices.CountAsync()));
    }

    [Fact]
    public async Task A_zip_batch_of_valid_invoices_is_integrated_whole()
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        var archive = Zip(("lot/a.xml", SampleInvoices.Ubl("F-ZIP-1", Supplier, Recipient)), ("lot/b.xml", SampleInvoices.Cii("F-ZIP-2", Supplier, Recipient)),
            ("__MACOSX/lot/._a.xml", [0, 5, 22, 7]));
        var report = await journey.PollAsync(await journey.FlowOfAsync("lot.zip", archive));
        Assert.Equal("IN_INTEGRE", report["etatCourantDepotFlux"].GetString());
        await journey.Parties.WaitForStatusAsync("F-ZIP-2", InvoiceStatus.MiseADisposition);
    }

    [Theory]
    [InlineData("texte.txt", "ceci n'est pas une facture", "XML-WF")]
    [InlineData("image.png", "\u0089PNG\r\n\u001a\n....", "XML-WF")]
    [InlineData("simple.pdf", "%PDF-1.4 pas vraiment un PDF", "FX-NO-XML")]
    public async Task A_file_that_is_no_invoice_gets_a_flow_that_ends_rejected_with_the_reason(string name, string text, string rule)
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        var report = await journey.PollAsync(await journey.FlowOfAsync(name, System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Equal("IN_REJETE", report["etatCourantDepotFlux"].GetString());
        Assert.Contains(rule, TechnicalCodes(report));
        var error = report["listeErreurTechnique"][0];
        Assert.Equal(JsonValueKind.String, error.GetProperty("codeErreur").ValueKind);
        Assert.StartsWith(name + " : ", error.GetProperty("libelleErreur").GetString(), StringComparison.Ordinal);
        Assert.Equal("TECHNIQUE", error.GetProperty("natureErreur").GetString());
    }

    [Fact]
    public async Task An_invoice_number_already_used_is_refused_in_a_later_flow()
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        await journey.PollAsync(await journey.FlowOfAsync("a.xml", SampleInvoices.Ubl("F-DOUBLE", Supplier, Recipient)));
        var report = await journey.PollAsync(await journey.FlowOfAsync("b.xml", SampleInvoices.Cii("F-DOUBLE", Supplier, Recipient), "IN_DP_E1_CII_16B"));
        Assert.Equal("IN_REJETE", report["etatCourantDepotFlux"].GetString());
        Assert.Contains(ErrorsOf(report, "F-DOUBLE"), e => e.StartsWith("DOUBLON (BT-1) : ", StringComparison.Ordinal));
        Assert.Equal(1, await Factory.QueryAsync(db => db.Invoices.CountAsync()));
    }

    [Fact]
    public async Task Bad_bodies_are_refused_with_http_400_and_a_code_and_nothing_is_kept()
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        var badBase64 = await journey.Client.PostAsync(DeposerFlux, """{"fichierFlux": "pas du base64 !", "nomFichier": "f.xml", "syntaxeFlux": "IN_DP_E1_UBL_INVOICE"}""");
        Assert.Equal((HttpStatusCode.BadRequest, CproCodes.InvalidField), (badBase64.Status, badBase64.CodeRetour));
        Assert.Contains("fichierFlux", badBase64.Libelle);

        var malformed = await journey.Client.PostAsync(DeposerFlux, """{"fichierFlux": "AAAA", "nomFichier": """);
        Assert.Equal((HttpStatusCode.BadRequest, CproCodes.MalformedJson), (malformed.Status, malformed.CodeRetour));

        var noFile = await journey.Client.PostAsync(DeposerFlux, """{"nomFichier": "f.xml", "syntaxeFlux": "IN_DP_E1_UBL_INVOICE", "fichierFlux": null}""");
        Assert.Equal(HttpStatusCode.BadRequest, noFile.Status);
        Assert.Contains("fichierFlux", noFile.Libelle);

        var unknownSyntax = await journey.Client.PostAsync(DeposerFlux, """{"fichierFlux": "AAAA", "nomFichier": "f.xml", "syntaxeFlux": "IN_DP_E9_INCONNU"}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknownSyntax.Status);
        Assert.Contains("IN_DP_E1_UBL_INVOICE", unknownSyntax.Libelle);
        Assert.Equal(0, await Factory.QueryAsync(db => db.DepositFlows.CountAsync()));
    }
}

public sealed class DepositApiOnSqliteTests() : DepositApiTests(TestDatabase.Sqlite);

public sealed class DepositApiOnPostgresTests() : DepositApiTests(TestDatabase.Postgres);
