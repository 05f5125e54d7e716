using System.Text;
using Cantate.Testing;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using static Cantate.Web.Tests.Api.ApiAssert;
using static Cantate.Web.Tests.Api.TrackingJourney;

namespace Cantate.Web.Tests.Api;

/// <summary>
/// Each follow-up operation, tried by a technical account on an invoice it does not own or from the wrong side:
/// refused as if the invoice did not exist (20000, HTTP 400), never with its data, and nothing changes.
/// </summary>
public abstract class AuthorizationTrackingTests(TestDatabase database) : PortalTest(database)
{
    private static IEnumerable<(string Path, string Body)> Operations(int id) =>
    [
        ("/cpro/factures/v1/consulter/fournisseur", $$"""{"identifiantFactureCPP": {{id}}}"""),
        ("/cpro/factures/v1/consulter/recipiendaire", $$"""{"identifiantFactureCPP": {{id}}}"""),
        ("/cpro/factures/v1/consulter/historique", $$"""{"idFacture": {{id}}}"""),
        ("/cpro/factures/v1/traiter/recue", $$"""{"idFacture": {{id}}, "nouveauStatut": "REJETEE", "motif": "Essai", "numeroDPMandat": ""}"""),
        ("/cpro/factures/v1/recycler", $$"""{"identifiantFactureCPP": {{id}}, "destinataire": {"codeDestinataire": "{{OutsiderSiret}}"} }"""),
        ("/cpro/factures/v1/completer", $$"""{"identifiantFactureCPP": {{id}}, "commentaire": "Essai"}"""),
        ("/cpro/factures/v1/telecharger/groupe", $$"""{"format": "PDF", "listeFacture": [{"idFacture": {{id}}}]}"""),
    ];

    [Fact]
    public async Task Another_structure_s_technical_account_gets_no_operation_on_the_invoice_and_finds_nothing()
    {
        using var journey = await CreateAsync(Factory);
        var id = await journey.ProcessedAsync("F-2026-001", "SUSPENDUE", "Pièce manquante");
        using var outsider = await journey.OutsiderAsync();
        var unknown = await outsider.PostAsync("/cpro/factures/v1/consulter/historique", """{"idFacture": 999999}""");
        Refused(unknown, CproCodes.InvoiceNotFound);

        foreach (var (path, body) in Operations(id))
        {
            var answer = await outsider.PostAsync(path, body);
            Refused(answer, CproCodes.InvoiceNotFound);
            Assert.DoesNotContain("F-2026-001", answer.Text, StringComparison.Ordinal);
            // The same answer as for an id that does not exist: ids cannot be probed.
            Assert.Equal(unknown.Libelle.Replace(" 999999 ", " ", StringComparison.Ordinal), answer.Libelle.Replace($" {id} ", " ", StringComparison.Ordinal));
        }
        Assert.Equal(0, (await outsider.PostAsync("/cpro/factures/v1/rechercher/fournisseur", "{}")).EnsureOk()["listeFactures"].GetArrayLength());
        Assert.Equal(0, (await outsider.PostAsync("/cpro/factures/v1/rechercher/recipiendaire", "{}")).EnsureOk()["listeFactures"].GetArrayLength());
        var invoice = await journey.InvoiceAsync(id);
        Assert.Equal(InvoiceStatus.Suspendue, invoice.Status);
        Assert.DoesNotContain(invoice.History, e => e.Action == Invoice.DownloadAction);
    }

    [Fact]
    public async Task The_supplier_never_acts_as_the_recipient_and_the_recipient_never_as_the_supplier()
    {
        using var journey = await CreateAsync(Factory);
        var id = await journey.ProcessedAsync("F-2026-001", "A_RECYCLER", "Mauvais service");
        var supplierOnly = new[] { "/cpro/factures/v1/consulter/fournisseur", "/cpro/factures/v1/recycler", "/cpro/factures/v1/completer" };
        var recipientOnly = new[] { "/cpro/factures/v1/consulter/recipiendaire", "/cpro/factures/v1/traiter/recue" };
        foreach (var (path, body) in Operations(id))
        {
            if (recipientOnly.Contains(path)) Refused(await journey.Supplier.PostAsync(path, body), CproCodes.InvoiceNotFound);
            if (supplierOnly.Contains(path)) Refused(await journey.Recipient.PostAsync(path, body), CproCodes.InvoiceNotFound);
        }
        Assert.Equal(0, (await journey.Supplier.PostAsync("/cpro/factures/v1/rechercher/recipiendaire", "{}")).EnsureOk()["listeFactures"].GetArrayLength());
        Assert.Equal(0, (await journey.Recipient.PostAsync("/cpro/factures/v1/rechercher/fournisseur", "{}")).EnsureOk()["listeFactures"].GetArrayLength());
        // A filter naming another structure does not widen the search either.
        var supplierId = await journey.StructureIdAsync(Invoices.InvoiceParties.SupplierSiret);
        Assert.Equal(0, (await journey.Supplier.PostAsync("/cpro/factures/v1/rechercher/recipiendaire", $$"""{"idDestinataire": {{await journey.StructureIdAsync(Invoices.InvoiceParties.RecipientSiret)}}}"""))
            .EnsureOk()["listeFactures"].GetArrayLength());
        Assert.Equal(0, (await journey.Recipient.PostAsync("/cpro/factures/v1/rechercher/fournisseur", $$"""{"idFournisseur": {{supplierId}}}"""))
            .EnsureOk()["listeFactures"].GetArrayLength());
        var invoice = await journey.InvoiceAsync(id);
        Assert.Equal(InvoiceStatus.ARecycler, invoice.Status);
        Assert.Equal(Invoices.InvoiceParties.RecipientSiret, invoice.RecipientSiret);
    }

    [Fact]
    public async Task A_file_of_another_structure_cannot_be_joined_and_an_outsider_s_download_names_no_invoice()
    {
        using var journey = await CreateAsync(Factory);
        var id = await journey.ProcessedAsync("F-2026-001", "SUSPENDUE", "Pièce manquante");
        var other = await journey.AvailableAsync("F-2026-002");
        using var outsider = await journey.OutsiderAsync();
        var foreign = await journey.AddApiFileAsync(OutsiderSiret, "piece.pdf", Encoding.ASCII.GetBytes("%PDF-1.4"));
        Refused(await journey.Supplier.PostAsync("/cpro/factures/v1/completer",
            $$"""{"identifiantFactureCPP": {{id}}, "pieceJointeComplementaire": [{"pieceJointeComplementaireId": {{foreign}}}]}"""), CproCodes.NotFound);
        // One id the caller may not see refuses the whole download, even next to its own.
        Refused(await journey.Recipient.PostAsync("/cpro/factures/v1/telecharger/groupe",
            $$"""{"format": "PDF", "listeFacture": [{"idFacture": {{other}}}, {"idFacture": 999999}]}"""), CproCodes.InvoiceNotFound);
        Assert.DoesNotContain((await journey.InvoiceAsync(other)).History, e => e.Action == Invoice.DownloadAction);
        Assert.Equal(InvoiceStatus.Suspendue, (await journey.InvoiceAsync(id)).Status);
    }
}

public sealed class AuthorizationTrackingTestsOnSqlite() : AuthorizationTrackingTests(TestDatabase.Sqlite);

public sealed class AuthorizationTrackingTestsOnPostgres() : AuthorizationTrackingTests(TestDatabase.Postgres);
