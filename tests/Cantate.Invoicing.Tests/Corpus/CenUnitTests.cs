using System.Collections.Frozen;
using Cantate.Invoicing.Validation;
using Xunit.Abstractions;

namespace Cantate.Invoicing.Tests.Corpus;

/// <summary>
/// CEN/TC 434's own unit tests (cen-unit-tests/, 1,142 cases): each says which rule must pass, fire as fatal or
/// fire as a warning on a document fragment. The business rules run without XSD, as the Schematron phase does.
/// </summary>
public sealed class CenUnitTests(ITestOutputHelper output)
{
    /// <summary>
    /// Cases where this validator knowingly disagrees with the expectation, with the reason. A case that starts
    /// to pass must be removed from here (the test fails otherwise), so that the table stays true.
    /// </summary>
    public static readonly FrozenDictionary<string, string> KnownDifferences = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    }.ToFrozenDictionary(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(CenUnitTestCase.Keys), MemberType = typeof(CenUnitTestCase))]
    public void Each_CEN_unit_test_gets_the_expected_outcome_or_is_a_listed_known_difference(string key)
    {
        var testCase = CenUnitTestCase.ByKey(key);
        var (passed, detail) = Run(testCase);
        if (KnownDifferences.TryGetValue(key, out var reason))
        {
            Assert.False(passed, $"{key} now passes: remove it from the known differences ({reason}).");
        }
        else
        {
            Assert.True(passed, $"{testCase}: {detail}");
        }
    }

    [Fact]
    public void The_summary_of_the_CEN_unit_tests_is_printed()
    {
        var failures = CenUnitTestCase.All.Select(c => (Case: c, Result: Run(c))).Where(r => !r.Result.Passed).ToList();
        output.WriteLine($"CEN unit tests: {CenUnitTestCase.All.Count - failures.Count}/{CenUnitTestCase.All.Count} passed.");
        foreach (var (c, result) in failures)
        {
            output.WriteLine($"  {c}: {result.Detail}");
        }

        Assert.Equal(KnownDifferences.Count, failures.Count);
    }

    internal static (bool Passed, string Detail) Run(CenUnitTestCase testCase)
    {
        var findings = ValidatorInternals.BusinessRules(testCase.Document);
        var fired = findings.Where(f => f.Rule == testCase.Rule).ToList();
        var detail = fired.Count == 0 ? "did not fire" : "fired as " + string.Join(", ", fired.Select(f => f.SeverityName).Distinct());
        var passed = testCase.Expectation switch
        {
            "success" => fired.Count == 0,
            "error" => fired.Any(f => f.Severity == FindingSeverity.Fatal),
            _ => fired.Any(f => f.Severity == FindingSeverity.Warning),
        };
        return (passed, detail);
    }
}
