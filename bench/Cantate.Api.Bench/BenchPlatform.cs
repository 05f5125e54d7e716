using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Cantate.Testing;
using Cantate.Web.Hosting;
using Cantate.Web.Modules.Api;
using Cantate.Web.Modules.Api.Features;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Persistence;
using Cantate.Sirene;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Api.Bench;

/// <summary>The platform under test: the Cantate.Web process, and a service provider on the same database to set it up and check it.</summary>
internal sealed class BenchPlatform : IAsyncDisposable
{
    public const string SupplierSiret = "84321765400014";
    public const string RecipientSiret = "13002526500013";

    private readonly ServiceProvider _services;
    private readonly TestSmtpServer _smtp;
    private readonly string _data;

    public CantateProcess Process { get; }

    private BenchPlatform(CantateProcess process, ServiceProvider services, TestSmtpServer smtp, string data) =>
        (Process, _services, _smtp, _data) = (process, services, smtp, data);

    public static async Task<BenchPlatform> StartAsync(string provider)
    {
        var data = Path.Combine(Path.GetTempPath(), "cantate-api-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var settings = BenchServices.Settings(provider, data, "cantate_api_bench_", 60);
        // The benchmark measures the platform, not the per-client quota.
        settings["Cantate:Api:RequestsPerMinutePerClient"] = "100000000";
        var smtp = new TestSmtpServer();
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        var process = await CantateProcess.StartAsync(data, smtp.Port, environment: environment);

        var services = BenchServices.Build(settings, (s, options) => s
            .AddApi(options)
            .AddCantateSirene(new SireneOptions { Source = SireneSource.Offline, OfflineStorePath = Path.Combine(data, "sirene.db"), SeedDemoData = true }));
        return new BenchPlatform(process, services, smtp, data);
    }

    /// <summary>An OAuth client and a technical account for the structure, and a token.</summary>
    public async Task<BenchClient> ConnectAsync(HttpClient http, string siret)
    {
        await using var scope = _services.CreateAsyncScope();
        var credentials = scope.ServiceProvider.GetRequiredService<ApiCredentials>();
        var client = await credentials.CreateClientAsync("Bench " + siret, null, null, CancellationToken.None);
        var account = await credentials.CreateTechnicalAccountAsync(siret, null, CancellationToken.None);
        var token = await CproClient.TokenAsync(http, client.Client.ClientId, client.Secret);
        return new BenchClient(http, token, ApiCredentials.CproAccountHeader(account.Account.Login, account.Password));
    }

    public async Task WaitUntilAvailableAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await QueryAsync(db => db.Invoices.CountAsync(i => i.Status == InvoiceStatus.MiseADisposition)) < count)
        {
            if (await QueryAsync(db => db.DepositFlows.CountAsync(f => f.Status == FlowStatus.InRejete)) is > 0 and var rejected)
                throw new InvalidOperationException($"{rejected} flows were rejected: the benchmark's invoices do not pass the platform's checks.");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Fewer than {count} invoices were made available within {timeout}.");
            await Task.Delay(100);
        }
    }

    public Task<List<int>> InvoiceIdsAsync(int count) => QueryAsync(db => db.Invoices.OrderBy(i => i.CppId).Select(i => i.CppId).Take(count).ToListAsync());

    public Task<int> StructureCppIdAsync(string siret) => QueryAsync(db => db.Structures.Where(s => s.Siret == siret).Select(s => s.CppId).SingleAsync());

    private async Task<T> QueryAsync<T>(Func<CantateDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CantateDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        Process.Dispose();
        await _services.DisposeAsync();
        await _smtp.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>One client library instance: its token and technical account.</summary>
internal sealed class BenchClient(HttpClient http, string token, string account)
{
    public Task<HttpResponseMessage> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json.Length > 0) request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" });
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("cpro-account", account);
        return await http.SendAsync(request);
    }
}

/// <summary>Latencies of one kind of call, thread-safe.</summary>
internal sealed class Latencies
{
    private readonly ConcurrentBag<double> _milliseconds = [];

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public string Summary()
    {
        var sorted = _milliseconds.Order().ToArray();
        if (sorted.Length == 0) return "no call";
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return string.Create(CultureInfo.InvariantCulture, $"n={sorted.Length}, p50 {At(0.50):F1} ms, p95 {At(0.95):F1} ms, p99 {At(0.99):F1} ms");
    }
}
