// Whole-process benchmark of invoice ingestion and of the "Factures reçues" list.
//   dotnet run -c Release --project bench/Cantate.Ingestion.Bench -- sqlite|postgres [invoices=3000] [depositors=4] [listRows=1000000] [outboxWorkers=1]
// PostgreSQL: CANTATE_BENCH_POSTGRES="Host=127.0.0.1;Port=55433;Username=cantate" (a server with the default durability settings).
using System.Diagnostics;
using System.Globalization;
using Cantate.Testing;
using Cantate.Web.Hosting;
using Cantate.Web.Modules.Api;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features;
using Cantate.Web.Modules.Invoices.Features.DepositInvoice;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

const string SupplierSiret = "84321765400014";
const string RecipientSiret = "13002526500013";
var provider = args.ElementAtOrDefault(0) ?? "sqlite";
var invoices = int.Parse(args.ElementAtOrDefault(1) ?? "3000", CultureInfo.InvariantCulture);
var depositors = int.Parse(args.ElementAtOrDefault(2) ?? "4", CultureInfo.InvariantCulture);
var listRows = int.Parse(args.ElementAtOrDefault(3) ?? "1000000", CultureInfo.InvariantCulture);
var outboxWorkers = int.Parse(args.ElementAtOrDefault(4) ?? "1", CultureInfo.InvariantCulture);
var data = Path.Combine(Path.GetTempPath(), "cantate-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(data);

var settings = BenchServices.Settings(provider, data, "cantate_bench_", 50);
await using var root = BenchServices.Build(settings, (s, options) =>
{
    s.AddDataProtection();
    s.AddStructures();
    s.AddInvoices();
    s.AddApi(options);
});
await root.MigrateDatabaseAsync();

// A supplier and a public recipient with its default service.
Guid supplierId, recipientId;
await using (var scope = root.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
    var supplier = new Structure { Siret = SupplierSiret, RaisonSociale = "ATELIER DUPONT MENUISERIE" };
    var recipient = new Structure { Siret = RecipientSiret, RaisonSociale = "DINUM", IsPublic = true };
    db.Structures.AddRange(supplier, recipient);
    db.StructureServices.Add(new StructureService { StructureId = recipient.Id, Code = StructureService.DefaultCode, Label = StructureService.DefaultLabel });
    await db.SaveChangesAsync();
    (supplierId, recipientId) = (supplier.Id, recipient.Id);
}

Console.WriteLine($"# {provider}, {invoices} UBL invoices, {depositors} depositors, {outboxWorkers} outbox worker(s), {Environment.ProcessorCount} cores");

// Ingestion: deposits and the outbox worker(s) run together; one worker (two lanes, woken by the outbox signal) is what one
// instance of the host runs, more stand for more instances sharing the database.
// A warm-up round (JIT, tiered compilation, connection pools) comes first: the figures are of sustained ingestion.
var stopWorkers = new CancellationTokenSource();
var workers = Enumerable.Range(0, outboxWorkers).Select(_ => new OutboxWorker(root.GetRequiredService<IServiceScopeFactory>(), root.GetRequiredService<OutboxSignal>(),
    TimeProvider.System, new FailingLogger())).ToList();
foreach (var worker in workers) await worker.StartAsync(stopWorkers.Token);
// Warm-up rounds until tiered compilation has settled (a round compiles fewer than 20 methods), as in a server that has
// been running for a while; at most 20 rounds. What the JIT still does during the measure is reported with it.
var warmUp = Math.Min(1000, Math.Max(100, invoices / 5));
var warmed = 0;
for (var round = 0; round < 20; round++)
{
    var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
    await IngestAsync($"W{round}", warmUp, warmed);
    warmed += warmUp;
    var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore;
    Console.WriteLine($"warm-up round {round + 1}: {warmUp} invoices, {compiled} methods compiled");
    if (compiled < 20) break;
}
var process = Process.GetCurrentProcess();
process.Refresh();
var cpuBefore = process.TotalProcessorTime;
var jitBefore = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());
var (depositSeconds, endToEnd, depositLatencies) = await IngestAsync("B", invoices, warmed);
process.Refresh();
var cpuPerInvoice = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / invoices;
Console.WriteLine($"during the measure: {System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore.Item1} methods compiled "
    + $"({(System.Runtime.JitInfo.GetCompilationTime() - jitBefore.Item2).TotalMilliseconds:F0} ms of JIT), "
    + $"{GC.CollectionCount(0) - gcBefore.Item1} GCs ({GC.CollectionCount(2) - gcBefore.Item2} gen 2), {(GC.GetTotalPauseDuration() - gcBefore.Item3).TotalMilliseconds:F0} ms paused");
await stopWorkers.CancelAsync();
foreach (var worker in workers) await worker.StopAsync(CancellationToken.None);
Console.WriteLine($"| ingestion | {invoices / depositSeconds:F0} deposits/s acknowledged | {invoices / endToEnd:F0} invoices/s deposit to MISE_A_DISPOSITION | deposit p50 {P(depositLatencies, 50):F1} ms, p95 {P(depositLatencies, 95):F1} ms | {cpuPerInvoice:F1} ms CPU per invoice (user+sys, whole process) |");
Console.WriteLine($"load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown")}");
if (listRows == 0)
{
    Cleanup();
    return;
}

// List: a million invoices for one recipient, then the first page of "Factures reçues" with and without filters.
await using (var scope = root.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
    var flowId = await db.DepositFlows.Select(f => f.Id).FirstAsync();
    var insert = Stopwatch.StartNew();
    const int batch = 2000;
    var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    var statuses = new[] { "MISE_A_DISPOSITION", "REJETEE", "MISE_EN_PAIEMENT", "SUSPENDUE", "SERVICE_FAIT" };
    for (var offset = 0; offset < listRows; offset += batch)
    {
        var rows = new List<string>();
        var parameters = new List<object>();
        for (var i = offset; i < Math.Min(listRows, offset + batch); i++)
        {
            var at = start.AddSeconds(i * 30L);
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"('{G(Guid.CreateVersion7())}','{G(flowId)}','{G(supplierId)}','{G(recipientId)}','L-{i:D8}','380','A1','{DateOnly.FromDateTime(at):yyyy-MM-dd}','EUR',{i % 9000 + 100}.00,{(i % 9000 + 100) * 0.2m:F2},{(i % 9000 + 100) * 1.2m:F2},{(i % 9000 + 100) * 1.2m:F2},'{(i % 7 == 0 ? "TRANSPORTS LEGRAND" : "ATELIER DUPONT MENUISERIE")}','{RecipientSiret}','DINUM','x.xml','UBL-Invoice','{statuses[i % statuses.Length]}','{at:yyyy-MM-dd HH:mm:ss}','{at:yyyy-MM-dd HH:mm:ss}',1,{100_000_000 + i},'UPLOAD_API')"));
        }
        // Every value is generated above by this program; none comes from outside.
#pragma warning disable EF1003
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Invoices" ("Id","FlowId","SupplierStructureId","RecipientStructureId","Number","TypeCode","Cadre","IssueDate","Currency",
              "TotalWithoutVat","TotalVat","TotalWithVat","AmountDue","SupplierName","RecipientSiret","RecipientName","DocumentPath","Syntax","Status",
              "DepositedAt","StatusChangedAt","Version","CppId","DepositMode") VALUES
            """ + string.Join(",", rows));
#pragma warning restore EF1003
    }
    if (db is PostgresCantateDbContext) await db.Database.ExecuteSqlRawAsync("ANALYZE \"Invoices\"");
    Console.WriteLine($"| list setup | {listRows:N0} invoices inserted in {insert.Elapsed.TotalSeconds:F0} s | | |");
}
var list = async (InvoiceFilter filter) =>
{
    await using var scope = root.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<ListInvoices>().ReceivedAsync(recipientId, filter, CancellationToken.None);
};
foreach (var (name, filter) in new (string, InvoiceFilter)[]
{
    ("first page, no filter", new InvoiceFilter()),
    ("status REJETEE", new InvoiceFilter(Status: "REJETEE")),
    ("supplier name contains", new InvoiceFilter(Party: "legrand")),
    ("amount and dates", new InvoiceFilter(MinAmount: 5000m, From: new DateOnly(2025, 1, 2), To: new DateOnly(2025, 1, 5))),
    ("page 100", new InvoiceFilter(Page: 100)),
})
{
    for (var i = 0; i < 5; i++) await list(filter);
    var times = new List<double>();
    for (var i = 0; i < 100; i++)
    {
        var t = Stopwatch.GetTimestamp();
        var rows = await list(filter);
        times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        if (rows.Count == 0) throw new InvalidOperationException($"{name}: no rows");
    }
    times.Sort();
    Console.WriteLine($"| list: {name} | p50 {P(times, 50):F1} ms | p95 {P(times, 95):F1} ms | p99 {P(times, 99):F1} ms |");
}
Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
Cleanup();

void Cleanup()
{
    if (provider == "postgres") Npgsql.NpgsqlConnection.ClearAllPools();
    try { Directory.Delete(data, true); } catch (IOException) { }
}

// Deposits <paramref name="count"/> invoices; the clock stops when every invoice deposited so far is MISE_A_DISPOSITION.
async Task<(double DepositSeconds, double EndToEndSeconds, List<double> Latencies)> IngestAsync(string prefix, int count, int alreadyAvailable)
{
    var files = Enumerable.Range(0, count).Select(i => SampleInvoices.Ubl($"{prefix}-{i:D7}", SupplierSiret, RecipientSiret)).ToArray();
    var clock = Stopwatch.StartNew();
    var next = -1;
    var latencies = new List<double>();
    await Task.WhenAll(Enumerable.Range(0, depositors).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            await using var scope = root.CreateAsyncScope();
            var deposit = scope.ServiceProvider.GetRequiredService<DepositInvoice>();
            var started = Stopwatch.GetTimestamp();
            var result = await deposit.HandleAsync(supplierId, null, "bench", "API", $"{prefix}-{i:D7}.xml", files[i], CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (latencies) latencies.Add(elapsed);
            if (!result.Accepted) throw new InvalidOperationException(string.Join("; ", result.Problems.Select(p => $"{p.Rule}: {p.Message}")));
        }
    }));
    var depositSeconds = clock.Elapsed.TotalSeconds;
    while (true)
    {
        await using var scope = root.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
        if (await db.Invoices.CountAsync(x => x.Status == InvoiceStatus.MiseADisposition) == alreadyAvailable + count) break;
        await Task.Delay(5);
    }
    var endToEnd = clock.Elapsed.TotalSeconds;
    latencies.Sort();
    return (depositSeconds, endToEnd, latencies);
}

// EF Core stores GUIDs as upper-case text in SQLite; PostgreSQL's uuid accepts either case.
static string G(Guid id) => id.ToString("D").ToUpperInvariant();

static double P(List<double> sorted, int percentile) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];

/// <summary>A worker that logs an error would leave the clock running: the benchmark stops instead.</summary>
sealed class FailingLogger : ILogger<OutboxWorker>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel < LogLevel.Warning) return;
        Console.Error.WriteLine($"{logLevel}: {formatter(state, exception)} {exception}");
        Environment.Exit(1);
    }
}
