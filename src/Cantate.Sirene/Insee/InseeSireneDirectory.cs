using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace Cantate.Sirene.Insee;

/// <summary>
/// <see cref="ISireneDirectory"/> over the INSEE API Sirene 3.11 (<c>GET {BaseUrl}/siret/{siret}</c>, key in
/// <c>X-INSEE-Api-Key-Integration</c>). Calls are limited client-side to <see cref="SireneOptions.RequestsPerMinute"/>;
/// a 429 is retried after Retry-After (or an exponential backoff) at most <see cref="SireneOptions.MaxRetries"/> times.
/// </summary>
public sealed partial class InseeSireneDirectory : ISireneDirectory, IDisposable
{
    /// <summary>Name of the <see cref="HttpClient"/> registered by <see cref="SireneServiceCollectionExtensions.AddCantateSirene"/>.</summary>
    public const string HttpClientName = "Cantate.Sirene.Insee";

    /// <summary>Header carrying the API key.</summary>
    public const string ApiKeyHeader = "X-INSEE-Api-Key-Integration";

    private readonly HttpClient _http;
    private readonly SireneOptions _options;
    private readonly ILogger _logger;
    private readonly RateLimiter _limiter;
    private readonly string _baseUrl;

    /// <summary>Creates the client. <paramref name="http"/> should have no timeout of its own (one is applied per call).</summary>
    public InseeSireneDirectory(HttpClient http, SireneOptions options, ILogger<InseeSireneDirectory> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _http = http;
        _options = options;
        _logger = logger;
        _baseUrl = (options.BaseUrl ?? SireneOptions.DefaultBaseUrl).TrimEnd('/');
        _limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.RequestsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            QueueLimit = 1000,
            AutoReplenishment = true,
        });
    }

    /// <inheritdoc />
    public async Task<SireneLookup> FindEtablissementAsync(string siret, CancellationToken cancellationToken = default)
    {
        var normalized = SiretRules.Normalize(siret);
        if (normalized.Length != 14 || !normalized.All(char.IsAsciiDigit)) return SireneLookup.NotFound;

        for (var attempt = 0; ; attempt++)
        {
            using var lease = await _limiter.AcquireAsync(1, cancellationToken);
            if (!lease.IsAcquired)
                return SireneLookup.Unavailable("Trop de consultations SIRENE en attente : réessayez dans une minute.");

            using var request = new HttpRequestMessage(HttpMethod.Get, $"{_baseUrl}/siret/{normalized}");
            request.Headers.TryAddWithoutValidation(ApiKeyHeader, _options.ApiKey);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                LogFailure(_logger, normalized, "timeout");
                return SireneLookup.Unavailable($"L'API Sirene de l'INSEE n'a pas répondu en {_options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
            }
            catch (HttpRequestException ex)
            {
                LogFailure(_logger, normalized, ex.Message);
                return SireneLookup.Unavailable($"L'API Sirene de l'INSEE est injoignable : {ex.Message}");
            }

            using (response)
            {
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK:
                        return await ReadFoundAsync(response, normalized, cancellationToken);
                    case HttpStatusCode.NotFound:
                        return SireneLookup.NotFound;
                    case HttpStatusCode.Forbidden:
                        return new SireneLookup(SireneLookupStatus.Found,
                            new SireneEtablissement { Siret = normalized, IsActive = true, PartiallyDiffusible = true },
                            "L'INSEE ne diffuse pas les données de cette unité (diffusion partielle).");
                    case HttpStatusCode.Unauthorized:
                        LogFailure(_logger, normalized, "401");
                        return SireneLookup.Unavailable("L'API Sirene de l'INSEE a refusé la clé d'API (HTTP 401) : vérifiez la clé configurée.");
                    case HttpStatusCode.TooManyRequests:
                    {
                        var delay = RetryDelay(response, attempt);
                        if (attempt >= _options.MaxRetries || delay > _options.MaxRetryDelay)
                        {
                            LogFailure(_logger, normalized, "429");
                            return SireneLookup.Unavailable(
                                $"Quota de l'API Sirene de l'INSEE dépassé (HTTP 429) après {attempt + 1} tentative(s) : réessayez dans une minute.");
                        }
                        LogRetry(_logger, normalized, delay.TotalMilliseconds, attempt + 1);
                        await Task.Delay(delay, cancellationToken);
                        continue;
                    }
                    default:
                        LogFailure(_logger, normalized, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                        return SireneLookup.Unavailable(
                            $"L'API Sirene de l'INSEE a répondu HTTP {((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)} : service indisponible, réessayez plus tard.");
                }
            }
        }
    }

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (retryAfter?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return _options.RetryBaseDelay * Math.Pow(2, attempt);
    }

    private static async Task<SireneLookup> ReadFoundAsync(HttpResponseMessage response, string siret, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            if (!document.RootElement.TryGetProperty("etablissement", out var etablissement) || etablissement.ValueKind != JsonValueKind.Object)
                return SireneLookup.Unavailable("Réponse de l'API Sirene sans « etablissement ».");
            return SireneLookup.Found(InseeEtablissementJson.Map(etablissement, siret));
        }
        catch (JsonException ex)
        {
            return SireneLookup.Unavailable($"Réponse de l'API Sirene illisible : {ex.Message}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIRENE lookup of {Siret} failed: {Reason}")]
    private static partial void LogFailure(ILogger logger, string siret, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "SIRENE lookup of {Siret} throttled by INSEE, retrying in {DelayMs} ms (retry {Retry})")]
    private static partial void LogRetry(ILogger logger, string siret, double delayMs, int retry);
}
