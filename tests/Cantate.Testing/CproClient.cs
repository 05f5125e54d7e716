using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cantate.Web.Modules.Api.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Testing;

/// <summary>An answer of the API, with its JSON body.</summary>
public sealed record CproResponse(HttpStatusCode Status, JsonElement Body, string Text, HttpResponseMessage Raw)
{
    /// <summary>codeRetour, which must be a JSON integer.</summary>
    public int CodeRetour => Body.GetProperty("codeRetour").GetInt32();
    public string Libelle => Body.GetProperty("libelle").GetString()!;

    public JsonElement this[string name] => Body.GetProperty(name);

    /// <summary>Fails with the body when the call was not a success (HTTP 200, codeRetour 0).</summary>
    public CproResponse EnsureOk()
    {
        if (Status != HttpStatusCode.OK || Body.ValueKind != JsonValueKind.Object || !Body.TryGetProperty("codeRetour", out var code) || code.GetInt32() != 0)
            throw new InvalidOperationException($"Expected a success, got HTTP {(int)Status}: {Text}");
        return this;
    }
}

/// <summary>
/// Calls the Chorus Pro-compatible API as an integrator's client does: a Bearer token from /api/oauth/token and the
/// cpro-account header of a technical account. Bodies are sent as raw JSON, exactly as each client writes them.
/// </summary>
public sealed class CproClient(HttpClient http, string token, string account) : IDisposable
{
    public HttpClient Http { get; } = http;
    public string Token { get; } = token;
    /// <summary>The cpro-account header value: base64(login:password).</summary>
    public string Account { get; } = account;
    public string Login => Encoding.UTF8.GetString(Convert.FromBase64String(Account)).Split(':')[0];

    /// <summary>Creates an OAuth client and a technical account for the structure with this SIRET (made from SIRENE if needed), then gets a token.</summary>
    public static async Task<CproClient> ConnectAsync(CantateFactory factory, string siret)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (clientId, secret, login, password) = await CreateCredentialsAsync(factory, siret);
        var http = factory.CreateClient();
        var token = await TokenAsync(http, clientId, secret);
        return new CproClient(http, token, ApiCredentials.CproAccountHeader(login, password));
    }

    public static async Task<(string ClientId, string Secret, string Login, string Password)> CreateCredentialsAsync(CantateFactory factory, string siret)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var credentials = scope.ServiceProvider.GetRequiredService<ApiCredentials>();
        var client = await credentials.CreateClientAsync("Tests " + siret, null, null, CancellationToken.None);
        var account = await credentials.CreateTechnicalAccountAsync(siret, null, CancellationToken.None);
        return (client.Client.ClientId, client.Secret, account.Account.Login, account.Password);
    }

    /// <summary>A token, as oca, pastell, php and fe ask for it (go sends no scope).</summary>
    public static async Task<string> TokenAsync(HttpClient http, string clientId, string secret, bool withScope = true)
    {
        ArgumentNullException.ThrowIfNull(http);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret),
        };
        if (withScope) fields.Add(new("scope", "openid"));
        using var response = await http.PostAsync(new Uri("/api/oauth/token", UriKind.Relative), new FormUrlEncodedContent(fields));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"Token refused, HTTP {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>POSTs a raw JSON body (as the client wrote it) to a /cpro path.</summary>
    public Task<CproResponse> PostAsync(string path, string json, string contentType = "application/json;charset=utf-8") =>
        SendAsync(HttpMethod.Post, path, json, contentType, Token, Account);

    /// <summary>POSTs an object serialised with its property names as given (anonymous types keep Chorus names).</summary>
    public Task<CproResponse> PostAsync(string path, object body) => PostAsync(path, JsonSerializer.Serialize(body));

    public Task<CproResponse> GetAsync(string path, string? body = null) =>
        SendAsync(HttpMethod.Get, path, body, "application/json;charset=utf-8", Token, Account);

    /// <summary>Any request, with or without each credential: for the negative tests.</summary>
    public async Task<CproResponse> SendAsync(HttpMethod method, string path, string? json, string contentType, string? token, string? account)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (account is not null) request.Headers.TryAddWithoutValidation("cpro-account", account);
        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement body;
        try
        {
            body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"The API answered HTTP {(int)response.StatusCode} with a body that is not JSON: {text[..Math.Min(text.Length, 500)]}");
        }
        return new CproResponse(response.StatusCode, body, text, response);
    }

    public void Dispose() => Http.Dispose();
}
