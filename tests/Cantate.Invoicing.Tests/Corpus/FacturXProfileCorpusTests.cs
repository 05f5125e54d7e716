using System.Collections.Frozen;
using Cantate.Invoicing.Tests.Syntax;
using Cantate.Invoicing.Validation;
using Xunit.Abstractions;

namespace Cantate.Invoicing.Tests.Corpus;

/// <summary>
/// The <c>facturx</c> profile against the Factur-X verdicts of the corpus (fx_verdict, fx_fatal_rule_ids: Factur-X
/// 1.09 profile XSD and Schematron chosen by BT-24, or the CEN artefacts when BT-24 names no Factur-X profile):
/// the same verdict and the same fatal rule ids on every file that is not a listed known difference.
/// </summary>
public sealed class FacturXProfileCorpusTests(ITestOutputHelper output)
{
    /// <summary>
    /// Files whose fatal rule set knowingly differs from the official one, with the reason. An entry that no
    /// longer differs fails the test, so that the table stays true.
    /// </summary>
    public static readonly FrozenDictionary<string, string> KnownDifferences = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["mutated/cii-18-no-lines.xml"] = "FX-XSD-*: the validator checks the CII D16B XSD, not the Factur-X profile XSDs (the missing line is reported by FX-SCH-A-000265)",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static (bool Valid, HashSet<string> Rules) Expected(string file)
    {
        var columns = File.ReadLines(CorpusFiles.PathOf("verdicts.tsv")).Select(l => l.Split('\t')).First(c => c[0] == file);
        var rules = columns[7].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.StartsWith("FX:", StringComparison.Ordinal) ? r[3..] : r)
            .ToHashSet(StringComparer.Ordinal);
        return (columns[6] == "valid", rules);
    }

    private static ValidationReport Validate(string file) =>
        InvoiceValidator.Validate(File.ReadAllBytes(CorpusFiles.PathOf(file)), Path.GetFileName(file), ValidationProfile.FacturX);

    private static HashSet<string> Fatal(ValidationReport report) =>
        report.Findings.Where(f => f.Severity == FindingSeverity.Fatal).Select(f => f.Rule).ToHashSet(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(CorpusVerdict.Files), MemberType = typeof(CorpusVerdict))]
    public void Each_corpus_file_gets_the_official_factur_x_verdict_and_fatal_rules_or_is_a_listed_known_difference(string file)
    {
        var (valid, rules) = Expected(file);
        var report = Validate(file);
        var ours = Fatal(report);
        var same = ours.SetEquals(rules);
        if (KnownDifferences.TryGetValue(file, out var reason))
        {
            Assert.False(same, $"{file} now agrees with the official rules: remove it from the known differences ({reason}).");
        }
        else
        {
            Assert.True(valid == report.IsValid, $"{file}: official {(valid ? "valid" : "invalid")} [{string.Join(' ', rules)}], ours [{string.Join(' ', ours)}]");
            Assert.True(same, $"{file}: missing [{string.Join(' ', rules.Except(ours))}], extra [{string.Join(' ', ours.Except(rules))}]");
        }
    }

    [Fact]
    public void The_factur_x_profile_agreement_over_the_corpus_is_printed()
    {
        var rows = CorpusVerdict.All.Select(v => (v.File, Expected: Expected(v.File), Report: Validate(v.File))).ToList();
        var verdicts = rows.Count(r => r.Expected.Valid == r.Report.IsValid);
        var sets = rows.Count(r => Fatal(r.Report).SetEquals(r.Expected.Rules));
        output.WriteLine($"facturx profile: verdict agreement {verdicts}/{rows.Count}; fatal rule set agreement {sets}/{rows.Count}.");
        foreach (var (file, expected, report) in rows.Where(r => !Fatal(r.Report).SetEquals(r.Expected.Rules)))
        {
            var ours = Fatal(report);
            output.WriteLine($"  {file}: missing [{string.Join(' ', expected.Rules.Except(ours))}], extra [{string.Join(' ', ours.Except(expected.Rules))}]");
        }

        Assert.True(verdicts >= rows.Count - KnownDifferences.Count, $"facturx verdict agreement {verdicts}/{rows.Count}.");
        Assert.Equal(rows.Count - KnownDifferences.Count, sets);
    }
}
