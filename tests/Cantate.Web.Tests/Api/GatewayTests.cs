using System.Net;
using System.Text;
using System.Text.Json;
using Cantate.Testing;
using Cantate.Web.Modules.Api.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Web.Tests.Api;

/// <summary>The OAuth token endpoint and the /cpro gateway, as the integrators' clients meet them.</summary>
public abstract class GatewayTests(TestDatabase database) : PortalTest(database)
{
    private const string SupplierSiret = "84321765400014";
    private const string HealthCheck = "/cpro/transverses/v1/health-check";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Cantate:Api:RequestsPerMinutePerClient"] = "1000" };

    private async Task<HttpResponseMessage> TokenRequestAsync(params (string Name, string Value)[] fields)
    {
        using var http = Factory.CreateClient();
        return await http.PostAsync(new Uri("/api/oauth/token", UriKind.Relative),
            new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Theory]
    [InlineData(true)]  // oca, pastell, php, fe send scope=openid
    [InlineData(false)] // go sends no scope
    public async Task A_client_gets_a_bearer_token_that_every_client_library_can_read(bool withScope)
    {
        var (clientId, secret, _, _) = await CproClient.CreateCredentialsAsync(Factory, SupplierSiret);
        var fields = new List<(string, string)> { ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret) };
        if (withScope) fields.Add(("scope", "openid"));
        using var response = await TokenRequestAsync([.. fields]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await JsonOf(response);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(JsonValueKind.Number, body.GetProperty("expires_in").ValueKind);
        // go reads expires_in as int16; pastell needs it > 0.
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 300, short.MaxValue);
        Assert.Equal("openid", body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Http_basic_client_authentication_is_accepted_too()
    {
        var (clientId, secret, _, _) = await CproClient.CreateCredentialsAsync(Factory, SupplierSiret);
        using var http = Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/oauth/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_requests_with_a_wrong_secret_or_grant_are_refused_in_oauth_terms()
    {
        var (clientId, secret, _, _) = await CproClient.CreateCredentialsAsync(Factory, SupplierSiret);

        using var wrongSecret = await TokenRequestAsync(("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret + "x"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        var body = await JsonOf(wrongSecret);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.Contains("client_secret", body.GetProperty("error_description").GetString());

        using var unknown = await TokenRequestAsync(("grant_type", "client_credentials"), ("client_id", "inconnu"), ("client_secret", secret));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);

        using var password = await TokenRequestAsync(("grant_type", "password"), ("client_id", clientId), ("client_secret", secret));
        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Equal("unsupported_grant_type", (await JsonOf(password)).GetProperty("error").GetString());

        using var http = Factory.CreateClient();
        using var json = await http.PostAsync(new Uri("/api/oauth/token", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("invalid_request", (await JsonOf(json)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Only_hashes_of_secrets_tokens_and_passwords_are_stored()
    {
        var (clientId, secret, login, password) = await CproClient.CreateCredentialsAsync(Factory, SupplierSiret);
        using var http = Factory.CreateClient();
        var token = await CproClient.TokenAsync(http, clientId, secret);
        var stored = await Factory.QueryAsync(async db => string.Join("|",
            (await db.ApiClients.Select(c => c.SecretHash).ToListAsync())
            .Concat(await db.ApiAccessTokens.Select(t => t.TokenHash).ToListAsync())
            .Concat(await db.TechnicalAccounts.Where(a => a.Login == login).Select(a => a.PasswordHash).ToListAsync())));
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(password, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_answers_json_with_chorus_pro_content_type_and_return_code()
    {
        using var api = await CproClient.ConnectAsync(Factory, SupplierSiret);
        var response = await api.GetAsync(HealthCheck);
        response.EnsureOk();
        Assert.Equal("application/json;charset=UTF-8", response.Raw.Content.Headers.ContentType?.ToString().Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Number, response["codeRetour"].ValueKind);
        Assert.Equal(200, response["statusCodeValue"].GetInt32());
    }

    [Fact]
    public async Task Without_a_bearer_token_or_with_an_unknown_one_a_call_is_refused_with_401()
    {
        using var api = await CproClient.ConnectAsync(Factory, SupplierSiret);

        var none = await api.SendAsync(HttpMethod.Get, HealthCheck, null, "application/json", token: null, account: api.Account);
        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
        Assert.Equal(10001, none.CodeRetour);
        Assert.Contains("/api/oauth/token", none.Libelle);
        Assert.NotEmpty(none.Raw.Headers.WwwAuthenticate);

        var unknown = await api.SendAsync(HttpMethod.Get, HealthCheck, null, "application/json", token: "inconnu", account: api.Account);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal(10002, unknown.CodeRetour);
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime()
    {
        using var api = await CproClient.ConnectAsync(Factory, SupplierSiret);
        (await api.GetAsync(HealthCheck)).EnsureOk();
        Factory.Clock.Advance(TimeSpan.FromSeconds(3601));
        var expired = await api.GetAsync(HealthCheck);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal(10002, expired.CodeRetour);
    }

    [Theory]
    [InlineData(null, 10003)]
    [InlineData("pas du base64 !", 10004)]
    [InlineData("c2FucyBkZXV4IHBvaW50cw==", 10004)] // "sans deux points"
    public async Task A_missing_or_malformed_cpro_account_is_refused_with_403(string? account, int code)
    {
        using var api = await CproClient.ConnectAsync(Factory, SupplierSiret);
        var response = await api.SendAsync(HttpMethod.Get, HealthCheck, null, "application/json", api.Token, account);
        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal(code, response.CodeRetour);
        Assert.Contains("cpro-account", response.Libelle);
    }

    [Fact]
    public async Task A_wrong_password_or_a_revoked_account_is_refused()
    {
        using var api = await CproClient.ConnectAsync(Factory, SupplierSiret);
        var wrong = await api.SendAsync(HttpMethod.Get, HealthCheck, null, "application/json", api.Token,
            ApiCredentials.CproAccountHeader(api.Login, "mauvais-mot-de-passe"));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.Status);
        Assert.Equal(10004, wrong.CodeRetour);

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Persistence.CantateDbContext>();
            var account = await db.TechnicalAccounts.SingleAsync(a => a.Login == api.Login);
            await scope.ServiceProvider.GetRequiredService<ApiCredentials>().RevokeTechnicalAccountAsync(account, CancellationToken.None);
        }
        var revoked = await api.GetAsync(HealthCheck);
        Assert.Equal(HttpStatusCode.Forbidden, revoked.Status);
        Assert.Equal(10004, revoked.CodeRetour);
    }

    [Fact]
    public async Task An_expired_technical_password_is_refused_and_says_how_to_renew_it()
    {
        using var api = await CproClient.ConnectAsync(Factory, SupplierSiret);
        (await api.GetAsync(HealthCheck)).EnsureOk();
        Factory.Clock.Advance(TimeSpan.FromDays(366));
        using var http = Factory.CreateClient();
        var (clientId, secret, _, _) = await CproClient.CreateCredentialsAsync(Factory, "13002526500013");
        var fresh = new CproClient(http, await CproClient.TokenAsync(http, clientId, secret), api.Account);
        var response = await fresh.GetAsync(HealthCheck);
        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal(10005, response.CodeRetour);
        Assert.Contains("Raccordement EDI et API", response.Libelle);
    }

    [Fact]
    public async Task One_token_serves_several_technical_accounts_and_several_tokens_of_one_client_are_valid_at_once()
    {
        var (clientId, secret, login, password) = await CproClient.CreateCredentialsAsync(Factory, SupplierSiret);
        var (_, _, otherLogin, otherPassword) = await CproClient.CreateCredentialsAsync(Factory, "13002526500013");
        using var http = Factory.CreateClient();
        var first = await CproClient.TokenAsync(http, clientId, secret);
        var second = await CproClient.TokenAsync(http, clientId, secret, withScope: false);
        Assert.NotEqual(first, second);
        foreach (var token in new[] { first, second })
        {
            foreach (var account in new[] { ApiCredentials.CproAccountHeader(login, password), ApiCredentials.CproAccountHeader(otherLogin, otherPassword) })
            {
                (await new CproClient(http, token, account).GetAsync(HealthCheck)).EnsureOk();
            }
        }
    }

    [Theory]
    [InlineData("null")] // go
    [InlineData("[]")]   // php (Guzzle json: [])
    [InlineData("")]
    public async Task The_health_check_answers_whatever_empty_body_the_client_sends(string body)
    {
        using var api = await CproClient.ConnectAsync(Factory, SupplierSiret);
        var response = await api.GetAsync(HealthCheck, body);
        response.EnsureOk();
        Assert.Equal(JsonValueKind.Object, response.Body.ValueKind);
    }

    [Theory]
    [InlineData("{\"numeroFluxDepot\": ")]
    [InlineData("{'a': 1}")]
    [InlineData("\"une chaîne\"")]
    public async Task Malformed_json_is_refused_with_400_and_says_what_is_wrong(string body)
    {
        using var api = await CproClient.ConnectAsync(Factory, SupplierSiret);
        var response = await api.PostAsync("/cpro/transverses/v1/recuperer/devises", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(20101, response.CodeRetour);
        Assert.Contains("JSON", response.Libelle);
    }

    [Fact]
    public async Task An_unknown_operation_answers_404_in_the_api_terms()
    {
        using var api = await CproClient.ConnectAsync(Factory, SupplierSiret);
        var response = await api.PostAsync("/cpro/factures/v1/inexistante", "{}");
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal(10007, response.CodeRetour);
        Assert.Contains("/cpro/factures/v1/inexistante", response.Libelle);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413_before_it_is_read()
    {
        using var api = await CproClient.ConnectAsync(Factory, SupplierSiret);
        var response = await api.PostAsync("/cpro/structures/v1/rechercher", "{\"x\":\"" + new string('a', 5 * 1024 * 1024) + "\"}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal(20003, response.CodeRetour);
    }
}

public sealed class GatewayTestsOnSqlite() : GatewayTests(TestDatabase.Sqlite);

public sealed class GatewayTestsOnPostgres() : GatewayTests(TestDatabase.Postgres);

/// <summary>The per-client quota, with a small limit.</summary>
public sealed class GatewayQuotaTests() : PortalTest(TestDatabase.Sqlite)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Cantate:Api:RequestsPerMinutePerClient"] = "3" };

    [Fact]
    public async Task A_client_over_its_quota_gets_429_with_retry_after()
    {
        using var api = await CproClient.ConnectAsync(Factory, "84321765400014");
        for (var i = 0; i < 3; i++) (await api.GetAsync("/cpro/transverses/v1/health-check")).EnsureOk();
        var refused = await api.GetAsync("/cpro/transverses/v1/health-check");
        Assert.Equal((HttpStatusCode)429, refused.Status);
        Assert.Equal(10006, refused.CodeRetour);
        Assert.True(refused.Raw.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
