// Whole-process benchmark of the Chorus Pro-compatible API over real HTTP: the built Cantate.Web runs as its own
// process (Kestrel, demo data), this process is the client.
//   dotnet build -c Release bench/Cantate.Api.Bench && dotnet build -c Release src/Cantate.Web
//   bench/Cantate.Api.Bench/bin/Release/net10.0/Cantate.Api.Bench sqlite|postgres [seconds=20] [concurrency=16] [deposits=1000]
// PostgreSQL: CANTATE_BENCH_POSTGRES="Host=127.0.0.1;Port=55433;Username=cantate".
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Cantate.Api.Bench;
using Cantate.Testing;

var provider = args.ElementAtOrDefault(0) ?? "sqlite";
var seconds = int.Parse(args.ElementAtOrDefault(1) ?? "20", CultureInfo.InvariantCulture);
var concurrency = int.Parse(args.ElementAtOrDefault(2) ?? "16", CultureInfo.InvariantCulture);
var deposits = int.Parse(args.ElementAtOrDefault(3) ?? "1000", CultureInfo.InvariantCulture);

await using var platform = await BenchPlatform.StartAsync(provider);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = platform.Process.BaseAddress,
    Timeout = TimeSpan.FromSeconds(60),
};
var supplier = await platform.ConnectAsync(http, BenchPlatform.SupplierSiret);
var recipient = await platform.ConnectAsync(http, BenchPlatform.RecipientSiret);
Console.WriteLine($"Cantate.Web on {provider}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

// 1. Deposits: deposer/flux of one UBL invoice each, by `concurrency` clients at once.
var depositLatencies = new Latencies();
var next = 0;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) <= deposits)
    {
        var number = string.Create(CultureInfo.InvariantCulture, $"API-{i:D6}");
        var body = JsonSerializer.Serialize(new
        {
            fichierFlux = Convert.ToBase64String(SampleInvoices.Ubl(number, BenchPlatform.SupplierSiret, BenchPlatform.RecipientSiret, "DINUM-ACHATS")),
            nomFichier = number + ".xml",
            syntaxeFlux = "IN_DP_E1_UBL_INVOICE",
            avecSignature = false,
        });
        var started = Stopwatch.GetTimestamp();
        using var response = await supplier.PostAsync("/cpro/factures/v1/deposer/flux", body);
        depositLatencies.Add(Stopwatch.GetElapsedTime(started));
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"deposit {number}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}));
var acknowledged = clock.Elapsed;
await platform.WaitUntilAvailableAsync(deposits, TimeSpan.FromMinutes(30));
var routed = clock.Elapsed;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"deposer/flux: {deposits} acknowledged in {acknowledged.TotalSeconds:F1} s = {deposits / acknowledged.TotalSeconds:F0}/s ({depositLatencies.Summary()}); all MISE_A_DISPOSITION after {routed.TotalSeconds:F1} s = {deposits / routed.TotalSeconds:F0}/s"));

// 2. Search and consult calls, mixed as an ERP polling its invoices and a recipient polling its inbox would.
var ids = await platform.InvoiceIdsAsync(20);
var recipientId = await platform.StructureCppIdAsync(BenchPlatform.RecipientSiret);
var calls = new (string Name, BenchClient Client, HttpMethod Method, string Path, Func<int, string> Body)[]
{
    ("health-check", supplier, HttpMethod.Get, "/cpro/transverses/v1/health-check", _ => ""),
    ("structures/rechercher", supplier, HttpMethod.Post, "/cpro/structures/v1/rechercher",
        _ => "{\"structure\":{\"identifiantStructure\":\"" + BenchPlatform.RecipientSiret + "\",\"typeIdentifiantStructure\":\"SIRET\"}}"),
    ("structures/consulter", supplier, HttpMethod.Post, "/cpro/structures/v1/consulter", _ => $"{{\"idStructureCPP\":{recipientId}}}"),
    ("structures/rechercher/services", supplier, HttpMethod.Post, "/cpro/structures/v1/rechercher/services", _ => $"{{\"idStructure\":{recipientId}}}"),
    ("factures/rechercher/fournisseur", supplier, HttpMethod.Post, "/cpro/factures/v1/rechercher/fournisseur",
        i => "{\"numeroFacture\":\"" + string.Create(CultureInfo.InvariantCulture, $"API-{1 + (i % deposits):D6}") + "\"}"),
    ("factures/consulter/historique", supplier, HttpMethod.Post, "/cpro/factures/v1/consulter/historique", i => $"{{\"idFacture\":{ids[i % ids.Count]}}}"),
    ("factures/rechercher/recipiendaire", recipient, HttpMethod.Post, "/cpro/factures/v1/rechercher/recipiendaire",
        _ => "{\"typeDemandePaiement\":\"FACTURE\",\"paramRecherche\":{\"nbResultatsParPage\":50,\"pageResultatDemandee\":1}}"),
    ("transverses/recuperer/tauxtva", supplier, HttpMethod.Post, "/cpro/transverses/v1/recuperer/tauxtva", _ => "{}"),
};
var perCall = calls.ToDictionary(c => c.Name, _ => new Latencies());
var all = new Latencies();
var total = 0;
var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
clock.Restart();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
{
    var i = worker;
    while (Stopwatch.GetTimestamp() < until)
    {
        var call = calls[i % calls.Length];
        var started = Stopwatch.GetTimestamp();
        using var response = await call.Client.SendAsync(call.Method, call.Path, call.Body(i));
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{call.Name}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        perCall[call.Name].Add(elapsed);
        all.Add(elapsed);
        Interlocked.Increment(ref total);
        i += concurrency;
    }
}));
var elapsedReads = clock.Elapsed;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"search/consult mix: {total} calls in {elapsedReads.TotalSeconds:F1} s = {total / elapsedReads.TotalSeconds:F0} calls/s ({all.Summary()}), {concurrency} concurrent clients"));
foreach (var (name, latencies) in perCall) Console.WriteLine($"  {name,-36} {latencies.Summary()}");
Console.WriteLine($"load average at the end {LoadAverage()}");

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
