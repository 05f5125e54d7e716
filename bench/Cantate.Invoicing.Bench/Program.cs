using System.Diagnostics;
using System.Globalization;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Validation;
using Cantate.Invoicing.Validation.Rules;

// Whole-process throughput benchmark of InvoiceValidator on the EN 16931 corpus, on one thread.
// Usage: cantate-invoicing-bench CORPUS_DIR [seconds-per-measure]   (run it under `taskset -c 0` for one core)
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
var pdf = files.Where(f => f.Pdf).ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Corpus: {xml.Count} XML files ({xml.Sum(f => f.Bytes.Length) / 1024} KiB), {pdf.Count} PDF files ({pdf.Sum(f => f.Bytes.Length) / 1024} KiB); processors visible: {Environment.ProcessorCount}"));

// Cold costs, in the order a fresh process pays them.
var ublSample = xml.First(f => f.Name.StartsWith("ubl-tc434", StringComparison.Ordinal)).Bytes;
var ciiSample = xml.First(f => f.Name.StartsWith("CII_example", StringComparison.Ordinal)).Bytes;
var coldWatch = Stopwatch.StartNew();
var coldDocument = InvoiceDocumentLoader.Load(ublSample);
var parseMs = coldWatch.Elapsed.TotalMilliseconds;
SchemaValidator.Validate(coldDocument.Xml!, coldDocument.XmlSyntax, []);
var ublSchemaMs = coldWatch.Elapsed.TotalMilliseconds - parseMs;
ValidatorInternals.BusinessRules(coldDocument.Xml!);
var rulesMs = coldWatch.Elapsed.TotalMilliseconds - parseMs - ublSchemaMs;
coldWatch.Restart();
InvoiceValidator.Validate(ciiSample, "cii");
var ciiMs = coldWatch.Elapsed.TotalMilliseconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Cold, first UBL invoice: parse {parseMs:F0} ms, UBL schema compile + validate {ublSchemaMs:F0} ms, rules {rulesMs:F0} ms; then first CII invoice (CII schema compile included): {ciiMs:F0} ms"));

Measure("XML (UBL + CII), EN 16931", xml, ValidationProfile.En16931);
var typical = xml.Where(f => f.Bytes.Length < 1024 * 1024).ToList();
Measure($"XML without the {xml.Count - typical.Count} file(s) over 1 MiB (attachments), EN 16931", typical, ValidationProfile.En16931);
Stages(typical);
Measure("XML (UBL + CII), chorus", xml, ValidationProfile.Chorus);
Measure("Factur-X PDF, EN 16931", pdf, ValidationProfile.En16931);

using var self = Process.GetCurrentProcess();
self.Refresh();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak working set: {self.PeakWorkingSet64 / (1024 * 1024)} MiB; GC heap now: {GC.GetTotalMemory(false) / (1024 * 1024)} MiB; gen0/1/2 collections: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
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
    Time("  stage: XSD validation", () => { foreach (var d in documents) { SchemaValidator.Validate(d.Xml!, d.XmlSyntax, []); } }, documents.Count);
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
    var passes = 0;
    while (watch.Elapsed.TotalSeconds < Math.Max(1, seconds / 3))
    {
        pass();
        passes++;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {1000 * watch.Elapsed.TotalSeconds / (passes * perPass):F3} ms per invoice"));
}

void Measure(string label, List<(string Name, byte[] Bytes, bool Pdf)> set, ValidationProfile profile)
{
    if (set.Count == 0)
    {
        return;
    }

    // Warm-up: one second, so that tiered compilation and PGO settle.
    var warm = Stopwatch.StartNew();
    var i = 0;
    while (warm.Elapsed.TotalSeconds < 1)
    {
        InvoiceValidator.Validate(set[i++ % set.Count].Bytes, "warm", profile);
    }

    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var count = 0;
    var bytes = 0L;
    var invalid = 0;
    while (watch.Elapsed.TotalSeconds < seconds)
    {
        var file = set[count % set.Count];
        var report = InvoiceValidator.Validate(file.Bytes, file.Name, profile);
        invalid += report.IsValid ? 0 : 1;
        bytes += file.Bytes.Length;
        count++;
    }

    watch.Stop();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label}: {count / watch.Elapsed.TotalSeconds:F0} invoices/s ({1000 * watch.Elapsed.TotalSeconds / count:F3} ms each, {bytes / watch.Elapsed.TotalSeconds / (1024 * 1024):F1} MiB/s), CPU {cpu.TotalSeconds / watch.Elapsed.TotalSeconds:F2} cores, {allocated / count / 1024} KiB allocated per invoice, {count} runs ({invalid} invalid)"));
}
