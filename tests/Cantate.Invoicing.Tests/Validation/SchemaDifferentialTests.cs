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
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Values tried in every element and attribute of the seeds: each lexical family and facet edge.</summary>
    private static readonly string[] ProbeValues =
    [
        string.Empty, " ", "x", "abc def", "  padded  ", "12.50", "-3", "1e3", "12,5", "+.5", "007", "2024-02-29", "2023-02-29",
        "2024-1-1", "20240101", "2024-01-01T10:00:00", "10:30:00", "true", "yes", "AAAA", "aGVsbG8=", "@@@", "EUR", "FR", "fr-FR",
        "380", "S", "VAT", "http://example.org/a b", "urn:x", new string('9', 40), new string('x', 300), "line\nbreak", "a:b", "1 2",
    ];

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
        foreach (var (label, mutant) in Mutations(document))
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

    /// <summary>Every element removed, duplicated, moved before its previous sibling, renamed; every value replaced by each probe; attributes removed, added, spoiled; text put in element content.</summary>
    private static IEnumerable<(string Label, XDocument Mutant)> Mutations(XDocument seed)
    {
        var count = seed.Descendants().Count();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                yield return Mutate(seed, i, "remove", e => e.Remove());
                yield return Mutate(seed, i, "duplicate", e => e.AddAfterSelf(new XElement(e)));
            }

            yield return Mutate(seed, i, "move up", e =>
            {
                if (e.PreviousNode is XElement previous)
                {
                    e.Remove();
                    previous.AddBeforeSelf(e);
                }
            });
            yield return Mutate(seed, i, "rename", e => e.Name = e.Name.Namespace + (e.Name.LocalName + "X"));
            yield return Mutate(seed, i, "rename to next sibling", e =>
            {
                if (e.ElementsAfterSelf().FirstOrDefault(s => s.Name != e.Name) is { } next)
                {
                    e.Name = next.Name;
                }
            });
            yield return Mutate(seed, i, "unknown attribute", e => e.SetAttributeValue("unknownAttribute", "1"));
            yield return Mutate(seed, i, "xsi:nil", e => e.SetAttributeValue(Xsi + "nil", "true"));
            yield return Mutate(seed, i, "unknown xsi attribute", e => e.SetAttributeValue(Xsi + "color", "red"));
            yield return Mutate(seed, i, "xsi:type unknown", e => e.SetAttributeValue(Xsi + "type", "Nothing"));
            yield return Mutate(seed, i, "xml:lang", e => e.SetAttributeValue(XNamespace.Xml + "lang", "not a language"));
            yield return Mutate(seed, i, "text before children", e => e.AddFirst(new XText("stray text")));
            yield return Mutate(seed, i, "child in a value", e =>
            {
                if (!e.HasElements)
                {
                    e.Add(new XElement(e.Name.Namespace + "Child"));
                }
            });

            var element = seed.Descendants().ElementAt(i);
            if (!element.HasElements)
            {
                foreach (var value in ProbeValues)
                {
                    yield return Mutate(seed, i, $"value '{value}'", e => e.Value = value);
                }
            }

            foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration).ToList())
            {
                yield return Mutate(seed, i, $"remove @{attribute.Name.LocalName}", e => e.Attribute(attribute.Name)!.Remove());
                foreach (var value in ProbeValues)
                {
                    yield return Mutate(seed, i, $"@{attribute.Name.LocalName}='{value}'", e => e.SetAttributeValue(attribute.Name, value));
                }
            }
        }
    }

    private static (string, XDocument) Mutate(XDocument seed, int index, string what, Action<XElement> change)
    {
        var copy = new XDocument(seed);
        var element = copy.Descendants().ElementAt(index);
        var label = $"{what} on {element.Name.LocalName} (element {index})";
        change(element);
        return (label, copy);
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
