using System.Security.Cryptography;
using System.Text;
using Cantate.Web.Hosting;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cantate.Web.Modules.Api.Gateway;

/// <summary>
/// <c>POST /api/oauth/token</c>: the OAuth 2.0 client-credentials grant (RFC 6749 §4.4). The client authenticates
/// with <c>client_id</c> and <c>client_secret</c> in the form or with HTTP Basic. Each call issues a new token, so
/// several instances of one client each hold their own.
/// </summary>
public static class OAuthToken
{
    public const string Path = "/api/oauth/token";
    public const string RateLimitPolicy = "api-token";

    public static async Task<IResult> HandleAsync(HttpContext http, CantateDbContext db, TimeProvider clock, IOptions<CantateOptions> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(db);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        if (!http.Request.HasFormContentType)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request",
                "Envoyez un formulaire application/x-www-form-urlencoded : grant_type=client_credentials&client_id=...&client_secret=...");
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var grant = form["grant_type"].ToString();
        if (string.IsNullOrEmpty(grant))
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "Le paramètre grant_type est obligatoire : grant_type=client_credentials.");
        if (grant != "client_credentials")
            return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", $"grant_type « {grant} » n'est pas pris en charge : utilisez client_credentials.");

        var (clientId, secret) = (form["client_id"].ToString(), form["client_secret"].ToString());
        var basic = http.Request.Headers.Authorization.ToString();
        if (basic.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(clientId))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0) (clientId, secret) = (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
            }
            catch (FormatException)
            {
                return Error(StatusCodes.Status401Unauthorized, "invalid_client", "L'en-tête Authorization Basic n'est pas du base64 valide.");
            }
        }
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
            return Error(StatusCodes.Status401Unauthorized, "invalid_client", "client_id et client_secret sont obligatoires.");

        var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId && c.RevokedAt == null, http.RequestAborted);
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        if (client is null || !CryptographicOperations.FixedTimeEquals(presented, Convert.FromHexString(client.SecretHash)))
        {
            return Error(StatusCodes.Status401Unauthorized, "invalid_client",
                "Application inconnue ou secret incorrect : vérifiez client_id et client_secret (espace « Raccordement EDI et API »).");
        }

        var lifetime = Math.Clamp(options.Value.Api.TokenLifetimeSeconds, 300, 32_767);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        db.ApiAccessTokens.Add(new ApiAccessToken { TokenHash = CproGateway.Sha256(token), ApiClientId = client.Id, IssuedAt = now, ExpiresAt = now.AddSeconds(lifetime) });
        // Expired tokens are cleaned up now and then as new ones are issued.
        if (RandomNumberGenerator.GetInt32(50) == 0)
            await db.ApiAccessTokens.Where(t => t.ApiClientId == client.Id && t.ExpiresAt < now.AddHours(-1)).ExecuteDeleteAsync(http.RequestAborted);
        await db.SaveChangesAsync(http.RequestAborted);
        return Results.Json(new TokenResponse(token, "Bearer", lifetime, "openid"), statusCode: StatusCodes.Status200OK);
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: status);

    private sealed record TokenResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
        [property: System.Text.Json.Serialization.JsonPropertyName("scope")] string Scope);
}
