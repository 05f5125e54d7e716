using System.Net;
using Cantate.Testing;
using Cantate.Web.Modules.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Invoices;

public abstract class InvoiceProcessingTests(TestDatabase database) : PortalTest(database)
{
    private async Task<(InvoiceParties Parties, Guid Id)> AvailableAsync(string number = "F-2026-100")
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        await parties.DepositAsync("f.xml", SampleInvoices.Ubl(number, InvoiceParties.SupplierSiret, InvoiceParties.RecipientSiret));
        await parties.WaitForStatusAsync(number, InvoiceStatus.MiseADisposition);
        return (parties, await parties.IdOfAsync(number));
    }

    private static async Task<Page> ProcessAsync(InvoiceParties parties, Guid id, string status, string? reason)
    {
        var page = await parties.Recipient.GetAsync($"/factures/{id}?structure={parties.RecipientId}");
        return await parties.Recipient.SubmitAsync(page, PortalClient.Fields(("statut", status), ("motif", reason)), formSelector: "form[action*='handler=Traiter']");
    }

    [Fact]
    public async Task The_recipient_rejects_with_a_reason_and_the_supplier_is_told_sees_it_and_acknowledges()
    {
        var (parties, id) = await AvailableAsync();
        var page = await ProcessAsync(parties, id, "REJETEE", "Prix unitaire différent du bon de commande");
        Assert.Contains("Le statut de la facture est mis à jour", page.Text);
        Assert.Equal("Rejetée", page.Document.QuerySelector(".statut")?.TextContent);

        var mail = await Factory.Smtp.WaitForAsync(parties.SupplierEmail, "Facture F-2026-100 : rejetée");
        Assert.Contains("Prix unitaire différent du bon de commande", mail.TextBody);

        var seen = await parties.Supplier.GetAsync($"/factures/{id}?structure={parties.SupplierId}");
        Assert.Equal("Prix unitaire différent du bon de commande", seen.Document.QuerySelector(".motif")?.TextContent);
        var history = seen.Document.QuerySelectorAll(".historique tbody tr td:nth-child(2)").Select(c => c.TextContent).ToList();
        Assert.Equal(["Déposée", "En cours d'acheminement", "Mise à disposition", "Rejetée"], history);
        var acknowledged = await parties.Supplier.SubmitAsync(seen, formSelector: "form[action*='handler=Acquitter']");
        Assert.Contains("Le rejet est acquitté", acknowledged.Text);
        Assert.Null(acknowledged.Document.QuerySelector("form[action*='handler=Acquitter']"));
    }

    [Fact]
    public async Task A_user_who_switched_invoice_emails_off_gets_none()
    {
        var (parties, id) = await AvailableAsync();
        var settings = await parties.Supplier.GetAsync("/compte/notifications");
        var saved = await parties.Supplier.SubmitAsync(settings, PortalClient.Fields(("InvoiceNotifications", null)));
        Assert.Contains("Vos préférences de notification sont enregistrées", saved.Text);
        await ProcessAsync(parties, id, "MISE_EN_PAIEMENT", null);
        // The notification has been handled once its outbox message is processed; it must have sent nothing.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await Factory.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == InvoiceStatusNotifications.Kind && m.ProcessedAt == null))
               && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(await Factory.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == InvoiceStatusNotifications.Kind && m.ProcessedAt != null)));
        await Task.Delay(300);
        Assert.Empty(Factory.Smtp.Matching(parties.SupplierEmail, "mise en paiement"));
    }

    [Fact]
    public async Task Rejecting_without_a_reason_is_refused_and_nothing_changes()
    {
        var (parties, id) = await AvailableAsync();
        var page = await ProcessAsync(parties, id, "REJETEE", "");
        Assert.Contains("motif", page.Document.GetElementById("erreur-action")?.TextContent);
        Assert.Equal(InvoiceStatus.MiseADisposition, await Factory.QueryAsync(db => db.Invoices.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_recipient_marks_the_invoice_paid_skipping_the_optional_steps_and_the_supplier_is_told()
    {
        var (parties, id) = await AvailableAsync();
        await ProcessAsync(parties, id, "SERVICE_FAIT", null);
        var paid = await ProcessAsync(parties, id, "MISE_EN_PAIEMENT", null);
        Assert.Equal("Mise en paiement", paid.Document.QuerySelector(".statut")?.TextContent);
        Assert.Null(paid.Document.QuerySelector("form[action*='handler=Traiter']"));
        await Factory.Smtp.WaitForAsync(parties.SupplierEmail, "Facture F-2026-100 : mise en paiement");
        Assert.Empty(Factory.Smtp.Matching(parties.SupplierEmail, "service fait"));
    }

    [Fact]
    public async Task A_status_that_does_not_follow_is_refused()
    {
        var (parties, id) = await AvailableAsync();
        await ProcessAsync(parties, id, "MANDATEE", null);
        var page = await ProcessAsync(parties, id, "SERVICE_FAIT", null);
        Assert.Contains("ne peut pas passer au statut « Service fait »", page.Document.GetElementById("erreur-action")?.TextContent);
    }

    [Fact]
    public async Task A_suspended_invoice_is_completed_by_the_supplier_and_processed_again()
    {
        var (parties, id) = await AvailableAsync();
        await ProcessAsync(parties, id, "SUSPENDUE", "Attestation de service fait manquante");
        await Factory.Smtp.WaitForAsync(parties.SupplierEmail, "suspendue");
        var page = await parties.Supplier.GetAsync($"/factures/{id}?structure={parties.SupplierId}");
        var completed = await parties.Supplier.SubmitAsync(page, PortalClient.Fields(("commentaire", "Attestation envoyée au service")),
            formSelector: "form[action*='handler=Completer']");
        Assert.Equal("Complétée", completed.Document.QuerySelector(".statut")?.TextContent);
        var paid = await ProcessAsync(parties, id, "MISE_EN_PAIEMENT", null);
        Assert.Equal("Mise en paiement", paid.Document.QuerySelector(".statut")?.TextContent);
    }

    [Fact]
    public async Task An_invoice_to_recycle_is_sent_again_to_another_structure_with_the_same_number()
    {
        var (parties, id) = await AvailableAsync();
        await ProcessAsync(parties, id, "A_RECYCLER", "Adressez la facture à la commune");
        await Factory.Smtp.WaitForAsync(parties.SupplierEmail, "à recycler");

        // The new recipient must be in the directory: a public structure with its gestionnaire.
        using var commune = Factory.CreatePortalClient();
        await AccountJourney.OnboardAsync(Factory, commune, NewEmail("commune"), "21920023500014");
        await Factory.QueryAsync(async db =>
        {
            var s = await db.Structures.SingleAsync(x => x.Siret == "21920023500014");
            (s.ServiceCodeRequired, s.EngagementRequired, s.ServiceOrEngagementRequired) = (false, false, false);
            return await db.SaveChangesAsync();
        });

        var page = await parties.Supplier.GetAsync($"/factures/{id}?structure={parties.SupplierId}");
        var refused = await parties.Supplier.SubmitAsync(page, PortalClient.Fields(("siret", "99999999999999")), formSelector: "form[action*='handler=Recycler']");
        Assert.Contains("ROUTAGE-DESTINATAIRE-INCONNU", refused.Text);
        var recycled = await parties.Supplier.SubmitAsync(refused, PortalClient.Fields(("siret", "21920023500014")), formSelector: "form[action*='handler=Recycler']");
        Assert.Contains("La facture est recyclée", recycled.Text);
        var invoice = await parties.WaitForStatusAsync("F-2026-100", InvoiceStatus.MiseADisposition);
        Assert.Equal("21920023500014", invoice.RecipientSiret);
        Assert.Equal(1, await Factory.QueryAsync(db => db.Invoices.CountAsync()));
    }

    [Fact]
    public async Task Neither_side_can_act_for_the_other_and_a_third_structure_sees_nothing()
    {
        var (parties, id) = await AvailableAsync();
        // The supplier posts a recipient action with its own valid token: refused, status unchanged.
        var own = await parties.Supplier.GetAsync($"/factures/{id}?structure={parties.SupplierId}");
        Assert.Null(own.Document.QuerySelector("form[action*='handler=Traiter']"));
        var token = own.Document.QuerySelector("input[name=__jeton]")!.GetAttribute("value")!;
        var forged = await parties.Supplier.PostAsync($"/factures/{id}?structure={parties.SupplierId}&handler=Traiter",
            [new("statut", "MISE_EN_PAIEMENT"), new("__jeton", token)]);
        Assert.Contains("Seul le destinataire", forged.Text);
        // Claiming to act for the recipient's structure does not help: the supplier is not attached to it.
        Assert.Equal(HttpStatusCode.NotFound, (await parties.Supplier.GetAsync($"/factures/{id}?structure={parties.RecipientId}")).Status);

        using var outsider = Factory.CreatePortalClient();
        await AccountJourney.OnboardAsync(Factory, outsider, NewEmail("tiers"), "90012345600015");
        var outsiderId = await Factory.QueryAsync(db => db.Structures.Where(s => s.Siret == "90012345600015").Select(s => s.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/factures/{id}?structure={outsiderId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/factures/{id}?structure={outsiderId}&handler=Document")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/espaces/factures-recues?structure={parties.RecipientId}")).Status);
        var home = await outsider.GetAsync("/accueil");
        var outsiderToken = home.Document.QuerySelector("input[name=__jeton]")!.GetAttribute("value")!;
        var attempt = await outsider.PostAsync($"/factures/{id}?structure={parties.RecipientId}&handler=Traiter",
            [new("statut", "REJETEE"), new("motif", "x"), new("__jeton", outsiderToken)]);
        Assert.Equal(HttpStatusCode.NotFound, attempt.Status);
        Assert.Equal(InvoiceStatus.MiseADisposition, await Factory.QueryAsync(db => db.Invoices.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task Both_sides_download_the_deposited_document()
    {
        var (parties, id) = await AvailableAsync();
        using var response = await parties.Recipient.Http.GetAsync(new Uri($"/factures/{id}?structure={parties.RecipientId}&handler=Document", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("F-2026-100", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_received_list_filters_by_status_supplier_dates_and_amounts()
    {
        var (parties, id) = await AvailableAsync("F-A");
        await parties.DepositAsync("b.xml", SampleInvoices.Ubl("F-B", InvoiceParties.SupplierSiret, InvoiceParties.RecipientSiret));
        await parties.WaitForStatusAsync("F-B", InvoiceStatus.MiseADisposition);
        await ProcessAsync(parties, id, "REJETEE", "Doublon");

        async Task<List<string>> Numbers(string query) =>
            (await parties.Recipient.GetAsync($"/espaces/factures-recues?structure={parties.RecipientId}&{query}"))
                .Document.QuerySelectorAll("tbody tr td:first-child").Select(c => c.TextContent).ToList();

        Assert.Equal(["F-B", "F-A"], await Numbers(""));
        Assert.Equal(["F-A"], await Numbers("statut=REJETEE"));
        Assert.Equal(["F-B", "F-A"], await Numbers("tiers=atelier"));
        Assert.Empty(await Numbers("tiers=inconnu"));
        Assert.Equal(["F-B", "F-A"], await Numbers("du=2026-11-01&au=2026-11-30"));
        Assert.Empty(await Numbers("du=2026-12-01"));
        Assert.Equal(["F-B", "F-A"], await Numbers("min=359,99&max=360"));
        Assert.Empty(await Numbers("min=1000"));
        var bad = await parties.Recipient.GetAsync($"/espaces/factures-recues?structure={parties.RecipientId}&min=beaucoup");
        Assert.Contains("n'est pas un nombre", bad.FieldError("min"));
    }
}

public sealed class InvoiceProcessingOnSqliteTests() : InvoiceProcessingTests(TestDatabase.Sqlite);

public sealed class InvoiceProcessingOnPostgresTests() : InvoiceProcessingTests(TestDatabase.Postgres);
