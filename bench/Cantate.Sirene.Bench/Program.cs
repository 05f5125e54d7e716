using System.Diagnostics;
using System.Globalization;
using Cantate.Sirene;
using Cantate.Sirene.Bench;
using Cantate.Sirene.Offline;

// Whole-process benchmark of the SIRENE stock import:
//   dotnet run -c Release --project bench/Cantate.Sirene.Bench -- [rows=2000000] [work directory]
// Generates synthetic StockEtablissement / StockUniteLegale files of that many rows each, imports them,
// then times lookups. Prints rows/s, bytes/s and the peak resident set size of the process.
var rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 2_000_000;
var work = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "cantate-sirene-bench");
var inv = CultureInfo.InvariantCulture;

Console.WriteLine(string.Create(inv, $"Generating {rows:N0} établissements and {rows:N0} unités légales in {work}"));
var clock = Stopwatch.StartNew();
var (etablissements, unitesLegales) = SyntheticStock.WriteFiles(work, rows);
var etabBytes = new FileInfo(etablissements).Length;
var ulBytes = new FileInfo(unitesLegales).Length;
Console.WriteLine(string.Create(inv, $"  generated in {clock.Elapsed.TotalSeconds:F1} s: {etabBytes / 1e6:F0} MB + {ulBytes / 1e6:F0} MB ({(double)etabBytes / rows:F0} B/établissement row)"));

var store = Path.Combine(work, "sirene.db");
var rssBefore = PeakRss();
var phases = new Dictionary<SireneImportPhase, TimeSpan>();
var progress = new Progress(p =>
{
    phases.TryAdd(p.Phase, p.Elapsed);
    if (Environment.GetEnvironmentVariable("BENCH_TRACE") is not null) Console.WriteLine(string.Create(inv, $"    {p.Phase} {p.Elapsed.TotalSeconds:F2} s {p.Rows:N0} rows {p.Fraction:P0}"));
});
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
clock.Restart();
var result = await SireneStockImporter.ImportAsync(etablissements, unitesLegales, store, progress);
var total = clock.Elapsed;
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
var indexStart = phases.GetValueOrDefault(SireneImportPhase.BuildingIndexes);
var etabStart = phases.GetValueOrDefault(SireneImportPhase.Etablissements);
var allRows = result.Etablissements + result.UnitesLegales;

Console.WriteLine(string.Create(inv, $"Import: {allRows:N0} rows in {total.TotalSeconds:F1} s = {allRows / total.TotalSeconds:N0} rows/s, {(etabBytes + ulBytes) / 1e6 / total.TotalSeconds:F1} MB/s"));
Console.WriteLine(string.Create(inv, $"  CPU time of the import: {cpu.TotalSeconds:F1} s = {allRows / cpu.TotalSeconds:N0} rows per CPU second (wall time suffers when the machine is shared)"));
Console.WriteLine(string.Create(inv, $"  unités légales: {etabStart.TotalSeconds:F1} s ({result.UnitesLegales / etabStart.TotalSeconds:N0} rows/s)"));
Console.WriteLine(string.Create(inv, $"  établissements: {(indexStart - etabStart).TotalSeconds:F1} s ({result.Etablissements / (indexStart - etabStart).TotalSeconds:N0} rows/s)"));
Console.WriteLine(string.Create(inv, $"  indexes + swap: {(total - indexStart).TotalSeconds:F1} s"));
Console.WriteLine(string.Create(inv, $"  rejected: {result.Rejected}"));
Console.WriteLine(string.Create(inv, $"  store: {new FileInfo(store).Length / 1e6:F0} MB ({(double)new FileInfo(store).Length / allRows:F0} B/row)"));
Console.WriteLine(string.Create(inv, $"  peak RSS: {PeakRss() / 1e6:F0} MB (before import {rssBefore / 1e6:F0} MB)"));

var directory = new OfflineSireneDirectory(store);
var random = new Random(42);
const int lookups = 10_000;
clock.Restart();
var found = 0;
for (var i = 0; i < lookups; i++)
    if ((await directory.FindEtablissementAsync(SyntheticStock.Siret(random.NextInt64(rows)))).Status == SireneLookupStatus.Found) found++;
Console.WriteLine(string.Create(inv, $"Lookups: {lookups:N0} random SIRETs ({found:N0} found) in {clock.Elapsed.TotalSeconds:F2} s = {clock.Elapsed.TotalMilliseconds * 1000 / lookups:F0} µs each (connection opened per lookup)"));

// CSV parsing alone, to tell reading from writing.
clock.Restart();
cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
long parsed = 0, chars = 0;
await using (var stream = File.OpenRead(etablissements))
using (var reader = new Cantate.Sirene.Stock.StockCsvReader(stream, "bench"))
{
    while (reader.ReadRecord())
    {
        parsed++;
        for (var f = 0; f < reader.FieldCount; f++) chars += reader[f].Length;
    }
}
cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
Console.WriteLine(string.Create(inv, $"CSV parsing only (établissements): {parsed:N0} records in {clock.Elapsed.TotalSeconds:F1} s, {cpu.TotalSeconds:F1} s CPU = {etabBytes / 1e6 / cpu.TotalSeconds:F0} MB per CPU second"));

foreach (var file in Directory.GetFiles(work)) File.Delete(file);
return 0;

// VmHWM is the peak resident set size of this process (Linux).
static long PeakRss()
{
    const string procStatus = "/proc/self/status";
    if (!File.Exists(procStatus)) return Environment.WorkingSet;
    var line = File.ReadLines(procStatus).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? Environment.WorkingSet : long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
}

internal sealed class Progress(Action<SireneImportProgress> report) : IProgress<SireneImportProgress>
{
    public void Report(SireneImportProgress value) => report(value);
}
