using System.Text;
using System.Xml.Linq;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Tests.Corpus;
using Cantate.Invoicing.Tests.Syntax;
using Cantate.Invoicing.Validation;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>
/// The schema model's validator (<see cref="SchemaCheck"/>, driven by the hardened parser) reports exactly the
/// (rule id, location) pairs System.Xml's validator reports over the same schemas (<see cref="XsdOracle"/>, on the tree
/// the parser built): on every corpus file (XML, and the XML inside the Factur-X PDFs), every CEN unit test, and
/// mutations of valid UBL and CII invoices made element by element and attribute by attribute.
/// </summary>
public sealed class SchemaDifferentialTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "real", "mutated" })
        {
            foreach (var path in Directory.EnumerateFiles(Syntax.CorpusFiles.PathOf(folder), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(Syntax.CorpusFiles.Folder, path).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void On_a_corpus_file_the_model_reports_what_system_xml_reports(string file)
    {
        var outcome = Compare(File.ReadAllBytes(Syntax.CorpusFiles.PathOf(file)));
        Assert.True(outcome.Agrees, outcome.Describe(file));
    }

    [Fact]
    public void On_every_cen_unit_test_the_model_reports_what_system_xml_reports()
    {
        var disagreements = new List<string>();
        var compared = 0;
        foreach (var test in CenUnitTestCase.All)
        {
            var outcome = Compare(Encoding.UTF8.GetBytes(test.Document.ToString(SaveOptions.DisableFormatting)));
            compared += outcome.Compared ? 1 : 0;
            if (!outcome.Agrees)
            {
                disagreements.Add(outcome.Describe(test.ToString()));
            }
        }

        Assert.True(compared > 1100, $"only {compared} CEN unit tests were schema-checked");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements:\n" + string.Join("\n", disagreements.Take(10)));
    }

    public static TheoryData<string> Seeds() => new()
    {
        "real/cen/ubl-tc434-example1.xml",
        "real/cen/CreditNote-Max_content.xml",
        "real/cen/CII_example1.xml",
        "real/cen/CII_example8.xml",
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void On_mutations_of_a_valid_invoice_the_model_reports_what_system_xml_reports(string seed)
    {
        var document = XDocument.Load(Syntax.CorpusFiles.PathOf(seed));
        Assert.Empty(XsdOracle.Errors(document));
        var disagreements = new List<string>();
        var compared = 0;
        var withErrors = 0;
        foreach (var (label, mutant) in SchemaMutations.Of(document, 0, document.Descendants().Count()))
        {
            var outcome = Compare(Encoding.UTF8.GetBytes(mutant.ToString(SaveOptions.DisableFormatting)));
            compared += outcome.Compared ? 1 : 0;
            withErrors += outcome.Expected.Count > 0 ? 1 : 0;
            if (!outcome.Agrees)
            {
                disagreements.Add(outcome.Describe(label));
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {compared} mutants disagree:\n" + string.Join("\n", disagreements.Take(15)));
        Assert.True(compared > 5000, $"only {compared} mutants compared");
        Assert.True(withErrors > compared / 4, $"only {withErrors} of {compared} mutants break the schema");
    }

    private static Outcome Compare(byte[] content)
    {
        var check = new SchemaCheck();
        var loaded = InvoiceDocumentLoader.Load(content, check);
        if (loaded.Problem is not null || loaded.Xml is null)
        {
            return new Outcome(false, [], []);
        }

        var expected = XsdOracle.Errors(loaded.Xml);
        var actual = check.Findings.Select(f => (f.Rule, f.Location)).ToList();
        actual.Sort();
        Assert.All(check.Findings, f =>
        {
            Assert.StartsWith("Schéma XSD : ", f.MessageFr, StringComparison.Ordinal);
            Assert.StartsWith("XSD schema: ", f.MessageEn, StringComparison.Ordinal);
        });
        return new Outcome(true, expected, actual);
    }

    private sealed record Outcome(bool Compared, List<(string Rule, string Location)> Expected, List<(string Rule, string Location)> Actual)
    {
        public bool Agrees => Expected.SequenceEqual(Actual);

        public string Describe(string what)
        {
            var missing = Expected.Except(Actual).Select(e => $"  missing {e.Rule} at {e.Location}");
            var extra = Actual.Except(Expected).Select(e => $"  extra {e.Rule} at {e.Location}");
            return $"{what}: oracle {Expected.Count}, model {Actual.Count}\n" + string.Join("\n", missing.Concat(extra).Take(6));
        }
    }
}
