using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Validation;
using Cantate.Invoicing.Validation.Rules;

// Whole-process throughput benchmark of InvoiceValidator on the EN 16931 corpus, on one thread.
// Usage: cantate-invoicing-bench CORPUS_DIR [seconds-per-measure] [--loop | --trace]   (under `taskset -c 0` for one core)
// Every figure is given twice: per wall-clock second, and per second of CPU the benchmark thread got (the machine
// is shared; the CPU-normalised figure is the one that compares across runs). Each measure first warms up until the
// JIT has settled (no method compiled for three seconds: with tiered PGO on one shared core that takes 5 to 60 s),
// then validates whole passes over every file of its set and reports the mean over all of them.
// --loop only measures the typical invoices (for A/B runs and a profiler: perf record with DOTNET_PerfMapEnabled=1);
// --trace prints the throughput and the JIT and GC activity second by second from a cold start.
if (args.Length < 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("Usage: Cantate.Invoicing.Bench CORPUS_DIR [seconds]");
    return 2;
}

var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var files = Directory.EnumerateFiles(args[0], "*.*", SearchOption.AllDirectories)
    .Where(p => !p.Contains("cen-unit-tests", StringComparison.Ordinal))
    .Where(p => p.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
    .Order(StringComparer.Ordinal)
    .Select(p => (Name: Path.GetFileName(p), Bytes: File.ReadAllBytes(p), Pdf: p.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)))
    .ToList();

var xml = files.Where(f => !f.Pdf).ToList();
var heapPeak = 0L;
var typical = xml.Where(f => f.Bytes.Length < 1024 * 1024).ToList();
if (args.Contains("--trace"))
{
    Trace(typical);
    return 0;
}

if (args.Contains("--loop"))
{
    Measure("loop: typical XML, EN 16931", typical, ValidationProfile.En16931);
    PeakMemory();
    return 0;
}

var pdf = files.Where(f => f.Pdf).ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Corpus: {xml.Count} XML files ({xml.Sum(f => f.Bytes.Length) / 1024} KiB), {pdf.Count} PDF files ({pdf.Sum(f => f.Bytes.Length) / 1024} KiB); processors visible: {Environment.ProcessorCount}"));

// Cold costs, in the order a fresh process pays them, in CPU time of this thread (JIT included).
var ublSample = xml.First(f => f.Name.StartsWith("ubl-tc434", StringComparison.Ordinal)).Bytes;
var ciiSample = xml.First(f => f.Name.StartsWith("CII_example", StringComparison.Ordinal)).Bytes;
var cpu0 = ThreadCpu.Seconds();
var coldDocument = InvoiceDocumentLoader.Load(ublSample);
var cpu1 = ThreadCpu.Seconds();
var allocated1 = GC.GetAllocatedBytesForCurrentThread();
Cantate.Invoicing.Validation.SchemaModel.SchemaSet.For(coldDocument.XmlSyntax);
var cpu2 = ThreadCpu.Seconds();
var allocated2 = GC.GetAllocatedBytesForCurrentThread();
InvoiceDocumentLoader.Load(ublSample, new SchemaCheck());
var cpu3 = ThreadCpu.Seconds();
ValidatorInternals.BusinessRules(coldDocument.Xml!);
var cpu4 = ThreadCpu.Seconds();
InvoiceValidator.Validate(ciiSample, "cii");
var cpu5 = ThreadCpu.Seconds();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Cold, first UBL invoice, ms of CPU: parse {1000 * (cpu1 - cpu0):F0}, UBL schema model load {1000 * (cpu2 - cpu1):F0} ({(allocated2 - allocated1) >> 20} MiB allocated, {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections of gen 0/1/2 so far, {GC.GetTotalMemory(true) >> 20} MiB live after), first parse with XSD {1000 * (cpu3 - cpu2):F0}, rules {1000 * (cpu4 - cpu3):F0}; then first CII invoice (CII schema model load included): {1000 * (cpu5 - cpu4):F0}"));

Measure("XML (UBL + CII), EN 16931", xml, ValidationProfile.En16931);
Measure($"XML without the {xml.Count - typical.Count} file(s) over 1 MiB (attachments), EN 16931", typical, ValidationProfile.En16931);
Stages(typical);
Measure("XML (UBL + CII), chorus", xml, ValidationProfile.Chorus);
Measure("Factur-X PDF, EN 16931", pdf, ValidationProfile.En16931);

PeakMemory();
return 0;

void Stages(List<(string Name, byte[] Bytes, bool Pdf)> set)
{
    var documents = set.Select(f => InvoiceDocumentLoader.Load(f.Bytes)).Where(d => d.Xml is not null).ToList();
    Time("  stage: hardened parse + syntax detection", () => { foreach (var f in set) { InvoiceDocumentLoader.Load(f.Bytes); } }, set.Count);
    var wellFormed = set.Where(f => InvoiceDocumentLoader.Load(f.Bytes).Xml is not null).ToList();
    var plain = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true, IgnoreProcessingInstructions = true };
    Time("    for reference: raw XmlReader pass, no tree", () => { foreach (var f in wellFormed) { using var r = System.Xml.XmlReader.Create(new MemoryStream(f.Bytes), plain); while (r.Read()) { } } }, wellFormed.Count);
    Time("    for reference: XDocument.Load", () => { foreach (var f in wellFormed) { using var r = System.Xml.XmlReader.Create(new MemoryStream(f.Bytes), plain); System.Xml.Linq.XDocument.Load(r); } }, wellFormed.Count);
    Time("    hardened parse on the same well-formed files", () => { foreach (var f in wellFormed) { InvoiceDocumentLoader.Load(f.Bytes); } }, wellFormed.Count);
    Time("  stage: hardened parse with the XSD checked in the same pass (the validator's path)", () => { foreach (var f in set) { InvoiceDocumentLoader.Load(f.Bytes, new SchemaCheck()); } }, set.Count);
    Time("  stage: business rules", () => { foreach (var d in documents) { ValidatorInternals.BusinessRules(d.Xml!); } }, documents.Count);
    var views = documents.Select(d => En16931Rules.ReadView(d.Xml!, d.XmlSyntax)!).ToList();
    Time("    rules: reading the view", () => { foreach (var d in documents) { En16931Rules.ReadView(d.Xml!, d.XmlSyntax); } }, documents.Count);
    foreach (var (name, check) in new (string, Action<RuleRun>)[] { ("core", CoreRules.Check), ("calculations", CalculationRules.Check), ("VAT categories", VatCategoryRules.Check), ("code lists", CodeListRules.Check), ("syntax", SyntaxRules.Check) })
    {
        Time("    rules: " + name, () => { foreach (var v in views) { check(new RuleRun(v, [])); } }, views.Count);
    }
}

void Time(string label, Action pass, int perPass)
{
    pass();
    var watch = Stopwatch.StartNew();
    var cpuBefore = ThreadCpu.Seconds();
    var passes = 0;
    while (watch.Elapsed.TotalSeconds < Math.Max(1, seconds / 3))
    {
        pass();
        passes++;
    }

    var cpu = ThreadCpu.Seconds() - cpuBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {1000 * cpu / (passes * perPass):F3} ms of CPU per invoice ({1000 * watch.Elapsed.TotalSeconds / (passes * perPass):F3} ms wall)"));
}

void Measure(string label, List<(string Name, byte[] Bytes, bool Pdf)> set, ValidationProfile profile)
{
    if (set.Count == 0)
    {
        return;
    }

    WarmUp(set, profile);
    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    var gcBefore = GC.GetTotalPauseDuration();
    var cpuBefore = ThreadCpu.Seconds();
    var watch = Stopwatch.StartNew();
    var perPass = new List<double>();
    var count = 0;
    var bytes = 0L;
    var invalid = 0;
    while (watch.Elapsed.TotalSeconds < seconds || perPass.Count < 3)
    {
        var passStart = ThreadCpu.Seconds();
        foreach (var file in set)
        {
            var report = InvoiceValidator.Validate(file.Bytes, file.Name, profile);
            invalid += report.IsValid ? 0 : 1;
            bytes += file.Bytes.Length;
            count++;
        }

        perPass.Add(1000 * (ThreadCpu.Seconds() - passStart) / set.Count);
        heapPeak = Math.Max(heapPeak, GC.GetGCMemoryInfo().HeapSizeBytes);
    }

    watch.Stop();
    var cpu = ThreadCpu.Seconds() - cpuBefore;
    var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
    var gc = (GC.GetTotalPauseDuration() - gcBefore).TotalSeconds;
    perPass.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label}: {count / cpu:F0} invoices per CPU second ({1000 * cpu / count:F3} ms of CPU each, {bytes / cpu / (1024 * 1024):F1} MiB/s); wall {count / watch.Elapsed.TotalSeconds:F0} invoices/s with {cpu / watch.Elapsed.TotalSeconds:F2} of a core; GC pauses {100 * gc / watch.Elapsed.TotalSeconds:F1} % of wall; {allocated / count / 1024} KiB allocated per invoice; {perPass.Count} whole passes over {set.Count} files ({count} runs, {invalid / perPass.Count} invalid per pass), ms of CPU per invoice by pass: best {perPass[0]:F3}, median {perPass[perPass.Count / 2]:F3}, worst {perPass[^1]:F3}"));
}

// Tiered compilation replaces the first code of a hot method by instrumented code, then by optimised code compiled
// on a background thread; on one shared core that thread can lag tens of seconds behind, and a measure taken
// before it is done mixes instrumented and optimised code (three times slower on this corpus). Warm up on whole
// passes until no method has been compiled for three seconds (at most two minutes).
void WarmUp(List<(string Name, byte[] Bytes, bool Pdf)> set, ValidationProfile profile)
{
    var watch = Stopwatch.StartNew();
    var cpuBefore = ThreadCpu.Seconds();
    var compiled = JitInfo.GetCompiledMethodCount();
    var compiledAtStart = compiled;
    var lastChange = 0.0;
    var count = 0;
    while (watch.Elapsed.TotalSeconds - lastChange < 3 && watch.Elapsed.TotalSeconds < 120)
    {
        foreach (var file in set)
        {
            InvoiceValidator.Validate(file.Bytes, file.Name, profile);
            count++;
        }

        var now = JitInfo.GetCompiledMethodCount();
        if (now != compiled)
        {
            compiled = now;
            lastChange = watch.Elapsed.TotalSeconds;
        }
    }

    var cpu = ThreadCpu.Seconds() - cpuBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  warm-up: {watch.Elapsed.TotalSeconds:F0} s ({(watch.Elapsed.TotalSeconds - lastChange < 3 ? "JIT NOT SETTLED" : "JIT settled")} after {lastChange:F0} s, {compiled - compiledAtStart} methods compiled), {count / cpu:F0} invoices per CPU second meanwhile"));
}

// Second by second from a cold start: throughput, methods compiled, JIT time, GC pauses and collections.
void Trace(List<(string Name, byte[] Bytes, bool Pdf)> set)
{
    var watch = Stopwatch.StartNew();
    var count = 0;
    var last = (Cpu: ThreadCpu.Seconds(), Count: 0, Pause: GC.GetTotalPauseDuration(), Jit: JitInfo.GetCompiledMethodCount());
    for (var next = 1; next <= seconds;)
    {
        var file = set[count++ % set.Count];
        InvoiceValidator.Validate(file.Bytes, file.Name, ValidationProfile.En16931);
        if (watch.Elapsed.TotalSeconds >= next)
        {
            var now = (Cpu: ThreadCpu.Seconds(), Count: count, Pause: GC.GetTotalPauseDuration(), Jit: JitInfo.GetCompiledMethodCount());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{next,3} s: {(now.Count - last.Count) / (now.Cpu - last.Cpu),6:F0} invoices per CPU second, {now.Cpu - last.Cpu:F2} of a core, {now.Jit - last.Jit,4} methods compiled (JIT {JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms so far), GC pauses {(now.Pause - last.Pause).TotalMilliseconds:F0} ms, collections gen 0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
            last = now;
            next++;
        }
    }
}

void PeakMemory()
{
    using var self = Process.GetCurrentProcess();
    self.Refresh();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak memory: working set {self.PeakWorkingSet64 / (1024 * 1024)} MiB (whole process: runtime, JIT, compiled schema sets, corpus in memory); GC heap at most {heapPeak / (1024 * 1024)} MiB after a pass; collections gen 0/1/2: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
}
