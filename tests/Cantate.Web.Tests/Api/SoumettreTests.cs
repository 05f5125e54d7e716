using System.Text.Json;
using Cantate.Invoicing.Validation;
using Cantate.Testing;
using Cantate.Web.Modules.Invoices;
using Microsoft.EntityFrameworkCore;
using static Cantate.Web.Tests.Api.DepositApiJourney;

namespace Cantate.Web.Tests.Api;

/// <summary>factures/v1/soumettre in SAISIE_API and DEPOT_PDF_API, with the bodies of fe, php, go and pastell.</summary>
public abstract class SoumettreTests(TestDatabase database) : PortalTest(database)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Cantate:Api:RequestsPerMinutePerClient"] = "10000" };

    private async Task<int> SupplierIdAsync() => await Factory.QueryAsync(db => db.Structures.Where(s => s.Siret == Supplier).Select(s => s.CppId).SingleAsync());

    private static async Task<int> AddFileAsync(DepositApiJourney journey, string name, byte[] content, string extension = "PDF") =>
        (await journey.Client.PostAsync(AjouterFichier, JsonSerializer.Serialize(new
        {
            pieceJointeFichier = Convert.ToBase64String(content), pieceJointeNom = name, pieceJointeTypeMime = "application/pdf", pieceJointeExtension = extension,
        }))).EnsureOk()["pieceJointeId"].GetInt32();

    /// <summary>What go and php read of the answer, with their types and date format; returns the invoice.</summary>
    private async Task<Invoice> CheckAnswerAsync(CproResponse answer, string? number = null)
    {
        answer.EnsureOk();
        Assert.Matches(DateShape(), answer["dateDepot"].GetString());
        Assert.Matches("^[0-9a-f]{64}$", answer["empreinteCertificatDepot"].GetString());
        Assert.Equal(JsonValueKind.Number, answer["identifiantFactureCPP"].ValueKind);
        Assert.Equal(Supplier, answer["identifiantStructure"].GetString());
        Assert.Equal("DEPOSEE", answer["statutFacture"].GetString());
        var numero = answer["numeroFacture"].GetString()!;
        if (number is not null) Assert.Equal(number, numero);
        Assert.InRange(numero.Length, 1, 20);
        var id = answer["identifiantFactureCPP"].GetInt32();
        var invoice = await Factory.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.CppId == id));
        var flow = await Factory.QueryAsync(db => db.DepositFlows.AsNoTracking().SingleAsync(f => f.Id == invoice.FlowId));
        Assert.Equal((numero, flow.Sha256), (invoice.Number, answer["empreinteCertificatDepot"].GetString()));
        return invoice;
    }

    [Fact]
    public async Task Fe_submits_a_typed_invoice_without_number_nor_date_and_it_becomes_a_valid_factur_x_that_reaches_its_recipient()
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        var piece = await AddFileAsync(journey, "bon-de-livraison.pdf", DepositFilesTests.InvoicePdf("BL-1"));
        var body = $$"""
            {"modeDepot": "SAISIE_API", "idUtilisateurCourant": 0,
             "destinataire": {"codeDestinataire": "{{Recipient}}", "codeServiceExecutant": null},
             "fournisseur": {"idFournisseur": {{await SupplierIdAsync()}}},
             "cadreDeFacturation": {"codeCadreFacturation": "A1_FACTURE_FOURNISSEUR", "codeStructureValideur": null},
             "references": {"deviseFacture": "EUR", "typeFacture": "FACTURE", "typeTva": "TVA_SUR_DEBIT", "motifExonerationTva": null,
                            "numeroMarche": "M-2026-01", "numeroBonCommande": null, "numeroFactureOrigine": null, "modePaiement": "ESPECE"},
             "lignePoste": [{"lignePosteNumero": 1, "lignePosteReference": "R1", "lignePosteDenomination": "D1", "lignePosteQuantite": 10,
                             "lignePosteUnite": "lot", "lignePosteMontantUnitaireHT": 50.0, "lignePosteMontantRemiseHT": 0,
                             "lignePosteTauxTva": "", "lignePosteTauxTvaManuel": 20}],
             "ligneTva": [{"ligneTvaMontantBaseHtParTaux": 500, "ligneTvaMontantTvaParTaux": 100, "ligneTvaTaux": null, "ligneTvaTauxManuel": 20}],
             "montantTotal": {"montantHtTotal": 500, "montantTVA": 100, "montantTtcTotal": 600, "montantRemiseGlobaleTTC": 0, "motifRemiseGlobaleTTC": "", "montantAPayer": 600},
             "pieceJointePrincipale": [{"pieceJointePrincipaleDesignation": "Bon de livraison", "pieceJointePrincipaleId": {{piece}}}],
             "commentaire": "Facture de test VABF"}
            """;
        var invoice = await CheckAnswerAsync(await journey.Client.PostAsync(Soumettre, body));

        Assert.Equal(("SAISIE_API", "FACTURX", 600m), (invoice.DepositMode, invoice.Syntax, invoice.TotalWithVat));
        var document = await File.ReadAllBytesAsync(Path.Combine(Factory.DataDirectory, "documents", invoice.DocumentPath));
        var report = InvoiceValidator.Validate(document, "f.pdf", ValidationProfile.Chorus);
        Assert.True(report.IsValid, string.Join(Environment.NewLine, report.Findings.Select(f => f.Rule + " " + f.MessageFr)));
        Assert.Equal(("M-2026-01", "LO", "10"), (report.Invoice!.ContractReference, report.Invoice.Lines[0].UnitCode, report.Invoice.PaymentInstructions!.MeansCode));
        var attachment = await Factory.QueryAsync(db => db.InvoiceAttachments.AsNoTracking().SingleAsync(a => a.InvoiceId == invoice.Id));
        Assert.Equal(("PRINCIPALE", "Bon de livraison"), (attachment.Kind, attachment.FileName));
        await journey.Parties.WaitForStatusAsync(invoice.Number, InvoiceStatus.MiseADisposition);
    }

    [Fact]
    public async Task Php_sends_every_key_with_explicit_nulls_and_its_number_and_date_are_kept()
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        var body = $$"""
            {"modeDepot": "SAISIE_API", "idUtilisateurCourant": 0, "numeroFactureSaisi": "F-PHP-1", "dateFacture": "2026-11-20",
             "destinataire": {"codeDestinataire": "{{Recipient}}", "codeServiceExecutant": null},
             "fournisseur": {"idFournisseur": {{await SupplierIdAsync()}}, "idServiceFournisseur": null, "codeCoordonneesBancairesFournisseur": null},
             "cadreDeFacturation": {"codeCadreFacturation": "A1_FACTURE_FOURNISSEUR", "codeStructureValideur": null},
             "references": {"deviseFacture": "EUR", "typeFacture": "FACTURE", "typeTva": "TVA_SUR_DEBIT", "motifExonerationTva": null,
                            "numeroMarche": null, "numeroBonCommande": "EJ-77", "numeroFactureOrigine": null, "modePaiement": "VIREMENT"},
             "lignePoste": [{"lignePosteNumero": 1, "lignePosteReference": null, "lignePosteDenomination": "Étagères", "lignePosteQuantite": 3,
                             "lignePosteUnite": null, "lignePosteMontantUnitaireHT": 100, "lignePosteMontantRemiseHT": null,
                             "lignePosteTauxTva": null, "lignePosteTauxTvaManuel": 20}],
             "ligneTva": [{"ligneTvaMontantBaseHtParTaux": 300, "ligneTvaMontantTvaParTaux": 60, "ligneTvaTaux": null, "ligneTvaTauxManuel": null}],
             "montantTotal": {"montantHtTotal": 300, "montantTVA": 60, "montantTtcTotal": 360, "montantRemiseGlobaleTTC": null, "motifRemiseGlobaleTTC": null, "montantAPayer": null},
             "pieceJointePrincipale": [], "pieceJointeComplementaire": [], "commentaire": null}
            """;
        var invoice = await CheckAnswerAsync(await journey.Client.PostAsync(Soumettre, body), "F-PHP-1");
        Assert.Equal((new DateOnly(2026, 11, 20), "EJ-77", 360m), (invoice.IssueDate, invoice.EngagementNumber, invoice.AmountDue));
    }

    [Theory]
    [InlineData("5.5", 3, 33.33, 99.99, 5.5, 105.49)]
    [InlineData("TVA1", 2, 150.5, 301, 0, 301)]
    public async Task Go_sends_an_empty_object_for_pieces_an_rfc3339_date_and_a_vat_code(string code, int quantity, double price, double ht, double tva, double ttc)
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        string N(double d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = $$"""
            {"cadreDeFacturation":{"codeCadreFacturation":"A1_FACTURE_FOURNISSEUR"},"dateFacture":"2026-11-26T00:00:00Z",
             "destinataire":{"codeDestinataire":"{{Recipient}}"},"fournisseur":{"idFournisseur":{{await SupplierIdAsync()}}},
             "lignePoste":[{"lignePosteDenomination":"Prestation","lignePosteMontantUnitaireHT":{{N(price)}},"lignePosteNumero":1,"lignePosteQuantite":{{quantity}},"lignePosteTauxTva":"{{code}}","lignePosteUnite":"heure"}],
             "modeDepot":"SAISIE_API","montantTotal":{"montantAPayer":{{N(ttc)}},"montantHtTotal":{{N(ht)}},"montantTVA":{{N(tva)}},"montantTtcTotal":{{N(ttc)}}},
             "numeroFactureSaisi":"F-GO-{{code.Replace(".", "", StringComparison.Ordinal)}}","pieceJointePrincipale":{},"references":{"deviseFacture":"EUR","modePaiement":"CHEQUE","typeFacture":"FACTURE","typeTva":"TVA_SUR_DEBIT"} }
            """;
        var invoice = await CheckAnswerAsync(await journey.Client.PostAsync(Soumettre, body));
        Assert.Equal((new DateOnly(2026, 11, 26), (decimal)ttc), (invoice.IssueDate, invoice.TotalWithVat));
        await journey.Parties.WaitForStatusAsync(invoice.Number, InvoiceStatus.MiseADisposition);
    }

    [Theory]
    [InlineData("pastell")]
    [InlineData("go")]
    public async Task A_pdf_added_with_ajouter_fichier_is_submitted_as_depot_pdf_api(string client)
    {
        using var journey = await DepositApiJourney.CreateAsync(Factory);
        var pdf = DepositFilesTests.InvoicePdf("F-PDF-" + client);
        var piece = await AddFileAsync(journey, "facture.pdf", pdf);
        var annexe = await AddFileAsync(journey, "annexe.csv", "a;b\n"u8.ToArray(), "CSV");
        var body = client == "pastell"
            ? $$"""{"modeDepot":"DEPOT_PDF_API","numeroFactureSaisi":"F-PDF-pastell","dateFacture":"2026-11-20","destinataire":{"codeDestinataire":"{{Recipient}}"},"fournisseur":{"idFournisseur":{{await SupplierIdAsync()}}},"cadreDeFacturation":{"codeCadreFacturation":"A1_FACTURE_FOURNISSEUR"},"references":{"deviseFacture":"EUR","typeFacture":"FACTURE","typeTva":"TVA_SUR_DEBIT","modePaiement":"VIREMENT","numeroBonCommande":"EJ-1"},"montantTotal":{"montantHtTotal":300,"montantTVA":60,"montantTtcTotal":360,"montantAPayer":360},"pieceJointePrincipale":[{"pieceJointePrincipaleDesignation":"ma facture","pieceJointePrincipaleId":{{piece}}}],"pieceJointeComplementaire":[{"pieceJointeComplementaireDesignation":"annexe","pieceJointeComplementaireId":{{annexe}}}]}"""
            : $$"""{"cadreDeFacturation":{"codeCadreFacturation":"A1_FACTURE_FOURNISSEUR"},"dateFacture":"2026-11-20T00:00:00Z","destinataire":{"codeDestinataire":"{{Recipient}}"},"fournisseur":{"idFournisseur":{{await SupplierIdAsync()}}},"modeDepot":"DEPOT_PDF_API","montantTotal":{"montantAPayer":360,"montantHtTotal":300,"montantTVA":60,"montantTtcTotal":360},"numeroFactureSaisi":"F-PDF-go","pieceJointePrincipale":{"pieceJointePrincipaleDesignation":"ma facture","pieceJointePrincipaleId":{{piece}}},"pieceJointeComplementaire":{"pieceJointeComplementaireId":{{annexe}}},"references":{"deviseFacture":"EUR","typeFacture":"FACTURE"} }""";
        var invoice = await CheckAnswerAsync(await journey.Client.PostAsync(Soumettre, body), "F-PDF-" + client);

        Assert.Equal(("DEPOT_PDF_API", "PDF", 360m, new DateOnly(2026, 11, 20)), (invoice.DepositMode, invoice.Syntax, invoice.TotalWithVat, invoice.IssueDate));
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(Factory.DataDirectory, "documents", invoice.DocumentPath)));
        var attachments = await Factory.QueryAsync(db => db.InvoiceAttachments.AsNoTracking().Where(a => a.InvoiceId == invoice.Id).ToListAsync());
        Assert.Equal(["COMPLEMENTAIRE"], attachments.Select(a => a.Kind));
        var used = await Factory.QueryAsync(db => db.ApiFiles.AsNoTracking().Where(f => f.InvoiceId == invoice.Id).CountAsync());
        Assert.Equal(2, used);
        await journey.Parties.WaitForStatusAsync(invoice.Number, InvoiceStatus.MiseADisposition);
    }
}

public sealed class SoumettreOnSqliteTests() : SoumettreTests(TestDatabase.Sqlite);

public sealed class SoumettreOnPostgresTests() : SoumettreTests(TestDatabase.Postgres);
