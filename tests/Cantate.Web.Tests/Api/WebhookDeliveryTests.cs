using System.Globalization;
using System.Text.Json;
using Cantate.Testing;
using Cantate.Web.Modules.Api;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Tests.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Api;

/// <summary>Signed notifications to a real HTTP receiver on loopback, as the supplier and the recipient subscribed them.</summary>
public abstract class WebhookDeliveryTests(TestDatabase database) : PortalTest(database)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Cantate:Webhooks:AllowInsecureUrls"] = "true" };

    private static void AssertRfc3339(JsonElement value) =>
        Assert.True(DateTimeOffset.TryParseExact(value.GetString(), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            $"not RFC 3339: {value}");

    [Fact]
    public async Task A_rejection_reaches_the_supplier_and_the_recipient_signed_with_the_fields_and_types_documented()
    {
        using var receiver = WebhookReceiver.Started();
        var parties = await InvoiceParties.CreateAsync(Factory);
        var supplierSecret = await RaccordementJourney.SubscribeAsync(parties.Supplier, parties.SupplierId, receiver.UrlFor("fournisseur"), WebhookEvents.InvoiceStatusChanged);
        var recipientSecret = await RaccordementJourney.SubscribeAsync(parties.Recipient, parties.RecipientId, receiver.UrlFor("destinataire"), WebhookEvents.InvoiceStatusChanged);
        await parties.DepositAsync("f.xml", SampleInvoices.Ubl("F-2026-700", InvoiceParties.SupplierSiret, InvoiceParties.RecipientSiret));
        await parties.WaitForStatusAsync("F-2026-700", InvoiceStatus.MiseADisposition);
        var id = await parties.IdOfAsync("F-2026-700");
        var detail = await parties.Recipient.GetAsync($"/factures/{id}?structure={parties.RecipientId}");
        await parties.Recipient.SubmitAsync(detail, PortalClient.Fields(("statut", "REJETEE"), ("motif", "Prix unitaire différent du bon de commande")),
            formSelector: "form[action*='handler=Traiter']");

        var rejected = await receiver.WaitForAsync(r => r.Path == "/fournisseur" && r.Data.GetProperty("statut").GetString() == "REJETEE");
        Assert.True(rejected.IsSignedWith(supplierSecret));
        Assert.False(rejected.IsSignedWith(recipientSecret));
        Assert.Equal("facture.statut", rejected.Event);
        Assert.StartsWith("application/json", rejected.ContentType, StringComparison.Ordinal);
        var body = rejected.Json;
        Assert.Equal(rejected.Delivery, body.GetProperty("id").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("id").GetString(), out _));
        Assert.Equal("facture.statut", body.GetProperty("type").GetString());
        AssertRfc3339(body.GetProperty("date"));
        var (supplierCppId, invoiceCppId) = await Factory.QueryAsync(async db => (
            await db.Structures.Where(s => s.Id == parties.SupplierId).Select(s => s.CppId).SingleAsync(),
            await db.Invoices.Where(i => i.Id == id).Select(i => i.CppId).SingleAsync()));
        Assert.Equal(JsonValueKind.Number, body.GetProperty("structure").GetProperty("idStructureCPP").ValueKind);
        Assert.Equal(supplierCppId, body.GetProperty("structure").GetProperty("idStructureCPP").GetInt32());
        Assert.Equal(InvoiceParties.SupplierSiret, body.GetProperty("structure").GetProperty("siret").GetString());
        var data = rejected.Data;
        Assert.Equal(JsonValueKind.Number, data.GetProperty("idFacture").ValueKind);
        Assert.Equal(invoiceCppId, data.GetProperty("idFacture").GetInt32());
        Assert.Equal("F-2026-700", data.GetProperty("numeroFacture").GetString());
        Assert.Equal("MISE_A_DISPOSITION", data.GetProperty("statutPrecedent").GetString());
        Assert.Equal("Prix unitaire différent du bon de commande", data.GetProperty("motif").GetString());
        AssertRfc3339(data.GetProperty("dateHeure"));

        // The recipient hears of the invoice once it is made available, never of its way there.
        await receiver.WaitForAsync(r => r.Path == "/destinataire" && r.Data.GetProperty("statut").GetString() == "REJETEE");
        Assert.True(receiver.Received.Where(r => r.Path == "/destinataire").All(r => r.IsSignedWith(recipientSecret)));
        await receiver.WaitForAsync(r => r.Path == "/fournisseur", count: 3);
        await receiver.WaitForAsync(r => r.Path == "/destinataire", count: 2);
        Assert.Equal(["EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION", "REJETEE"], StatusesAt(receiver, "/fournisseur"));
        Assert.Equal(["MISE_A_DISPOSITION", "REJETEE"], StatusesAt(receiver, "/destinataire"));
        Assert.Equal(InvoiceParties.RecipientSiret, receiver.Received.First(r => r.Path == "/destinataire").Json.GetProperty("structure").GetProperty("siret").GetString());

        var screen = await parties.Supplier.GetAsync(RaccordementJourney.PageOf(parties.SupplierId));
        var row = screen.Document.GetElementById($"livraison-{rejected.Delivery}")!;
        Assert.Contains("Livrée", row.QuerySelector(".etat")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("HTTP 200", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("bien reçu", row.QuerySelector(".reponse")!.TextContent, StringComparison.Ordinal);
    }

    // Deliveries may arrive in any order; statutPrecedent and dateHeure let receivers put them back in order.
    private static List<string?> StatusesAt(WebhookReceiver receiver, string path) =>
        [.. receiver.Received.Where(r => r.Path == path).Select(r => r.Data.GetProperty("statut").GetString())
            .OrderBy(s => Array.IndexOf<string?>(["EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION", "REJETEE"], s))];

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_the_same_delivery_again_after_one_then_five_minutes_of_the_clock()
    {
        using var receiver = WebhookReceiver.Started();
        receiver.AnswerNext(500, 500);
        var parties = await InvoiceParties.CreateAsync(Factory);
        // A host name this time: it is resolved and checked at each connection, and every allowed address is tried.
        var url = receiver.UrlFor("flux").Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var secret = await RaccordementJourney.SubscribeAsync(parties.Supplier, parties.SupplierId, url, WebhookEvents.FlowProcessed);
        await parties.DepositAsync("f.xml", SampleInvoices.Ubl("F-2026-701", InvoiceParties.SupplierSiret, InvoiceParties.RecipientSiret));

        var first = await receiver.WaitForAsync(_ => true);
        var delivery = await WaitForAttemptsAsync(1);
        Assert.Equal(500, delivery.LastStatusCode);
        Assert.Equal(WebhookDeliveryStatus.EnAttente, delivery.Status);
        Assert.Equal(TimeSpan.FromMinutes(1), delivery.NextAttemptAt!.Value - delivery.LastAttemptAt!.Value);
        // Nothing is sent again before its time, however long one waits in real time.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Single(receiver.Received);

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await receiver.WaitForAsync(_ => true, count: 2);
        delivery = await WaitForAttemptsAsync(2);
        Assert.Equal(TimeSpan.FromMinutes(5), delivery.NextAttemptAt!.Value - delivery.LastAttemptAt!.Value);
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var third = await receiver.WaitForAsync(_ => true, count: 3);
        delivery = await WaitForAttemptsAsync(3);
        Assert.Equal(WebhookDeliveryStatus.Livree, delivery.Status);
        Assert.Equal(200, delivery.LastStatusCode);
        Assert.NotNull(delivery.DeliveredAt);

        Assert.All(receiver.Received, r => Assert.Equal(first.Delivery, r.Delivery));
        Assert.All(receiver.Received, r => Assert.Equal(first.Body, r.Body));
        Assert.All(receiver.Received, r => Assert.True(r.IsSignedWith(secret)));
        Assert.NotEqual(first.Signature, third.Signature);
        var data = third.Data;
        Assert.Equal("flux.traite", third.Event);
        Assert.StartsWith("FLX", data.GetProperty("numeroFluxDepot").GetString(), StringComparison.Ordinal);
        Assert.Equal("IN_INTEGRE", data.GetProperty("etatCourantDepotFlux").GetString());
        Assert.Equal(1, data.GetProperty("nombreFactures").GetInt32());
        Assert.Equal(1, data.GetProperty("nombreFacturesIntegrees").GetInt32());
        var report = Assert.Single(data.GetProperty("rapport").EnumerateArray());
        Assert.Equal("F-2026-701", report.GetProperty("numeroDP").GetString());
        Assert.Equal(JsonValueKind.Number, report.GetProperty("idFacture").ValueKind);
        Assert.Empty(report.GetProperty("erreurs").EnumerateArray());
    }

    [Fact]
    public async Task A_receiver_that_never_answers_2xx_is_abandoned_24_hours_after_the_event_and_can_be_sent_again_by_hand()
    {
        using var receiver = WebhookReceiver.Started();
        receiver.DefaultStatus = 503;
        receiver.AnswerBody = new string('x', 2500);
        var parties = await InvoiceParties.CreateAsync(Factory);
        await RaccordementJourney.SubscribeAsync(parties.Supplier, parties.SupplierId, receiver.UrlFor("flux"), WebhookEvents.FlowProcessed);
        await parties.DepositAsync("f.xml", SampleInvoices.Ubl("F-2026-702", InvoiceParties.SupplierSiret, InvoiceParties.RecipientSiret));

        var delivery = await WaitForAttemptsAsync(1);
        while (delivery.Status == WebhookDeliveryStatus.EnAttente)
        {
            Factory.Clock.Advance(delivery.NextAttemptAt!.Value - Factory.Clock.GetUtcNow().UtcDateTime);
            delivery = await WaitForAttemptsAsync(delivery.Attempts + 1);
        }
        Assert.Equal(WebhookDeliveryStatus.Abandonnee, delivery.Status);
        // 0, +1 min, +5 min, +30 min, +2 h, +6 h, +12 h, then the last try at 24 h.
        Assert.Equal(8, delivery.Attempts);
        Assert.Equal(TimeSpan.FromHours(24), delivery.LastAttemptAt!.Value - delivery.CreatedAt);
        Assert.Equal(503, delivery.LastStatusCode);
        Assert.Equal(2000, delivery.LastResponse!.Length);
        Assert.Equal(8, receiver.Received.Count);
        Factory.Clock.Advance(TimeSpan.FromDays(2));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(8, receiver.Received.Count);

        receiver.DefaultStatus = 204;
        await AccountJourney.SignInAsync(parties.Supplier, parties.SupplierEmail); // the session ended with the day that passed
        var screen = await parties.Supplier.GetAsync(RaccordementJourney.PageOf(parties.SupplierId));
        Assert.Contains("Abandonnée", screen.Document.GetElementById($"livraison-{delivery.Id}")!.TextContent, StringComparison.Ordinal);
        var resent = await RaccordementJourney.ActAsync(parties.Supplier, parties.SupplierId, "Renvoyer", delivery.Id);
        Assert.Contains("La notification est renvoyée", resent.Text, StringComparison.Ordinal);
        delivery = await WaitForAttemptsAsync(9);
        Assert.Equal(WebhookDeliveryStatus.Livree, delivery.Status);
        Assert.Equal(204, delivery.LastStatusCode);
        Assert.Equal(delivery.Id.ToString(), receiver.Received[^1].Delivery);
    }

    private async Task<WebhookDelivery> WaitForAttemptsAsync(int attempts)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var delivery = await Factory.QueryAsync(db => db.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync());
            if (delivery is not null && delivery.Attempts >= attempts) return delivery;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The delivery has {delivery?.Attempts.ToString(CultureInfo.InvariantCulture) ?? "no"} attempt(s), expected {attempts}.");
            await Task.Delay(50);
        }
    }
}

public sealed class WebhookDeliveryOnSqliteTests() : WebhookDeliveryTests(TestDatabase.Sqlite);

public sealed class WebhookDeliveryOnPostgresTests() : WebhookDeliveryTests(TestDatabase.Postgres);
