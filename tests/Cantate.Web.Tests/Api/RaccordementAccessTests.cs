using System.Net;
using AngleSharp.Html.Dom;
using Cantate.Testing;
using Cantate.Web.Modules.Api;
using Cantate.Web.Modules.Structures;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Api;

/// <summary>Only the structure's gestionnaires reach its screen, on every GET and POST; webhook URLs cannot reach inside.</summary>
public abstract class RaccordementAccessTests(TestDatabase database) : PortalTest(database)
{
    private const string SupplierSiret = "84321765400014";
    private const string OtherSiret = "13002526500013";
    // A public address written as such: no DNS needed, and nothing is ever sent to it by these tests.
    private const string PublicUrl = "https://93.184.215.14/cantate/notifications";

    [Fact]
    public async Task Another_structures_gestionnaire_gets_404_on_every_get_and_post_and_changes_nothing()
    {
        await AccountJourney.OnboardAsync(Factory, Client, NewEmail("a"), SupplierSiret);
        var mine = await RaccordementJourney.StructureIdAsync(Factory, SupplierSiret);
        var created = await RaccordementJourney.CreateAsync(Client, mine);
        await RaccordementJourney.SubscribeAsync(Client, mine, PublicUrl, WebhookEvents.FlowProcessed);
        var (clientId, accountId, subscriptionId) = await Factory.QueryAsync(async db => (
            await db.ApiClients.Select(c => c.Id).SingleAsync(), await db.TechnicalAccounts.Select(a => a.Id).SingleAsync(),
            await db.WebhookSubscriptions.Select(s => s.Id).SingleAsync()));
        var deliveryId = Guid.NewGuid();
        await Factory.QueryAsync(db =>
        {
            db.WebhookDeliveries.Add(new WebhookDelivery { Id = deliveryId, SubscriptionId = subscriptionId, EventType = WebhookEvents.FlowProcessed, Payload = "{}",
                Status = WebhookDeliveryStatus.Abandonnee, CreatedAt = Factory.Clock.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });
        var before = await SnapshotAsync();

        using var intruder = Factory.CreatePortalClient();
        await AccountJourney.OnboardAsync(Factory, intruder, NewEmail("b"), OtherSiret);
        var theirs = await RaccordementJourney.StructureIdAsync(Factory, OtherSiret);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(RaccordementJourney.PageOf(mine))).Status);
        Assert.Equal(HttpStatusCode.OK, (await intruder.GetAsync(RaccordementJourney.PageOf(theirs))).Status);

        // With a valid anti-forgery field of their own, on the other structure's address and on their own with its ids.
        var token = ((IHtmlInputElement)(await intruder.GetAsync(RaccordementJourney.PageOf(theirs))).Document.QuerySelector("form#creer input[name='__jeton']")!).Value;
        var attempts = new (string Handler, Guid Target)[]
        {
            ("Secret", clientId), ("MotDePasse", accountId), ("RevoquerApplication", clientId), ("RevoquerCompte", accountId),
            ("Desactiver", subscriptionId), ("Reactiver", subscriptionId), ("Renvoyer", deliveryId),
        };
        foreach (var structure in new[] { mine, theirs })
        {
            foreach (var (handler, target) in attempts)
            {
                var page = await intruder.PostAsync($"{RaccordementJourney.PageOf(structure)}&handler={handler}",
                    [new("__jeton", token), new("Cible", target.ToString()), new("Confirme", "true")]);
                Assert.True(page.Status == HttpStatusCode.NotFound, $"{handler} on {(structure == mine ? "their" : "own")} address answered {(int)page.Status}");
            }
        }
        foreach (var handler in new[] { "Creer", "Abonner" })
        {
            var page = await intruder.PostAsync($"{RaccordementJourney.PageOf(mine)}&handler={handler}",
                [new("__jeton", token), new("NomApplication", "Intrus"), new("Adresse", PublicUrl + "/intrus"), new("Evenements", WebhookEvents.InvoiceStatusChanged)]);
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
        }
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(HttpStatusCode.OK, await HealthStatusAsync(created));
    }

    [Fact]
    public async Task A_simple_user_of_the_structure_and_an_anonymous_visitor_do_not_reach_the_screen()
    {
        await AccountJourney.OnboardAsync(Factory, Client, NewEmail(), SupplierSiret);
        var mine = await RaccordementJourney.StructureIdAsync(Factory, SupplierSiret);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(RaccordementJourney.PageOf(mine))).Status);
        await Factory.QueryAsync(async db =>
        {
            (await db.Memberships.SingleAsync()).Role = StructureRole.UtilisateurSimple;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(RaccordementJourney.PageOf(mine))).Status);

        using var anonymous = Factory.CreatePortalClient();
        var page = await anonymous.GetAsync(RaccordementJourney.PageOf(mine));
        Assert.Equal("/connexion", page.Url.AbsolutePath);
    }

    [Theory]
    [InlineData("http://93.184.215.14/hook", "passent par https")]
    [InlineData("https://127.0.0.1:8443/hook", "locale ou privée")]
    [InlineData("https://10.20.30.40/hook", "locale ou privée")]
    [InlineData("https://169.254.169.254/latest/meta-data", "locale ou privée")]
    [InlineData("https://[::1]/hook", "locale ou privée")]
    [InlineData("https://localhost/hook", "locale ou privée")]
    [InlineData("ftp://exemple.fr/hook", "commençant par https://")]
    [InlineData("https://utilisateur:secret@93.184.215.14/hook", "identifiant")]
    public async Task Without_insecure_urls_allowed_only_public_https_addresses_are_accepted(string url, string reason)
    {
        await AccountJourney.OnboardAsync(Factory, Client, NewEmail(), SupplierSiret);
        var mine = await RaccordementJourney.StructureIdAsync(Factory, SupplierSiret);
        var fields = PortalClient.Fields(("Adresse", url), ("Evenements", WebhookEvents.FlowProcessed));
        var page = await Client.SubmitAsync(await Client.GetAsync(RaccordementJourney.PageOf(mine)), fields, formSelector: "form#abonner");
        Assert.Contains(reason, page.FieldError("Adresse"), StringComparison.Ordinal);
        Assert.Equal(url, ((IHtmlInputElement)page.Document.GetElementById("Adresse")!).Value);
        Assert.Equal(0, await Factory.QueryAsync(db => db.WebhookSubscriptions.CountAsync()));
    }

    [Fact]
    public async Task A_subscription_needs_an_event_and_its_secret_is_shown_once_and_stored_protected()
    {
        await AccountJourney.OnboardAsync(Factory, Client, NewEmail(), SupplierSiret);
        var mine = await RaccordementJourney.StructureIdAsync(Factory, SupplierSiret);
        var none = await Client.SubmitAsync(await Client.GetAsync(RaccordementJourney.PageOf(mine)), PortalClient.Fields(("Adresse", PublicUrl)), formSelector: "form#abonner");
        Assert.Contains("Choisissez au moins un événement", none.FieldError("Evenements"), StringComparison.Ordinal);

        var secret = await RaccordementJourney.SubscribeAsync(Client, mine, PublicUrl, WebhookEvents.FlowProcessed, WebhookEvents.InvoiceStatusChanged);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var stored = await Factory.QueryAsync(db => db.WebhookSubscriptions.SingleAsync());
        Assert.Equal("flux.traite,facture.statut", stored.Events);
        Assert.DoesNotContain(secret, stored.ProtectedSecret, StringComparison.Ordinal);
        var again = await Client.GetAsync(RaccordementJourney.PageOf(mine));
        Assert.DoesNotContain(secret, again.Document.Body!.OuterHtml, StringComparison.Ordinal);
        Assert.Contains(PublicUrl, again.Document.QuerySelector("table.abonnements")!.TextContent, StringComparison.Ordinal);

        var twice = await Client.SubmitAsync(again, PortalClient.Fields(("Adresse", PublicUrl), ("Evenements", WebhookEvents.FlowProcessed)), formSelector: "form#abonner");
        Assert.Contains("déjà abonnée", twice.FieldError("Adresse"), StringComparison.Ordinal);
    }

    private Task<string> SnapshotAsync() => Factory.QueryAsync(async db => string.Join("|",
        (await db.ApiClients.AsNoTracking().OrderBy(c => c.Id).ToListAsync()).Select(c => $"{c.ClientId}:{c.SecretHash}:{c.RevokedAt}"))
        + string.Join("|", (await db.TechnicalAccounts.AsNoTracking().ToListAsync()).Select(a => $"{a.Login}:{a.PasswordHash}:{a.RevokedAt}"))
        + string.Join("|", (await db.WebhookSubscriptions.AsNoTracking().ToListAsync()).Select(s => $"{s.Url}:{s.IsActive}"))
        + string.Join("|", (await db.WebhookDeliveries.AsNoTracking().ToListAsync()).Select(d => $"{d.Id}:{d.Status}:{d.NextAttemptAt}"))
        + await db.OutboxMessages.CountAsync(m => m.Kind == "webhook-livraison"));

    private async Task<HttpStatusCode> HealthStatusAsync(RaccordementJourney.Credentials created)
    {
        using var http = Factory.CreateClient();
        using var api = new CproClient(http, await CproClient.TokenAsync(http, created.ClientId, created.Secret), created.CproAccount);
        return (await api.GetAsync("/cpro/transverses/v1/health-check")).Status;
    }
}

public sealed class RaccordementAccessOnSqliteTests() : RaccordementAccessTests(TestDatabase.Sqlite);

public sealed class RaccordementAccessOnPostgresTests() : RaccordementAccessTests(TestDatabase.Postgres);
