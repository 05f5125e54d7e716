using System.Net;
using System.Text.Json;
using Cantate.Testing;
using static Cantate.Web.Tests.Api.ApiAssert;
using static Cantate.Web.Tests.Api.TrackingJourney;

namespace Cantate.Web.Tests.Api;

/// <summary>The supplier follows its invoices with rechercher/fournisseur and consulter/fournisseur, as each client sends them.</summary>
public abstract class TrackingSupplierTests(TestDatabase database) : PortalTest(database)
{
    private const string Search = "/cpro/factures/v1/rechercher/fournisseur";

    [Fact]
    public async Task Oca_and_pastell_find_the_invoice_of_a_flow_with_the_number_inside_the_file()
    {
        using var journey = await CreateAsync(Factory);
        var id = await journey.AvailableAsync("F-2026-001");
        await journey.AvailableAsync("F-2026-002");
        var flow = await journey.FlowNumberAsync(id);

        var oca = (await journey.Supplier.PostAsync(Search, $$"""{"numeroFluxDepot": "{{flow}}"}""")).EnsureOk();
        var pastell = (await journey.Supplier.PostAsync(Search, $$"""{"numeroFluxDepot":"{{flow}}"}""", "application/json")).EnsureOk();
        foreach (var answer in new[] { oca, pastell })
        {
            var row = Assert.Single(answer["listeFactures"].EnumerateArray());
            Assert.Equal(id, Int(row, "identifiantFactureCPP"));
            Assert.Equal("F-2026-001", Text(row, "numeroFacture"));
            Assert.Equal("MISE_A_DISPOSITION", Text(row, "statut"));
            Assert.Equal(flow, Text(row, "numeroFluxDepot"));
        }
    }

    [Fact]
    public async Task Go_sends_every_filter_zero_valued_and_reads_each_field_with_its_type()
    {
        using var journey = await CreateAsync(Factory);
        var first = await journey.AvailableAsync("F-2026-001");
        await journey.AvailableAsync("F-2026-002");
        var recipientId = await journey.StructureIdAsync(Invoices.InvoiceParties.RecipientSiret);
        var flow = await journey.FlowNumberAsync(first);

        var all = (await journey.Supplier.PostAsync(Search, GoBody(""))).EnsureOk();
        Assert.Equal(2, all["listeFactures"].GetArrayLength());
        var paging = all["parametresRetour"];
        Assert.Equal(1, Int(paging, "pageCourante"));
        Assert.Equal(1, Int(paging, "pages"));
        Assert.Equal(10, Int(paging, "nbResultatsParPage"));
        Assert.Equal(2, Int(paging, "total"));

        var one = (await journey.Supplier.PostAsync(Search, GoBody(flow))).EnsureOk();
        var row = Assert.Single(one["listeFactures"].EnumerateArray());
        Assert.Equal(first, Int(row, "identifiantFactureCPP"));
        Assert.Equal("F-2026-001", Text(row, "numeroFacture"));
        Text(row, "dateDepot", Date());
        Assert.Equal("2026-11-20", Text(row, "dateFacture", Date()));
        Text(row, "dateHeureEtatCourant", Timestamp());
        Assert.Equal(360m, Number(row, "montantAPayer"));
        Assert.Equal(300m, Number(row, "montantHT"));
        Assert.Equal(360m, Number(row, "montantTTC"));
        Assert.Equal(recipientId, Int(row, "idDestinataire"));
        Assert.Equal(Invoices.InvoiceParties.RecipientSiret, Text(row, "codeDestinataire"));
        Assert.Equal(Invoices.InvoiceParties.SupplierSiret, Text(row, "codeFournisseur"));
        Assert.Equal("ATELIER DUPONT MENUISERIE", Text(row, "designationFournisseur"));
        Text(row, "designationDestinataire");
        Assert.Equal("EUR", Text(row, "devise"));
        Assert.Equal("FACTURE", Text(row, "typeFacture"));
        Assert.Equal("FACTURE", Text(row, "typeDemandePaiement"));
        Text(row, "modeDepot");
        Assert.False(Bool(row, "rejetTraite"));
        // Unknown values are left out, never null: go and php read null as an error for several of them.
        Assert.DoesNotContain(row.EnumerateObject(), p => p.Value.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Filters_pages_and_the_latest_reason_narrow_and_describe_the_supplier_search()
    {
        using var journey = await CreateAsync(Factory);
        await journey.AvailableAsync("F-2026-001");
        var rejected = await journey.ProcessedAsync("F-2026-002", "REJETEE", "Montant différent du devis");
        await journey.ProcessedAsync("F-2026-003", "SUSPENDUE", "Attestation manquante");

        var byStatus = (await journey.Supplier.PostAsync(Search, """{"statutCourant": ["REJETEE"], "rejetTraite": false}""")).EnsureOk();
        var row = Assert.Single(byStatus["listeFactures"].EnumerateArray());
        Assert.Equal(rejected, Int(row, "identifiantFactureCPP"));
        Assert.Equal("Montant différent du devis", Text(row, "commentaireEtatCourant"));

        var byNumber = (await journey.Supplier.PostAsync(Search, """{"numeroFacture": "F-2026-003", "typeFacture": "FACTURE", "montantTTCMin": 100, "montantTTCMax": 400}""")).EnsureOk();
        Assert.Equal("SUSPENDUE", Text(Assert.Single(byNumber["listeFactures"].EnumerateArray()), "statut"));
        Assert.Equal(0, (await journey.Supplier.PostAsync(Search, """{"montantTTCMin": 1000}""")).EnsureOk()["listeFactures"].GetArrayLength());
        Assert.Equal(0, (await journey.Supplier.PostAsync(Search, """{"typeFacture": "AVOIR"}""")).EnsureOk()["listeFactures"].GetArrayLength());
        Assert.Equal(3, (await journey.Supplier.PostAsync(Search, """{"periodeDateFactureDu": "2026-11-01", "periodeDateFactureAu": "2026-11-30"}""")).EnsureOk()["listeFactures"].GetArrayLength());
        Assert.Equal(0, (await journey.Supplier.PostAsync(Search, """{"periodeDateFactureDu": "2026-12-01"}""")).EnsureOk()["listeFactures"].GetArrayLength());

        var page2 = (await journey.Supplier.PostAsync(Search, """{"rechercheFactureParFournisseur": {"pageResultatDemandee": 2, "nbResultatsParPage": 2, "triColonne": "numeroFacture", "triSense": "Ascendant "}}""")).EnsureOk();
        Assert.Equal("F-2026-003", Text(Assert.Single(page2["listeFactures"].EnumerateArray()), "numeroFacture"));
        Assert.Equal(2, Int(page2["parametresRetour"], "pages"));
        Assert.Equal(3, Int(page2["parametresRetour"], "total"));

        // Acknowledging the rejection on the portal makes it "rejet traité".
        var page = await journey.Parties.Supplier.GetAsync($"/factures/{(await journey.InvoiceAsync(rejected)).Id}?structure={journey.Parties.SupplierId}");
        await journey.Parties.Supplier.SubmitAsync(page, formSelector: "form[action*='handler=Acquitter']");
        var treated = (await journey.Supplier.PostAsync(Search, """{"rejetTraite": true}""")).EnsureOk();
        Assert.True(Bool(Assert.Single(treated["listeFactures"].EnumerateArray()), "rejetTraite"));
    }

    [Fact]
    public async Task An_empty_search_is_a_success_with_its_pagination()
    {
        using var journey = await CreateAsync(Factory);
        var answer = await journey.Supplier.PostAsync(Search, """{"numeroFluxDepot": "FLX20260101AAAAAAAA"}""");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(0, answer.CodeRetour);
        Assert.Equal(0, answer["listeFactures"].GetArrayLength());
        Assert.Equal(0, Int(answer["parametresRetour"], "total"));
        Assert.Equal(0, Int(answer["parametresRetour"], "pages"));
    }

    [Fact]
    public async Task Fe_and_go_consult_an_issued_invoice_with_its_lines_and_VAT_breakdown_read_from_the_document()
    {
        using var journey = await CreateAsync(Factory);
        var id = await journey.AvailableAsync("F-2026-001");
        var supplierId = await journey.StructureIdAsync(Invoices.InvoiceParties.SupplierSiret);
        var fe = (await journey.Supplier.PostAsync("/cpro/factures/v1/consulter/fournisseur", $$"""{"identifiantFactureCPP": {{id}}}""", "application/json; charset=UTF-8")).EnsureOk();
        var go = (await journey.Supplier.PostAsync("/cpro/factures/v1/consulter/fournisseur", $$"""
            {"codeLangue": "FR", "identifiantFactureCPP": {{id}}, "pLignesPoste": {"nbResultatsParPageLignesPoste": 10, "pageResultatDemandeeLignesPoste": 1},
             "pListePiecesJointes": {"nbResultatsParPageListePieceJointe": 10}, "pLigneRecapTva": {"nbResultatsParPageListeListeRecapitulatifTVA": 10} }
            """)).EnsureOk();
        foreach (var answer in new[] { fe, go })
        {
            var facture = answer["facture"];
            Assert.Equal(id, Int(facture, "identifiantFactureCPP"));
            Assert.Equal("F-2026-001", Text(facture, "numeroFacture"));
            Assert.Equal("MISE_A_DISPOSITION", Text(facture, "statutFacture"));
            Assert.Equal("A1_FACTURE_FOURNISSEUR", Text(facture.GetProperty("cadreDeFacturation"), "codeCadreFacturation"));
            Int(facture.GetProperty("destinataire"), "idDestinataire");
            Assert.Equal(Invoices.InvoiceParties.RecipientSiret, Text(facture.GetProperty("destinataire"), "codeDestinataire"));
            Assert.Equal(supplierId, Int(facture.GetProperty("fournisseur"), "idFournisseur"));
            Assert.Equal("FR7630006000011234567890189", Text(facture.GetProperty("fournisseur"), "coordBancairesFournisseurCompteBancaire"));
            var references = facture.GetProperty("references");
            Text(references, "dateCreationFacture", MinuteDateTime());
            Text(references, "dateDepot", Date());
            Assert.Equal("2026-11-20", Text(references, "dateFacture", Date()));
            Assert.Equal("2026-12-20", Text(references, "dateEcheancePaiement", Date()));
            Assert.Equal("VIREMENT", Text(references, "modePaiement"));
            Number(references, "tailleTotalePiecesJointes");
            var totals = facture.GetProperty("montantTotal");
            Assert.Equal(300m, Number(totals, "montantHtTotal"));
            Assert.Equal(60m, Number(totals, "montantTVA"));
            Assert.Equal(360m, Number(totals, "montantTtcTotal"));
            Assert.Equal(360m, Number(totals, "montantAPayer"));
            var line = Assert.Single(facture.GetProperty("lignesDePoste").GetProperty("lignePoste").EnumerateArray());
            Assert.Equal(1, Int(line, "lignePosteNumero"));
            Assert.Equal("Fourniture et pose d'étagères", Text(line, "lignePosteDenomination"));
            Assert.Equal(3m, Number(line, "lignePosteQuantite"));
            Assert.Equal(100m, Number(line, "lignePosteMontantUnitaireHT"));
            Assert.Equal(20m, Number(line, "lignePosteTauxTvaManuel"));
            Assert.Equal("20", Text(line, "lignePosteTauxTva"));
            Assert.False(line.TryGetProperty("lignePosteUniteCode", out _));
            Assert.Equal(1, Int(facture.GetProperty("lignesDePoste"), "totalLignesPoste"));
            var vat = Assert.Single(facture.GetProperty("recapitulatifDeTva").GetProperty("ligneTva").EnumerateArray());
            Assert.Equal(300m, Number(vat, "ligneTvaMontantBaseHtParTaux"));
            Assert.Equal(60m, Number(vat, "ligneTvaMontantTvaParTaux"));
            Assert.Equal(0, facture.GetProperty("listeDesPiecesJointes").GetProperty("pieceJointe").GetArrayLength());
            Assert.Equal(JsonValueKind.Object, facture.GetProperty("pieceJointePrincipale").ValueKind);
        }
    }

    private static string GoBody(string flow) => $$"""
        {"cadreFacturation": {}, "coordonneeBancaire": 0, "idFournisseur": 0, "idServiceFournisseur": 0, "idStructureValideur": 0,
         "idUtilisateurCourant": 0, "idUtilisateurCreateur": null, "listeDestinataire": null, "modeDepot": "", "montantApayerMax": 0,
         "montantApayerMin": 0, "montantHTMax": 0, "montantHTMin": 0, "montantTTCMax": 0, "montantTTCMin": 0, "numeroBonCommande": "",
         "numeroFacture": "", "numeroFactureOrigine": "", "numeroFluxDepot": "{{flow}}", "numeroMarche": "", "periodeDateDepotAu": "",
         "periodeDateDepotDu": "", "periodeDateFactureAu": null, "periodeDateFactureDu": null, "periodeDateHeureEtatCourantAu": null,
         "periodeDateHeureEtatCourantDu": null, "rechercheFactureParFournisseur": null, "rechercheSirenDestinataire": false,
         "recupererTaille": false, "rejetTraite": false, "statutCourant": null, "typeFacture": ""}
        """;
}

public sealed class TrackingSupplierTestsOnSqlite() : TrackingSupplierTests(TestDatabase.Sqlite);

public sealed class TrackingSupplierTestsOnPostgres() : TrackingSupplierTests(TestDatabase.Postgres);
