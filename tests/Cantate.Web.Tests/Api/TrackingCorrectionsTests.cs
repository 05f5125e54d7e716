using System.Text;
using Cantate.Testing;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Microsoft.EntityFrameworkCore;
using static Cantate.Web.Tests.Api.ApiAssert;
using static Cantate.Web.Tests.Api.TrackingJourney;

namespace Cantate.Web.Tests.Api;

/// <summary>The supplier's technical account recycles an invoice to recycle and completes a suspended one.</summary>
public abstract class TrackingCorrectionsTests(TestDatabase database) : PortalTest(database)
{
    [Fact]
    public async Task An_invoice_to_recycle_goes_to_another_structure_with_its_number_and_the_comment_in_its_history()
    {
        using var journey = await CreateAsync(Factory);
        var id = await journey.ProcessedAsync("F-2026-001", "A_RECYCLER", "Adressez la facture à la commune");
        using var commune = Factory.CreatePortalClient();
        await AccountJourney.OnboardAsync(Factory, commune, NewEmail("commune"), OutsiderSiret);
        await Factory.QueryAsync(async db =>
        {
            var s = await db.Structures.SingleAsync(x => x.Siret == OutsiderSiret);
            (s.ServiceCodeRequired, s.EngagementRequired, s.ServiceOrEngagementRequired) = (false, false, false);
            return await db.SaveChangesAsync();
        });

        var unknown = await journey.Supplier.PostAsync("/cpro/factures/v1/recycler",
            $$"""{"identifiantFactureCPP": {{id}}, "destinataire": {"codeDestinataire": "99999999999999"}, "commentaire": ""}""");
        Refused(unknown, CproCodes.InvoiceRefused, "99999999999999");
        var answer = (await journey.Supplier.PostAsync("/cpro/factures/v1/recycler", $$"""
            {"identifiantFactureCPP": {{id}}, "destinataire": {"codeDestinataire": "{{OutsiderSiret}}", "codeServiceExecutant": null},
             "references": {"numeroBonCommande": ""}, "commentaire": "Destinataire corrigé"}
            """)).EnsureOk();
        Assert.Equal(id, Int(answer.Body, "identifiantFactureCPP"));
        Assert.Equal("DEPOSEE", Text(answer.Body, "statutFacture"));
        Text(answer.Body, "dateTraitement", Date());

        var invoice = await journey.Parties.WaitForStatusAsync("F-2026-001", InvoiceStatus.MiseADisposition);
        Assert.Equal(OutsiderSiret, invoice.RecipientSiret);
        Assert.Contains(invoice.History, e => e.Action == "DEPOSEE" && e.Comment == "Destinataire corrigé" && e.ActorName == journey.Supplier.Login);
        Refused(await journey.Supplier.PostAsync("/cpro/factures/v1/recycler", $$"""{"identifiantFactureCPP": {{id}}}"""), CproCodes.WrongStatus, "MISE_A_DISPOSITION");
    }

    [Fact]
    public async Task A_suspended_invoice_is_completed_with_files_added_by_ajouter_fichier_which_the_recipient_then_sees()
    {
        using var journey = await CreateAsync(Factory);
        var id = await journey.ProcessedAsync("F-2026-001", "SUSPENDUE", "Bon de livraison manquant");
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 bon de livraison");
        var delivery = await journey.AddApiFileAsync(Invoices.InvoiceParties.SupplierSiret, "bon-livraison.pdf", pdf);
        var program = await journey.AddApiFileAsync(Invoices.InvoiceParties.SupplierSiret, "programme.exe", [1, 2, 3], "application/octet-stream");

        var refused = await journey.Supplier.PostAsync("/cpro/factures/v1/completer",
            $$"""{"identifiantFactureCPP": {{id}}, "commentaire": "Pièces jointes", "pieceJointeComplementaire": [{"pieceJointeComplementaireId": {{program}}}]}""");
        Refused(refused, CproCodes.InvalidField, "programme.exe");
        Assert.Equal(InvoiceStatus.Suspendue, (await journey.InvoiceAsync(id)).Status);

        var answer = (await journey.Supplier.PostAsync("/cpro/factures/v1/completer", $$"""
            {"identifiantFactureCPP": {{id}}, "commentaire": "Bon de livraison joint", "idUtilisateurCourant": 0,
             "pieceJointeComplementaire": [{"pieceJointeComplementaireDesignation": "BL", "pieceJointeComplementaireId": {{delivery}},
                                            "pieceJointeComplementaireType": "BON_DE_LIVRAISON", "pieceJointeComplementaireNumeroLigneFacture": 0}]}
            """)).EnsureOk();
        Assert.Equal("COMPLETEE", Text(answer.Body, "statutFacture"));
        Text(answer.Body, "dateTraitement", Date());

        var facture = (await journey.Recipient.PostAsync("/cpro/factures/v1/consulter/recipiendaire", $$"""{"identifiantFactureCPP": {{id}}}""")).EnsureOk()["facture"];
        Assert.Equal("COMPLETEE", Text(facture, "statutFacture"));
        var piece = Assert.Single(facture.GetProperty("listeDesPiecesJointes").GetProperty("pieceJointe").EnumerateArray());
        Assert.Equal("bon-livraison.pdf", Text(piece, "pieceJointeDesignation"));
        Assert.Equal("PDF", Text(piece, "pieceJointeExtension"));
        Int(piece, "pieceJointeId");
        Assert.Equal(pdf.Length, Number(facture.GetProperty("references"), "tailleTotalePiecesJointes"));
        var history = (await journey.Recipient.PostAsync("/cpro/factures/v1/consulter/historique", $$"""{"idFacture": {{id}}}""")).EnsureOk();
        var added = Assert.Single(history["historiquesDesEvenementsComplementaires"].GetProperty("evenement").EnumerateArray());
        Assert.Contains("bon-livraison.pdf", Text(added, "evenementLibelle"), StringComparison.Ordinal);
        Text(added, "evenementDateHeure", MinuteDateTime());

        // A completed invoice is not completed again.
        Refused(await journey.Supplier.PostAsync("/cpro/factures/v1/completer",
            $$"""{"identifiantFactureCPP": {{id}}, "pieceJointeComplementaire": [{"pieceJointeComplementaireId": {{delivery}}}]}"""), CproCodes.WrongStatus, "COMPLETEE");
    }

    [Fact]
    public async Task Completing_needs_a_suspended_invoice_and_a_comment_or_a_file_of_the_caller_s_structure()
    {
        using var journey = await CreateAsync(Factory);
        var available = await journey.AvailableAsync("F-2026-001");
        Refused(await journey.Supplier.PostAsync("/cpro/factures/v1/completer", $$"""{"identifiantFactureCPP": {{available}}, "commentaire": "x"}"""),
            CproCodes.WrongStatus, "MISE_A_DISPOSITION");
        var id = await journey.ProcessedAsync("F-2026-002", "SUSPENDUE", "Pièce manquante");
        Refused(await journey.Supplier.PostAsync("/cpro/factures/v1/completer", $$"""{"identifiantFactureCPP": {{id}}, "commentaire": "", "pieceJointeComplementaire": []}"""),
            CproCodes.InvalidField, "commentaire");
        var foreign = await journey.AddApiFileAsync(Invoices.InvoiceParties.RecipientSiret, "piece.pdf", Encoding.ASCII.GetBytes("%PDF-1.4"));
        Refused(await journey.Supplier.PostAsync("/cpro/factures/v1/completer",
            $$"""{"identifiantFactureCPP": {{id}}, "pieceJointeComplementaire": [{"pieceJointeComplementaireId": {{foreign}}}]}"""), CproCodes.NotFound);
        Assert.Equal(InvoiceStatus.Suspendue, (await journey.InvoiceAsync(id)).Status);
        Assert.Equal(0, await Factory.QueryAsync(db => db.InvoiceAttachments.CountAsync()));
    }
}

public sealed class TrackingCorrectionsTestsOnSqlite() : TrackingCorrectionsTests(TestDatabase.Sqlite);

public sealed class TrackingCorrectionsTestsOnPostgres() : TrackingCorrectionsTests(TestDatabase.Postgres);
