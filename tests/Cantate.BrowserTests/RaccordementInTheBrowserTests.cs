using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cantate.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cantate.BrowserTests;

/// <summary>
/// A gestionnaire connects software in the "Raccordement EDI et API" workspace, in Chromium: one form gives the
/// application and the technical account, whose secrets work at once against the API; renewing and revoking follow.
/// </summary>
public sealed class RaccordementInTheBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Siret = "84321765400014";

    /// <summary>A gestionnaire who opened the workspace, made through the portal's forms over HTTP, then signed in in the browser.</summary>
    private async Task<IPage> SignedInGestionnaireAsync()
    {
        var email = $"integration.{Guid.NewGuid():N}@exemple.fr";
        using (var portal = new PortalClient(new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = fixture.BaseAddress }))
        {
            await AccountJourney.CreateAsync(portal, email, Siret, workspaces: PortalClient.Fields(("Chosen", "FacturesEmises"), ("Chosen", "RaccordementEdiApi")));
            var mail = await fixture.Mailbox.WaitForAsync(email, "Activez votre compte");
            var activation = await portal.GetAsync(Smtp4devMailbox.LinkIn(mail, "/compte/activer").PathAndQuery);
            await portal.SubmitAsync(activation, PortalClient.Fields(("Password", AccountJourney.Password), ("PasswordConfirmation", AccountJourney.Password),
                ("SecretQuestion", AccountJourney.SecretQuestion), ("SecretAnswer", AccountJourney.SecretAnswer)));
        }
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique de connexion").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(AccountJourney.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        return page;
    }

    private async Task<HttpStatusCode> HealthCheckAsync(string clientId, string secret, string cproAccount)
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var token = await http.PostAsync(new Uri("/api/oauth/token", UriKind.Relative), new FormUrlEncodedContent(
            [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret), new("scope", "openid")]));
        if (token.StatusCode != HttpStatusCode.OK) return token.StatusCode;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cpro/transverses/v1/health-check");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString());
        request.Headers.Add("cpro-account", cproAccount);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_gestionnaire_connects_software_in_one_form_then_renews_and_revokes_its_credentials()
    {
        var page = await SignedInGestionnaireAsync();
        var blocked = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) blocked.Add(message.Text); };

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Espaces de travail" }).GetByRole(AriaRole.Link, new() { Name = "Raccordement EDI et API" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Raccordement EDI et API");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l'application et le compte technique" }).ClickAsync();
        await Expect(page.Locator("#NomApplication-erreur")).ToContainTextAsync("Le nom de l'application");
        await page.GetByLabel("Nom de l'application").FillAsync("ERP comptabilité");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l'application et le compte technique" }).ClickAsync();

        var secrets = page.Locator("section.secrets");
        await Expect(secrets).ToContainTextAsync("ne seront plus jamais affichées");
        var clientId = await page.GetByLabel("client_id").InputValueAsync();
        var secret = await page.GetByLabel("client_secret").InputValueAsync();
        var header = await page.GetByLabel("Valeur de l'en-tête cpro-account").InputValueAsync();
        await Expect(page.Locator("#exemple-curl")).ToContainTextAsync($"{fixture.BaseAddress.ToString().TrimEnd('/')}/api/oauth/token");
        Assert.Equal(HttpStatusCode.OK, await HealthCheckAsync(clientId, secret, header));

        var login = await page.GetByLabel("Identifiant du compte technique").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Renouveler le mot de passe de {login}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le mot de passe est renouvelé");
        var renewed = await page.GetByLabel("Valeur de l'en-tête cpro-account").InputValueAsync();
        Assert.Equal(HttpStatusCode.Forbidden, await HealthCheckAsync(clientId, secret, header));
        Assert.Equal(HttpStatusCode.OK, await HealthCheckAsync(clientId, secret, renewed));

        await page.GetByRole(AriaRole.Button, new() { Name = $"Révoquer le compte technique {login}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Révoquer le compte technique {login} ?" })).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.OK, await HealthCheckAsync(clientId, secret, renewed));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer la révocation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("est révoqué");
        await Expect(page.Locator("table.comptes")).ToContainTextAsync("Révoqué le");
        Assert.Equal(HttpStatusCode.Forbidden, await HealthCheckAsync(clientId, secret, renewed));
        Assert.Empty(blocked);
    }
}
