using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Cantate.Web.Hosting;
using Cantate.Web.Persistence;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cantate.Web.Modules.Api.Gateway;

/// <summary>Who calls: the OAuth client, and the technical account (and its structure) it acts as.</summary>
public sealed record CproCaller(Guid ApiClientId, string ClientId, Guid TechnicalAccountId, int TechnicalAccountCppId, string Login,
    Guid StructureId, int StructureCppId, string StructureSiret, string StructureName, bool StructureIsPublic)
{
    private const string ItemKey = "cantate.cpro.caller";
    private const string RequestKey = "cantate.cpro.request";

    public static CproCaller Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items[ItemKey] as CproCaller ?? throw new InvalidOperationException("The /cpro gateway did not authenticate this request.");
    }

    public static CproRequest RequestOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items[RequestKey] as CproRequest ?? CproRequest.EmptyRequest;
    }

    internal void Attach(HttpContext http, CproRequest request)
    {
        http.Items[ItemKey] = this;
        http.Items[RequestKey] = request;
    }
}

/// <summary>Endpoint metadata: this operation accepts bodies up to <see cref="Bytes"/> (deposits carry base64 files).</summary>
public sealed record CproBodyLimit(long Bytes);

/// <summary>
/// Every /cpro call goes through here: the Bearer token, then the technical account of the <c>cpro-account</c>
/// header, then the client's quota, then the JSON body. Failures answer with a status, a <c>codeRetour</c> and a
/// French <c>libelle</c> that says what to fix; a <see cref="CproException"/> from the operation becomes HTTP 400.
/// Verified credentials are kept in memory for a minute, so a call costs no hashing and no database read for them.
/// </summary>
public sealed partial class CproGateway(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<CantateOptions> options, ILogger<CproGateway> logger) : IDisposable
{
    public const long DefaultBodyLimit = 4L * 1024 * 1024;
    private const int MaxCached = 100_000;
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (TokenEntry? Entry, DateTime Until)> _tokens = new();
    private readonly ConcurrentDictionary<string, (AccountEntry? Entry, DateTime Until)> _accounts = new();
    private readonly PartitionedRateLimiter<Guid> _quota = PartitionedRateLimiter.Create<Guid, Guid>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.Api.RequestsPerMinutePerClient),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    private sealed record TokenEntry(Guid ApiClientId, string ClientId, DateTime ExpiresAt);

    private sealed record AccountEntry(Guid Id, int CppId, string Login, Guid StructureId, int StructureCppId, string Siret, string Name, bool IsPublic,
        DateTime PasswordExpiresAt);

    /// <summary>Forgets cached credentials, after a secret was rotated or revoked on this instance.</summary>
    public void Forget()
    {
        _tokens.Clear();
        _accounts.Clear();
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var token = await AuthenticateTokenAsync(http, now);
            var account = await AuthenticateAccountAsync(http, now);
            using (var lease = _quota.AttemptAcquire(token.ApiClientId))
            {
                if (!lease.IsAcquired)
                {
                    var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
                    http.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                    throw new CproException(CproCodes.QuotaExceeded,
                        $"Quota d'appels dépassé pour l'application « {token.ClientId} » ({options.Value.Api.RequestsPerMinutePerClient} appels par minute) : réessayez dans {retry} s.",
                        StatusCodes.Status429TooManyRequests);
                }
            }
            var request = await ReadBodyAsync(http);
            new CproCaller(token.ApiClientId, token.ClientId, account.Id, account.CppId, account.Login, account.StructureId, account.StructureCppId,
                account.Siret, account.Name, account.IsPublic).Attach(http, request);
            return await next(context);
        }
        catch (CproException e)
        {
            if (e.HttpStatus == StatusCodes.Status401Unauthorized)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"cantate\", error=\"invalid_token\"";
            }
            return CproResults.Error(e.Code, e.Message, e.HttpStatus);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CproResults.Error(CproCodes.WrongStatus,
                "La facture a été modifiée par un autre utilisateur pendant votre requête : relisez son statut puis renvoyez la requête.", StatusCodes.Status409Conflict);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return CproResults.Error(CproCodes.FileTooLarge, "Le corps de la requête est trop volumineux pour cette opération.", StatusCodes.Status413PayloadTooLarge);
        }
    }

    private async Task<TokenEntry> AuthenticateTokenAsync(HttpContext http, DateTime now)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new CproException(CproCodes.MissingToken,
                "Jeton d'accès absent : obtenez un jeton avec POST /api/oauth/token (grant_type=client_credentials) puis envoyez l'en-tête « Authorization: Bearer <jeton> ».",
                StatusCodes.Status401Unauthorized);
        }
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        if (string.IsNullOrEmpty(token))
        {
            throw new CproException(CproCodes.MissingToken,
                "L'en-tête Authorization doit être de la forme « Bearer <jeton> » (le compte technique va dans l'en-tête cpro-account).",
                StatusCodes.Status401Unauthorized);
        }
        var hash = Sha256(token);
        if (!_tokens.TryGetValue(hash, out var cached) || cached.Until <= now)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
            var found = await db.ApiAccessTokens.AsNoTracking()
                .Where(t => t.TokenHash == hash)
                .Join(db.ApiClients.Where(c => c.RevokedAt == null), t => t.ApiClientId, c => c.Id, (t, c) => new TokenEntry(c.Id, c.ClientId, t.ExpiresAt))
                .FirstOrDefaultAsync(http.RequestAborted);
            cached = (found, now + CacheLifetime);
            if (_tokens.Count > MaxCached) _tokens.Clear();
            _tokens[hash] = cached;
        }
        if (cached.Entry is not { } entry || entry.ExpiresAt <= now)
        {
            throw new CproException(CproCodes.InvalidToken,
                "Jeton d'accès inconnu ou expiré : demandez un nouveau jeton avec POST /api/oauth/token.", StatusCodes.Status401Unauthorized);
        }
        return entry;
    }

    private async Task<AccountEntry> AuthenticateAccountAsync(HttpContext http, DateTime now)
    {
        var header = http.Request.Headers["cpro-account"].ToString().Trim();
        if (header.Length == 0)
        {
            throw new CproException(CproCodes.MissingAccount,
                "En-tête cpro-account absent : envoyez « cpro-account: base64(identifiant:mot de passe) » du compte technique de votre structure (espace « Raccordement EDI et API »).",
                StatusCodes.Status403Forbidden);
        }
        var key = Sha256(header);
        if (!_accounts.TryGetValue(key, out var cached) || cached.Until <= now)
        {
            cached = (await VerifyAccountAsync(header, http.RequestAborted), now + CacheLifetime);
            if (_accounts.Count > MaxCached) _accounts.Clear();
            _accounts[key] = cached;
        }
        if (cached.Entry is not { } entry)
        {
            throw new CproException(CproCodes.InvalidAccount,
                "Compte technique refusé : l'en-tête cpro-account doit être base64(identifiant:mot de passe) d'un compte technique actif ; vérifiez l'identifiant et le mot de passe.",
                StatusCodes.Status403Forbidden);
        }
        if (entry.PasswordExpiresAt <= now)
        {
            throw new CproException(CproCodes.ExpiredAccount,
                $"Le mot de passe du compte technique {entry.Login} a expiré le {CproDates.Date(entry.PasswordExpiresAt)} : un gestionnaire doit le renouveler dans l'espace « Raccordement EDI et API ».",
                StatusCodes.Status403Forbidden);
        }
        return entry;
    }

    private async Task<AccountEntry?> VerifyAccountAsync(string header, CancellationToken cancellationToken)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header));
        }
        catch (FormatException)
        {
            return null;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return null;
        var (login, password) = (decoded[..colon], decoded[(colon + 1)..]);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
        var account = await db.TechnicalAccounts.AsNoTracking()
            .Where(a => a.Login == login && a.RevokedAt == null)
            .Join(db.Structures, a => a.StructureId, s => s.Id, (a, s) => new { a, s })
            .FirstOrDefaultAsync(cancellationToken);
        if (account is null) return null;
        var expected = Convert.FromHexString(account.a.PasswordHash);
        if (!CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(password))))
        {
            LogWrongPassword(logger, login);
            return null;
        }
        return new AccountEntry(account.a.Id, account.a.CppId, account.a.Login, account.s.Id, account.s.CppId, account.s.Siret, account.s.RaisonSociale,
            account.s.IsPublic, account.a.PasswordExpiresAt);
    }

    private static async Task<CproRequest> ReadBodyAsync(HttpContext http)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<CproBodyLimit>()?.Bytes ?? DefaultBodyLimit;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (http.Request.ContentLength is { } length && length > limit)
        {
            throw new CproException(CproCodes.FileTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"Le corps de la requête ({length} octets) dépasse la limite de cette opération ({limit} octets)."),
                StatusCodes.Status413PayloadTooLarge);
        }
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        if (buffer.Length > limit)
        {
            throw new CproException(CproCodes.FileTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"Le corps de la requête dépasse la limite de cette opération ({limit} octets)."),
                StatusCodes.Status413PayloadTooLarge);
        }
        return CproRequest.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    internal static string Sha256(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public void Dispose() => _quota.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "cpro-account refused: wrong password for technical account {Login}")]
    private static partial void LogWrongPassword(ILogger logger, string login);
}
