using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Cantate.Testing;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Microsoft.EntityFrameworkCore;
using static Cantate.Web.Tests.Api.ApiAssert;
using static Cantate.Web.Tests.Api.TrackingJourney;

namespace Cantate.Web.Tests.Api;

/// <summary>The recipient's side: pastell's and go's rechercher/recipiendaire, consulter/recipiendaire and traiter/recue.</summary>
public abstract class ReceivedInvoicesApiTests(TestDatabase database) : PortalTest(database)
{
    private const string Search = "/cpro/factures/v1/rechercher/recipiendaire";
    private const string Process = "/cpro/factures/v1/traiter/recue";

    private static string Pastell(string type, int page, string extra = "") =>
        $$"""{"typeDemandePaiement":"{{type}}","paramRecherche":{"nbResultatsParPage":1000,"pageResultatDemandee":{{page}},"nbResultatsMaximum":999999}{{extra}}}""";

    [Fact]
    public async Task Pastell_polls_FACTURE_then_FACTURE_TRAVAUX_and_reads_each_row_and_the_top_level_pagination()
    {
        using var journey = await CreateAsync(Factory);
        var first = await journey.AvailableAsync("F-2026-001");
        await journey.AvailableAsync("F-2026-002");
        var recipientId = await journey.StructureIdAsync(Invoices.InvoiceParties.RecipientSiret);
        var supplierId = await journey.StructureIdAsync(Invoices.InvoiceParties.SupplierSiret);
        // The end of pastell's period is a French calendar day: tomorrow in UTC covers today in Paris whatever the hour.
        var today = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var invoices = (await journey.Recipient.PostAsync(Search, Pastell("FACTURE", 1,
            $$""","idDestinataire":{{recipientId}},"periodeDateHeureEtatCourantDu":"2026-01-01","periodeDateHeureEtatCourantAu":"{{today}}T23:59:59","factureTelechargeeParDestinataire":false"""),
            "application/json")).EnsureOk();
        Assert.Equal(1, Int(invoices.Body, "pageCourante"));
        Assert.Equal(1, Int(invoices.Body, "pages"));
        Assert.Equal(2, Int(invoices.Body, "total"));
        Assert.Equal(1000, Int(invoices.Body, "nbResultatsParPage"));
        var row = invoices["listeFactures"].EnumerateArray().Single(r => r.GetProperty("numeroFacture").GetString() == "F-2026-001");
        Assert.Equal(first, Int(row, "idFacture"));
        Assert.Equal(Invoices.InvoiceParties.SupplierSiret, Text(row, "codeFournisseur"));
        Assert.Equal(supplierId, Int(row, "idFournisseur"));
        Assert.Equal(recipientId, Int(row, "idDestinataire"));
        Assert.Equal(Invoices.InvoiceParties.RecipientSiret, Text(row, "codeDestinataire"));
        Assert.Equal("SIRET", Text(row, "typeIdentifiantFournisseur"));
        Assert.Equal("ATELIER DUPONT MENUISERIE", Text(row, "designationFournisseur"));
        Assert.Equal(360m, Number(row, "montantTTC"));
        Assert.Equal(300m, Number(row, "montantHT"));
        Assert.Equal(360m, Number(row, "montantAPayer"));
        Assert.Equal("MISE_A_DISPOSITION", Text(row, "statut"));
        Assert.Equal("FACTURE", Text(row, "typeFacture"));
        Assert.Equal("2026-11-20", Text(row, "dateFacture", Date()));
        Text(row, "dateDepot", Date());
        Text(row, "dateHeureEtatCourant", Timestamp());
        Assert.False(Bool(row, "factureTelechargeeParDestinataire"));
        Assert.DoesNotContain(row.EnumerateObject(), p => p.Value.ValueKind == JsonValueKind.Null);

        // pastell's second poll, for works invoices: there are none, and that is a success it can read.
        var works = await journey.Recipient.PostAsync(Search, Pastell("FACTURE_TRAVAUX", 1), "application/json");
        Assert.Equal(HttpStatusCode.OK, works.Status);
        Assert.Equal(0, works.CodeRetour);
        Assert.Equal(0, works["listeFactures"].GetArrayLength());
        Assert.True(Int(works.Body, "pageCourante") >= Int(works.Body, "pages"));

        // Once downloaded, an invoice leaves the "not downloaded yet" poll.
        (await journey.Recipient.PostAsync("/cpro/factures/v1/telecharger/groupe", $$"""{"format":"PDF","listeFacture":[{"idFacture":{{first}}}]}""")).EnsureOk();
        var pending = (await journey.Recipient.PostAsync(Search, Pastell("FACTURE", 1, ""","factureTelechargeeParDestinataire":false"""))).EnsureOk();
        Assert.Equal("F-2026-002", Text(Assert.Single(pending["listeFactures"].EnumerateArray()), "numeroFacture"));
        var downloaded = (await journey.Recipient.PostAsync(Search, Pastell("FACTURE", 1, ""","factureTelechargeeParDestinataire":true"""))).EnsureOk();
        Assert.True(Bool(Assert.Single(downloaded["listeFactures"].EnumerateArray()), "factureTelechargeeParDestinataire"));
    }

    [Fact]
    public async Task Pastell_finds_an_invoice_id_by_supplier_and_number_and_go_filters_with_its_own_keys()
    {
        using var journey = await CreateAsync(Factory);
        var id = await journey.AvailableAsync("F-2026-001");
        await journey.ProcessedAsync("F-2026-002", "SERVICE_FAIT");
        var supplierId = await journey.StructureIdAsync(Invoices.InvoiceParties.SupplierSiret);

        var byNumber = (await journey.Recipient.PostAsync(Search, $$"""{"listeFournisseurs": [{"idFournisseur": {{supplierId}}}], "numeroFacture": "F-2026-001"}""")).EnsureOk();
        Assert.Equal(id, Int(Assert.Single(byNumber["listeFactures"].EnumerateArray()), "idFacture"));
        var otherSupplier = (await journey.Recipient.PostAsync(Search, """{"listeFournisseurs": [{"idFournisseur": 987654}], "numeroFacture": "F-2026-001"}""")).EnsureOk();
        Assert.Equal(0, otherSupplier["listeFactures"].GetArrayLength());

        var go = (await journey.Recipient.PostAsync(Search, """
            {"listeTypeFacture": ["FACTURE"], "statutCourant": ["SERVICE_FAIT"], "typeDemandePaiement": "FACTURE",
             "paramRecherche": {"nbResultatsParPage": 5, "pageResultatDemandee": 1, "triColonne": "dateDepot", "triSense": "Ascendant "}}
            """)).EnsureOk();
        Assert.Equal("F-2026-002", Text(Assert.Single(go["listeFactures"].EnumerateArray()), "numeroFacture"));
        Assert.Equal(5, Int(go.Body, "nbResultatsParPage"));
    }

    [Fact]
    public async Task An_invoice_not_yet_made_available_is_not_received_yet()
    {
        using var journey = await CreateAsync(Factory);
        var id = await journey.AvailableAsync("F-2026-001");
        await Factory.QueryAsync(db => db.Invoices.Where(i => i.CppId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InvoiceStatus.EnCoursAcheminement)));

        Assert.Equal(0, (await journey.Recipient.PostAsync(Search, "{}")).EnsureOk()["listeFactures"].GetArrayLength());
        Refused(await journey.Recipient.PostAsync("/cpro/factures/v1/consulter/recipiendaire", $$"""{"identifiantFactureCPP": {{id}}}"""), CproCodes.InvoiceNotFound);
        Refused(await journey.Recipient.PostAsync(Process, $$"""{"idFacture": {{id}}, "nouveauStatut": "MANDATEE", "motif": "", "numeroDPMandat": ""}"""),
            CproCodes.InvoiceNotFound);
        Assert.Equal(1, (await journey.Supplier.PostAsync("/cpro/factures/v1/rechercher/fournisseur", "{}")).EnsureOk()["listeFactures"].GetArrayLength());
    }

    [Fact]
    public async Task Pastell_and_go_set_statuses_the_technical_account_is_the_actor_and_wrong_requests_name_what_to_fix()
    {
        using var journey = await CreateAsync(Factory);
        var id = await journey.AvailableAsync("F-2026-001");

        var missing = await journey.Recipient.PostAsync(Process, $$"""{"idFacture": {{id}}, "nouveauStatut": "SUSPENDUE", "motif": "", "numeroDPMandat": ""}""");
        Refused(missing, CproCodes.InvalidField, "motif");
        Refused(await journey.Recipient.PostAsync(Process, JsonSerializer.Serialize(new { idFacture = id, nouveauStatut = "REJETEE", motif = new string('x', 256) })),
            CproCodes.InvalidField, "255");
        Refused(await journey.Recipient.PostAsync(Process, $$"""{"idFacture": {{id}}, "nouveauStatut": "PAYEE"}"""), CproCodes.InvalidField, "nouveauStatut");

        var go = (await journey.Recipient.PostAsync(Process,
            $$"""{"idFacture": {{id}}, "idUtilisateurCourant": 0, "motif": "", "nouveauStatut": "MANDATEE", "numeroDPMandat": "M-2026-77"}""")).EnsureOk();
        Assert.Equal(id, Int(go.Body, "idFacture"));
        Assert.Equal("F-2026-001", Text(go.Body, "numeroFacture"));
        Assert.Equal("MANDATEE", Text(go.Body, "nouveauStatut"));
        Text(go.Body, "dateTraitement", Date());
        var backwards = await journey.Recipient.PostAsync(Process, $$"""{"idFacture": {{id}}, "nouveauStatut": "SERVICE_FAIT", "motif": "", "numeroDPMandat": ""}""", "application/json");
        Refused(backwards, CproCodes.WrongStatus, "MANDATEE");

        var invoice = await journey.InvoiceAsync(id);
        Assert.Equal(InvoiceStatus.Mandatee, invoice.Status);
        var mandated = invoice.History[^1];
        Assert.Equal(journey.Recipient.Login, mandated.ActorName);
        Assert.Equal(InvoiceActorKind.Destinataire, mandated.ActorKind);
        Assert.Equal("Mandat n° M-2026-77", mandated.Comment);
    }

    [Fact]
    public async Task Portal_deposit_then_API_search_rejection_and_the_supplier_reads_the_rejection_and_its_motif()
    {
        using var journey = await CreateAsync(Factory);
        await journey.AvailableAsync("F-2026-042");
        var found = (await journey.Recipient.PostAsync(Search, Pastell("FACTURE", 1), "application/json")).EnsureOk();
        var id = Int(Assert.Single(found["listeFactures"].EnumerateArray()), "idFacture");

        var rejected = (await journey.Recipient.PostAsync(Process,
            $$"""{"idFacture": {{id}}, "nouveauStatut": "REJETEE", "motif": "Le bon de commande porte sur deux jours d'audit", "numeroDPMandat": ""}""",
            "application/json")).EnsureOk();
        Assert.Equal("REJETEE", Text(rejected.Body, "nouveauStatut"));

        var history = (await journey.Supplier.PostAsync("/cpro/factures/v1/consulter/historique", $$"""{"idFacture": {{id}}}""")).EnsureOk();
        Assert.Equal("REJETEE", Text(history.Body, "statutCourantCode"));
        var last = history["historiquesDesStatuts"].GetProperty("histoStatut")[0];
        Assert.Equal("REJETEE", Text(last, "histoStatutCode"));
        Assert.Equal("Le bon de commande porte sur deux jours d'audit", Text(last, "histoStatutCommentaire"));
        var search = (await journey.Supplier.PostAsync("/cpro/factures/v1/rechercher/fournisseur", """{"numeroFacture": "F-2026-042"}""")).EnsureOk();
        var row = Assert.Single(search["listeFactures"].EnumerateArray());
        Assert.Equal("REJETEE", Text(row, "statut"));
        Assert.Equal("Le bon de commande porte sur deux jours d'audit", Text(row, "commentaireEtatCourant"));
        await Factory.Smtp.WaitForAsync(journey.Parties.SupplierEmail, "Facture F-2026-042 : rejetée");
    }

}

public sealed class ReceivedInvoicesApiTestsOnSqlite() : ReceivedInvoicesApiTests(TestDatabase.Sqlite);

public sealed class ReceivedInvoicesApiTestsOnPostgres() : ReceivedInvoicesApiTests(TestDatabase.Postgres);
