using System.Collections.Concurrent;
using System.Globalization;
using Cantate.Sirene.Insee;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cantate.Sirene.Tests.Insee;

/// <summary>
/// A stand-in for the INSEE API on loopback: answers the recorded /siret responses and scripted failures.
/// </summary>
public sealed class FakeInseeApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    public const string Key = "test-key-123";

    public ConcurrentQueue<(string Siret, string? ApiKey, string Accept)> Requests { get; } = new();

    /// <summary>Per SIRET, the answers to give in turn (the last one repeats).</summary>
    public ConcurrentDictionary<string, Queue<Func<HttpContext, Task>>> Script { get; } = new();

    private FakeInseeApi(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First() + "/api-sirene/3.11";

    public static async Task<FakeInseeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeInseeApi(app);
        app.MapGet("/api-sirene/3.11/siret/{siret}", async (HttpContext context, string siret) =>
        {
            api.Requests.Enqueue((siret, context.Request.Headers[InseeSireneDirectory.ApiKeyHeader].FirstOrDefault(), context.Request.Headers.Accept.ToString()));
            if (api.Script.TryGetValue(siret, out var answers))
            {
                Func<HttpContext, Task> answer;
                lock (answers) answer = answers.Count > 1 ? answers.Dequeue() : answers.Peek();
                await answer(context);
                return;
            }
            var sample = Directory.GetFiles(Path.GetDirectoryName(TestFiles.SireneSample("x"))!, $"siret_{siret}_*.json").FirstOrDefault();
            if (sample is null)
            {
                await Status(404, """{"header":{"statut":404,"message":"Aucun élément trouvé pour le siret"}}""")(context);
                return;
            }
            context.Response.ContentType = "application/json;charset=utf-8";
            await context.Response.SendFileAsync(sample);
        });
        await app.StartAsync();
        return api;
    }

    public void Answer(string siret, params Func<HttpContext, Task>[] answers) => Script[siret] = new Queue<Func<HttpContext, Task>>(answers);

    public static Func<HttpContext, Task> Status(int status, string? body = null, Action<HttpResponse>? headers = null) => async context =>
    {
        context.Response.StatusCode = status;
        headers?.Invoke(context.Response);
        if (body is not null)
        {
            context.Response.ContentType = "application/json;charset=utf-8";
            await context.Response.WriteAsync(body);
        }
    };

    public static Func<HttpContext, Task> Sample(string siret) => async context =>
    {
        context.Response.ContentType = "application/json;charset=utf-8";
        await context.Response.SendFileAsync(Directory.GetFiles(Path.GetDirectoryName(TestFiles.SireneSample("x"))!, $"siret_{siret}_*.json").Single());
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed class InseeSireneDirectoryTests : IAsyncLifetime
{
    private FakeInseeApi _api = null!;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public async Task InitializeAsync() => _api = await FakeInseeApi.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
    }

    private InseeSireneDirectory Directory(Action<SireneOptions>? configure = null)
    {
        var options = new SireneOptions
        {
            Source = SireneSource.Insee,
            BaseUrl = _api.BaseUrl,
            ApiKey = FakeInseeApi.Key,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        };
        configure?.Invoke(options);
        return new InseeSireneDirectory(_http, options, NullLogger<InseeSireneDirectory>.Instance);
    }

    [Fact]
    public async Task The_api_key_is_sent_in_the_insee_header_and_json_is_asked_for()
    {
        using var directory = Directory();

        await directory.FindEtablissementAsync("13002526500013");

        var request = Assert.Single(_api.Requests);
        Assert.Equal("13002526500013", request.Siret);
        Assert.Equal(FakeInseeApi.Key, request.ApiKey);
        Assert.Contains("application/json", request.Accept, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_recorded_dinum_response_maps_to_name_address_and_legal_category()
    {
        using var directory = Directory();

        var lookup = await directory.FindEtablissementAsync("13002526500013");

        Assert.Equal(SireneLookupStatus.Found, lookup.Status);
        var e = lookup.Etablissement!;
        Assert.Equal("13002526500013", e.Siret);
        Assert.Equal("DIRECTION INTERMINISTERIELLE DU NUMERIQUE", e.RaisonSociale);
        Assert.Equal("20 AVENUE DE SEGUR", e.AddressLine);
        Assert.Null(e.AddressComplement);
        Assert.Equal("75007", e.PostalCode);
        Assert.Equal("PARIS 7", e.City);
        Assert.Equal("FR", e.CountryCode);
        Assert.Equal("7120", e.CategorieJuridique);
        Assert.Equal("84.11Z", e.ActivitePrincipale);
        Assert.True(e.IsActive);
        Assert.True(e.UniteLegaleIsActive);
        Assert.True(e.IsSiege);
        Assert.False(e.PartiallyDiffusible);
        Assert.True(e.IsPublicLaw);
    }

    [Fact]
    public async Task The_current_state_comes_from_the_period_without_end_date()
    {
        using var directory = Directory();

        var open = (await directory.FindEtablissementAsync("21920023500014")).Etablissement!;
        var closed = (await directory.FindEtablissementAsync("21920023500022")).Etablissement!;

        Assert.True(open.IsActive);
        Assert.Equal("1 PLACE MAURICE GUNSBOURG", open.AddressLine);
        Assert.Equal("84.11Z", open.ActivitePrincipale);
        Assert.False(closed.IsActive);
        Assert.False(closed.IsSiege);
        Assert.Equal("COMMUNE DE CLAMART", closed.RaisonSociale);
    }

    [Fact]
    public async Task A_ceased_legal_unit_is_reported_as_such()
    {
        using var directory = Directory();

        var e = (await directory.FindEtablissementAsync("13002437500011")).Etablissement!;

        Assert.False(e.IsActive);
        Assert.False(e.UniteLegaleIsActive);
        Assert.Equal("110 RUE DE GRENELLE", e.AddressLine);
    }

    [Fact]
    public async Task An_unknown_siret_is_not_found()
    {
        using var directory = Directory();
        Assert.Equal(SireneLookupStatus.NotFound, (await directory.FindEtablissementAsync("73282932000074")).Status);
    }

    [Fact]
    public async Task A_403_means_insee_does_not_publish_the_unit()
    {
        _api.Answer("51234987900019", FakeInseeApi.Status(403, """{"header":{"statut":403,"message":"Droits insuffisants pour consulter les données de cette unité"}}"""));
        using var directory = Directory();

        var lookup = await directory.FindEtablissementAsync("51234987900019");

        Assert.Equal(SireneLookupStatus.Found, lookup.Status);
        Assert.True(lookup.Etablissement!.PartiallyDiffusible);
        Assert.True(lookup.Etablissement.IsActive);
        Assert.Null(lookup.Etablissement.RaisonSociale);
        Assert.Equal("51234987900019", lookup.Etablissement.Siret);
        Assert.Contains("ne diffuse pas", lookup.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_diffused_values_become_null_and_mark_the_establishment()
    {
        var json = (await File.ReadAllTextAsync(TestFiles.SireneSample("siret_13002526500013_etalab-data_pass.json")))
            .Replace("\"DIRECTION INTERMINISTERIELLE DU NUMERIQUE\"", "\"[ND]\"", StringComparison.Ordinal)
            .Replace("\"DE SEGUR\"", "\"[ND]\"", StringComparison.Ordinal)
            .Replace("\"75007\"", "\"[ND]\"", StringComparison.Ordinal)
            .Replace("\"numeroVoieEtablissement\": \"20\"", "\"numeroVoieEtablissement\": \"[ND]\"", StringComparison.Ordinal);
        _api.Answer("13002526500013", FakeInseeApi.Status(200, json));
        using var directory = Directory();

        var e = (await directory.FindEtablissementAsync("13002526500013")).Etablissement!;

        Assert.True(e.PartiallyDiffusible);
        Assert.Null(e.RaisonSociale);
        Assert.Null(e.PostalCode);
        Assert.Equal("AVENUE", e.AddressLine);
        Assert.Equal("PARIS 7", e.City);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_retry_after_delay_then_succeeds()
    {
        _api.Answer("13002526500013",
            FakeInseeApi.Status(429, """{"header":{"statut":429,"message":"Quota d'interrogations de l'API dépassé"}}""", r => r.Headers.RetryAfter = "1"),
            FakeInseeApi.Sample("13002526500013"));
        using var directory = Directory();

        var lookup = await directory.FindEtablissementAsync("13002526500013");

        Assert.Equal(SireneLookupStatus.Found, lookup.Status);
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task A_retry_after_given_as_a_date_is_honoured()
    {
        _api.Answer("13002526500013",
            FakeInseeApi.Status(429, null, r => r.Headers.RetryAfter = DateTimeOffset.UtcNow.AddSeconds(1).ToString("R", CultureInfo.InvariantCulture)),
            FakeInseeApi.Sample("13002526500013"));
        using var directory = Directory();

        Assert.Equal(SireneLookupStatus.Found, (await directory.FindEtablissementAsync("13002526500013")).Status);
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task Repeated_429s_give_up_after_the_configured_retries()
    {
        _api.Answer("13002526500013", FakeInseeApi.Status(429));
        using var directory = Directory(o => o.MaxRetries = 2);

        var lookup = await directory.FindEtablissementAsync("13002526500013");

        Assert.Equal(SireneLookupStatus.Unavailable, lookup.Status);
        Assert.Contains("429", lookup.Detail, StringComparison.Ordinal);
        Assert.Equal(3, _api.Requests.Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_accepted_wait_gives_up_at_once()
    {
        _api.Answer("13002526500013", FakeInseeApi.Status(429, null, r => r.Headers.RetryAfter = "3600"));
        using var directory = Directory();

        var lookup = await directory.FindEtablissementAsync("13002526500013");

        Assert.Equal(SireneLookupStatus.Unavailable, lookup.Status);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task A_refused_api_key_makes_the_source_unavailable_with_a_clear_detail()
    {
        _api.Answer("13002526500013", FakeInseeApi.Status(401, """{"header":{"statut":401,"message":"Jeton d'accès manquant ou invalide"}}"""));
        using var directory = Directory();

        var lookup = await directory.FindEtablissementAsync("13002526500013");

        Assert.Equal(SireneLookupStatus.Unavailable, lookup.Status);
        Assert.Contains("clé d'API", lookup.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_makes_the_source_unavailable()
    {
        _api.Answer("13002526500013", FakeInseeApi.Status(500));
        using var directory = Directory();

        var lookup = await directory.FindEtablissementAsync("13002526500013");

        Assert.Equal(SireneLookupStatus.Unavailable, lookup.Status);
        Assert.Contains("500", lookup.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_answer_times_out_as_unavailable()
    {
        _api.Answer("13002526500013", async context => await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted));
        using var directory = Directory(o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));

        var lookup = await directory.FindEtablissementAsync("13002526500013");

        Assert.Equal(SireneLookupStatus.Unavailable, lookup.Status);
        Assert.Contains("pas répondu", lookup.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_api_is_unavailable()
    {
        using var directory = Directory(o => o.BaseUrl = "http://127.0.0.1:1/api-sirene/3.11");

        var lookup = await directory.FindEtablissementAsync("13002526500013");

        Assert.Equal(SireneLookupStatus.Unavailable, lookup.Status);
    }

    [Fact]
    public async Task Calls_beyond_the_client_side_rate_limit_wait_for_a_permit()
    {
        using var directory = Directory(o => o.RequestsPerMinute = 1);
        Assert.Equal(SireneLookupStatus.Found, (await directory.FindEtablissementAsync("13002526500013")).Status);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => directory.FindEtablissementAsync("21920023500014", cts.Token));

        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Add_cantate_sirene_with_the_insee_source_queries_the_configured_api()
    {
        using var services = new ServiceCollection()
            .AddCantateSirene(new SireneOptions { Source = SireneSource.Insee, BaseUrl = _api.BaseUrl, ApiKey = FakeInseeApi.Key })
            .BuildServiceProvider();

        var directory = services.GetRequiredService<ISireneDirectory>();
        await directory.EnsureSireneStoreAsync();

        Assert.IsType<InseeSireneDirectory>(directory);
        Assert.Equal(SireneLookupStatus.Found, (await directory.FindEtablissementAsync("21920023500014")).Status);
    }
}
