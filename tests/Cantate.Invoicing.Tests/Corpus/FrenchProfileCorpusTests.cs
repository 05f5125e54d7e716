using Cantate.Invoicing.Tests.Syntax;
using Cantate.Invoicing.Validation;
using Xunit.Abstractions;

namespace Cantate.Invoicing.Tests.Corpus;

/// <summary>
/// The <c>fr</c> profile against the French-reform verdicts of the corpus (fr_verdict, fr_fatal_rule_ids:
/// FNFE-MPE France_RFE v1.4.0): the same BR-FR rule set on every file that is not a listed known difference.
/// </summary>
public sealed class FrenchProfileCorpusTests(ITestOutputHelper output)
{
    /// <summary>Files whose BR-FR rule set knowingly differs from the official one, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownDifferences = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["real/mustang/invalidSubInvoiceLineHierarchy.xml"] = "the official BR-FR stylesheet failed on this file (ORACLE-ERROR) and reported no BR-FR rule; ours reports them",
    };

    private static (string Verdict, HashSet<string> Rules) Expected(string file)
    {
        var columns = File.ReadLines(CorpusFiles.PathOf("verdicts.tsv")).Select(l => l.Split('\t')).First(c => c[0] == file);
        var rules = columns[9].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(r => r.StartsWith("FR:", StringComparison.Ordinal) || r == "FR-PROFILE")
            .Select(r => r.StartsWith("FR:", StringComparison.Ordinal) ? r[3..] : r)
            .ToHashSet(StringComparer.Ordinal);
        return (columns[8], rules);
    }

    private static HashSet<string> FrenchFatal(ValidationReport report) => report.Findings
        .Where(f => f.Severity == FindingSeverity.Fatal && (f.Rule.StartsWith("BR-FR", StringComparison.Ordinal) || f.Rule == "FR-PROFILE"))
        .Select(f => f.Rule)
        .ToHashSet(StringComparer.Ordinal);

    private static ValidationReport Validate(string file) =>
        InvoiceValidator.Validate(File.ReadAllBytes(CorpusFiles.PathOf(file)), Path.GetFileName(file), ValidationProfile.Fr);

    [Theory]
    [InlineData("mutated/cii-22-FR-missing-seller-siren.xml")]
    [InlineData("mutated/cii-23-FR-missing-pmt-note.xml")]
    [InlineData("mutated/cii-24-wrong-typecode-751-chorus.xml")]
    [InlineData("real/akretion/ubl-21-en16931.xml")]
    [InlineData("real/akretion/factur-x-en16931.xml")]
    [InlineData("real/akretion/ubl-21-extended-ctc-fr.xml")]
    [InlineData("real/mustang/facturFrMinimum.xml")] // BR-FR-32-LEGALID: SIRET given where a SIREN (scheme 0002) is expected
    [InlineData("real/cen/XRechnung-O.xml")] // BR-FR-16 and BR-FR-DEC-04 on BT-119 = 0.0000
    [InlineData("real/cen/huf_example_cii.xml")] // BR-FR-DEC-02 on quantities written "64." and "100."
    [InlineData("mutated/cii-17-bad-date-format.xml")] // BR-FR-03: a CII date that is not format 102
    [InlineData("real/mustang/not_validating_full_invoice_based_onTest_EeISI_300_CENfullmodel.ubl.xml")] // BR-FR-02_EXT-FR-FE-136: a line document reference with spaces
    public void A_crafted_french_reform_case_fires_exactly_the_official_BR_FR_rules(string file)
    {
        var (verdict, rules) = Expected(file);
        var report = Validate(file);
        Assert.Equal(rules.Order(StringComparer.Ordinal), FrenchFatal(report).Order(StringComparer.Ordinal));
        Assert.Equal(verdict == "valid", report.IsValid);
    }

    [Fact]
    public void The_french_profile_agreement_over_the_corpus_is_printed()
    {
        var rows = CorpusVerdict.All.Select(v => (v.File, Expected: Expected(v.File), Report: Validate(v.File))).ToList();
        var verdicts = rows.Count(r => (r.Expected.Verdict == "valid") == r.Report.IsValid);
        var sets = rows.Count(r => FrenchFatal(r.Report).SetEquals(r.Expected.Rules));
        output.WriteLine($"fr profile: verdict agreement {verdicts}/{rows.Count}; BR-FR rule set agreement {sets}/{rows.Count}.");
        foreach (var (file, expected, report) in rows.Where(r => !FrenchFatal(r.Report).SetEquals(r.Expected.Rules)))
        {
            var ours = FrenchFatal(report);
            output.WriteLine($"  {file}: missing [{string.Join(' ', expected.Rules.Except(ours))}], extra [{string.Join(' ', ours.Except(expected.Rules))}]");
        }

        Assert.Equal(rows.Count, verdicts);
        Assert.Equal(rows.Count - KnownDifferences.Count, sets);
        Assert.All(KnownDifferences.Keys, file => Assert.False(FrenchFatal(rows.First(r => r.File == file).Report).SetEquals(Expected(file).Rules), $"{file} now agrees: remove it from the known differences."));
    }
}
