using System.Diagnostics;
using Cantate.Invoicing.Tests.Syntax;
using Cantate.Invoicing.Validation;
using Xunit.Abstractions;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>
/// Bounded random-mutation fuzzing of the validator, seeded from the corpus (XML and PDF): every mutated input
/// must give a report, never an exception, and no input may take longer than the per-input limit.
/// Deterministic (fixed seed), so a failure can be replayed; the offending input is written to the temp folder.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private const int Inputs = 20_000;
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(10);

    [Fact]
    [Trait("Category", "Fuzz")]
    public void Twenty_thousand_mutated_invoices_never_crash_or_hang_the_validator()
    {
        var seeds = Directory.EnumerateFiles(CorpusFiles.Folder, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            .Where(p => !p.Contains("cen-unit-tests", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToList();
        Assert.NotEmpty(seeds);

        var random = new Random(16931);
        var current = Array.Empty<byte>();
        var started = Stopwatch.GetTimestamp();
        var done = 0;
        Exception? escaped = null;
        var worker = new Thread(() =>
        {
            try
            {
                for (var i = 0; i < Inputs; i++)
                {
                    var input = Mutator.Mutate(seeds, random);
                    Volatile.Write(ref current, input);
                    Volatile.Write(ref started, Stopwatch.GetTimestamp());
                    var report = InvoiceValidator.Validate(input, "fuzz.bin", (ValidationProfile)(i % 4));
                    Assert.NotNull(report.Findings);
                    Volatile.Write(ref done, i + 1);
                }
            }
            catch (Exception ex)
            {
                escaped = ex;
            }
        }, 64 * 1024 * 1024) { IsBackground = true };
        worker.Start();

        while (!worker.Join(100))
        {
            var elapsed = Stopwatch.GetElapsedTime(Volatile.Read(ref started));
            if (elapsed > PerInputLimit)
            {
                var path = Save(Volatile.Read(ref current));
                Assert.Fail($"Input #{Volatile.Read(ref done)} took more than {PerInputLimit.TotalSeconds} s; saved to {path}.");
            }
        }

        if (escaped is not null)
        {
            var path = Save(current);
            Assert.Fail($"An exception escaped the validator on input #{done} (saved to {path}): {escaped}");
        }

        output.WriteLine($"{done} mutated inputs validated without exception.");
        Assert.Equal(Inputs, done);
    }

    private static string Save(byte[] input)
    {
        var path = Path.Combine(Path.GetTempPath(), "cantate-fuzz-" + Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(path, input);
        return path;
    }
}
