using System.Net;
using Cantate.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Api;

/// <summary>The "Raccordement EDI et API" screen: credentials made in one step that work against the API at once.</summary>
public abstract class RaccordementTests(TestDatabase database) : PortalTest(database)
{
    private const string SupplierSiret = "84321765400014";
    private const string HealthCheck = "/cpro/transverses/v1/health-check";

    private async Task<Guid> OnboardAsync(string siret = SupplierSiret)
    {
        await AccountJourney.OnboardAsync(Factory, Client, NewEmail("gestionnaire"), siret);
        return await RaccordementJourney.StructureIdAsync(Factory, siret);
    }

    private async Task<HttpStatusCode> HealthCheckAsync(string clientId, string secret, string cproAccount)
    {
        using var http = Factory.CreateClient();
        using var api = new CproClient(http, await CproClient.TokenAsync(http, clientId, secret), cproAccount);
        var response = await api.GetAsync(HealthCheck);
        if (response.Status == HttpStatusCode.OK) response.EnsureOk();
        return response.Status;
    }

    private async Task<HttpStatusCode> TokenStatusAsync(string clientId, string secret)
    {
        using var http = Factory.CreateClient();
        using var response = await http.PostAsync(new Uri("/api/oauth/token", UriKind.Relative), new FormUrlEncodedContent(
            [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret)]));
        return response.StatusCode;
    }

    [Fact]
    public async Task The_gestionnaire_finds_the_screen_from_the_home_page_without_having_opened_the_workspace()
    {
        var structureId = await OnboardAsync();
        var home = await Client.GetAsync("/accueil");
        var link = home.Document.QuerySelector("a.lien-raccordement")?.GetAttribute("href");
        Assert.Equal(RaccordementJourney.PageOf(structureId), link);
        var screen = await Client.GetAsync(link!);
        Assert.Equal(HttpStatusCode.OK, screen.Status);
        Assert.NotNull(screen.Document.QuerySelector("form#creer"));
    }

    [Fact]
    public async Task The_gestionnaire_creates_an_application_and_a_technical_account_in_one_step_that_work_against_the_api()
    {
        var structureId = await OnboardAsync();
        var created = await RaccordementJourney.CreateAsync(Client, structureId, "ERP comptabilité");

        using (var raw = await Client.Http.GetAsync(new Uri(RaccordementJourney.PageOf(structureId), UriKind.Relative)))
        {
            Assert.True(raw.Headers.CacheControl?.NoStore);
        }
        Assert.StartsWith("cantate-", created.ClientId, StringComparison.Ordinal);
        Assert.StartsWith($"TECH_{SupplierSiret}_", created.Login, StringComparison.Ordinal);
        Assert.Equal(ApiCredentialsHeader(created.Login, created.Password), created.CproAccount);
        var curl = created.Page.Document.GetElementById("exemple-curl")!.TextContent;
        Assert.Contains("http://localhost/api/oauth/token", curl, StringComparison.Ordinal);
        Assert.Contains(created.Secret, curl, StringComparison.Ordinal);
        Assert.Contains($"cpro-account: {created.CproAccount}", curl, StringComparison.Ordinal);
        Assert.Contains("ne seront plus jamais affichées", created.Page.Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, await HealthCheckAsync(created.ClientId, created.Secret, created.CproAccount));

        // Shown once: the screen lists both, with dates, and never shows the secrets again.
        var again = await Client.GetAsync(RaccordementJourney.PageOf(structureId));
        Assert.DoesNotContain(created.Secret, again.Document.Body!.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Password, again.Document.Body!.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("ERP comptabilité", again.Document.QuerySelector("table.applications")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(created.ClientId, again.Document.QuerySelector("table.applications")!.TextContent, StringComparison.Ordinal);
        var expires = DateTime.SpecifyKind(Factory.Clock.GetUtcNow().UtcDateTime.AddDays(365), DateTimeKind.Utc);
        Assert.Contains(TimeZoneInfo.ConvertTimeFromUtc(expires, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            again.Document.QuerySelector("table.comptes")!.TextContent, StringComparison.Ordinal);
        var owned = await Factory.QueryAsync(db => db.ApiClients.SingleAsync(c => c.ClientId == created.ClientId));
        Assert.Equal(structureId, owned.StructureId);
    }

    [Fact]
    public async Task Renewing_the_password_makes_the_old_one_fail_with_403_and_the_new_one_work_and_the_same_for_the_secret()
    {
        var structureId = await OnboardAsync();
        var created = await RaccordementJourney.CreateAsync(Client, structureId);
        var accountId = await Factory.QueryAsync(db => db.TechnicalAccounts.Where(a => a.Login == created.Login).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, await HealthCheckAsync(created.ClientId, created.Secret, created.CproAccount));

        var renewed = await RaccordementJourney.ActAsync(Client, structureId, "MotDePasse", accountId);
        Assert.Contains("Le mot de passe est renouvelé", renewed.Text, StringComparison.Ordinal);
        var password = RaccordementJourney.Value(renewed, "mot-de-passe");
        Assert.NotEqual(created.Password, password);
        Assert.Equal(ApiCredentialsHeader(created.Login, password), RaccordementJourney.Value(renewed, "cpro-account"));
        Assert.Equal(HttpStatusCode.Forbidden, await HealthCheckAsync(created.ClientId, created.Secret, created.CproAccount));
        Assert.Equal(HttpStatusCode.OK, await HealthCheckAsync(created.ClientId, created.Secret, RaccordementJourney.Value(renewed, "cpro-account")));

        var clientId = await Factory.QueryAsync(db => db.ApiClients.Where(c => c.ClientId == created.ClientId).Select(c => c.Id).SingleAsync());
        var secret = RaccordementJourney.Value(await RaccordementJourney.ActAsync(Client, structureId, "Secret", clientId), "client-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(created.ClientId, created.Secret));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(created.ClientId, secret));
    }

    [Fact]
    public async Task Revoking_asks_for_confirmation_then_the_credentials_stop_working()
    {
        var structureId = await OnboardAsync();
        var created = await RaccordementJourney.CreateAsync(Client, structureId);
        var (clientId, accountId) = await Factory.QueryAsync(async db => (
            await db.ApiClients.Where(c => c.ClientId == created.ClientId).Select(c => c.Id).SingleAsync(),
            await db.TechnicalAccounts.Where(a => a.Login == created.Login).Select(a => a.Id).SingleAsync()));

        var asked = await RaccordementJourney.ActAsync(Client, structureId, "RevoquerCompte", accountId);
        Assert.Contains($"Révoquer le compte technique {created.Login} ?", asked.Document.GetElementById("titre-confirmation")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await HealthCheckAsync(created.ClientId, created.Secret, created.CproAccount));
        var revoked = await Client.SubmitAsync(asked, formSelector: "form#confirmation");
        Assert.Contains("est révoqué", revoked.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, await HealthCheckAsync(created.ClientId, created.Secret, created.CproAccount));
        Assert.Null(revoked.Document.QuerySelector($"input[name='Cible'][value='{accountId}']"));

        var askedApp = await RaccordementJourney.ActAsync(Client, structureId, "RevoquerApplication", clientId);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(created.ClientId, created.Secret));
        await Client.SubmitAsync(askedApp, formSelector: "form#confirmation");
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(created.ClientId, created.Secret));
    }

    [Fact]
    public async Task The_application_name_is_required_and_the_form_says_so_in_french()
    {
        var structureId = await OnboardAsync();
        var page = await Client.SubmitAsync(await Client.GetAsync(RaccordementJourney.PageOf(structureId)), PortalClient.Fields(("NomApplication", "  ")), formSelector: "form#creer");
        Assert.Contains("Le nom de l'application doit compter de 1 à 100 caractères", page.FieldError("NomApplication"), StringComparison.Ordinal);
        Assert.Equal(0, await Factory.QueryAsync(db => db.ApiClients.CountAsync()));
        Assert.Equal(0, await Factory.QueryAsync(db => db.TechnicalAccounts.CountAsync()));
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_field_is_refused()
    {
        var structureId = await OnboardAsync();
        var page = await Client.PostAsync(RaccordementJourney.PageOf(structureId) + "&handler=Creer", [new("NomApplication", "Pirate")]);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(0, await Factory.QueryAsync(db => db.ApiClients.CountAsync()));
    }

    private static string ApiCredentialsHeader(string login, string password) =>
        Cantate.Web.Modules.Api.Features.ApiCredentials.CproAccountHeader(login, password);
}

public sealed class RaccordementOnSqliteTests() : RaccordementTests(TestDatabase.Sqlite);

public sealed class RaccordementOnPostgresTests() : RaccordementTests(TestDatabase.Postgres);
