using Cantate.Invoicing.Tests.Syntax;
using Cantate.Invoicing.Validation;
using Xunit.Abstractions;

namespace Cantate.Invoicing.Tests.Corpus;

/// <summary>
/// The <c>facturx</c> profile against the Factur-X verdicts of the corpus (fx_verdict: Factur-X 1.09 profile XSD
/// and Schematron chosen by BT-24). Of the Factur-X Schematron's own checks, only the MINIMUM "not used" reports
/// (FX-NOTUSED) are implemented (not FX-SCH-*, nor the reports of the other profiles), so only the verdict
/// agreement is measured.
/// </summary>
public sealed class FacturXProfileCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void The_factur_x_profile_verdict_agreement_over_the_corpus_is_printed_and_stays_above_90_percent()
    {
        var rows = File.ReadLines(CorpusFiles.PathOf("verdicts.tsv")).Skip(1).Select(l => l.Split('\t')).Where(c => c.Length > 7)
            .Select(c => (File: c[0], Valid: c[6] == "valid", Rules: c[7]))
            .Select(r => (r.File, r.Valid, r.Rules, Report: InvoiceValidator.Validate(File.ReadAllBytes(CorpusFiles.PathOf(r.File)), Path.GetFileName(r.File), ValidationProfile.FacturX)))
            .ToList();
        var agree = rows.Count(r => r.Valid == r.Report.IsValid);
        output.WriteLine($"facturx profile: verdict agreement {agree}/{rows.Count}.");
        foreach (var r in rows.Where(r => r.Valid != r.Report.IsValid))
        {
            output.WriteLine($"  {r.File}: official {(r.Valid ? "valid" : "invalid")} [{r.Rules}], ours [{string.Join(' ', r.Report.Findings.Where(f => f.Severity == FindingSeverity.Fatal).Select(f => f.Rule).Distinct())}]");
        }

        Assert.True(agree * 100 >= rows.Count * 90, $"facturx verdict agreement {agree}/{rows.Count} below 90%.");
    }
}
