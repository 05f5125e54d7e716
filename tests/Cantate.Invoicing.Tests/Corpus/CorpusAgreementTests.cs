using System.Collections.Frozen;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Tests.Syntax;
using Cantate.Invoicing.Validation;
using Xunit.Abstractions;

namespace Cantate.Invoicing.Tests.Corpus;

/// <summary>
/// The validator against the official verdicts of the EN 16931 corpus (verdicts.tsv, CEN artefacts v1.3.16):
/// the same valid/invalid verdict on every file, and the same set of fatal rule ids on at least 98% of them.
/// </summary>
public sealed class CorpusAgreementTests(ITestOutputHelper output)
{
    /// <summary>
    /// Files whose fatal rule set knowingly differs from the official one, with the reason. An entry that no
    /// longer differs fails the test, so that the table stays true.
    /// </summary>
    public static readonly FrozenDictionary<string, string> KnownDifferences = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    }.ToFrozenDictionary(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(CorpusVerdict.Files), MemberType = typeof(CorpusVerdict))]
    public void Each_corpus_file_gets_the_official_verdict(string file)
    {
        var expected = CorpusVerdict.Of(file);
        var report = Validate(file);
        Assert.True(expected.Valid == report.IsValid, $"{file}: official verdict {(expected.Valid ? "valid" : "invalid")}, ours {(report.IsValid ? "valid" : "invalid")}: {string.Join(' ', Fatal(report))}");
        Assert.Equal(expected.ExpectedSyntaxName, report.Syntax.ToName());
    }

    [Theory]
    [MemberData(nameof(CorpusVerdict.Files), MemberType = typeof(CorpusVerdict))]
    public void Each_corpus_file_fires_the_official_fatal_rules_or_is_a_listed_known_difference(string file)
    {
        var expected = CorpusVerdict.Of(file);
        var ours = Fatal(Validate(file));
        var same = ours.SetEquals(expected.FatalRules);
        if (KnownDifferences.TryGetValue(file, out var reason))
        {
            Assert.False(same, $"{file} now agrees with the official rules: remove it from the known differences ({reason}).");
        }
        else
        {
            Assert.True(same, $"{file}: missing [{string.Join(' ', expected.FatalRules.Except(ours))}], extra [{string.Join(' ', ours.Except(expected.FatalRules))}]");
        }
    }

    [Fact]
    public void At_least_98_percent_of_the_corpus_has_the_official_fatal_rule_set_and_every_verdict_agrees()
    {
        var rows = CorpusVerdict.All.Select(v => (Verdict: v, Report: Validate(v.File))).ToList();
        var sameVerdict = rows.Count(r => r.Verdict.Valid == r.Report.IsValid);
        var sameRules = rows.Count(r => Fatal(r.Report).SetEquals(r.Verdict.FatalRules));
        output.WriteLine($"Verdict agreement: {sameVerdict}/{rows.Count}; fatal rule set agreement: {sameRules}/{rows.Count} ({100.0 * sameRules / rows.Count:F1}%).");
        foreach (var (verdict, report) in rows.Where(r => !Fatal(r.Report).SetEquals(r.Verdict.FatalRules)))
        {
            var ours = Fatal(report);
            output.WriteLine($"  {verdict.File}: missing [{string.Join(' ', verdict.FatalRules.Except(ours))}], extra [{string.Join(' ', ours.Except(verdict.FatalRules))}]");
        }

        Assert.Equal(rows.Count, sameVerdict);
        Assert.True(sameRules * 100 >= rows.Count * 98, $"{sameRules}/{rows.Count} fatal rule sets agree, below 98%.");
    }

    internal static ValidationReport Validate(string file) =>
        InvoiceValidator.Validate(File.ReadAllBytes(CorpusFiles.PathOf(file)), Path.GetFileName(file), ValidationProfile.En16931);

    private static HashSet<string> Fatal(ValidationReport report) =>
        report.Findings.Where(f => f.Severity == FindingSeverity.Fatal).Select(f => f.Rule).ToHashSet(StringComparer.Ordinal);
}
