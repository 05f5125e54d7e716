using System.Xml.Linq;
using Cantate.Invoicing.Tests.Syntax;

namespace Cantate.Invoicing.Tests.Corpus;

/// <summary>One &lt;test&gt; of CEN/TC 434's own rule-by-rule unit tests (vefa testSet format).</summary>
public sealed record CenUnitTestCase(string File, int Index, string Expectation, string Rule, XDocument Document)
{
    /// <summary>Short name shown by the test runner, e.g. <c>ubl-2.1/BR-CO-10.xml#3 error BR-CO-10</c>.</summary>
    public override string ToString() => $"{File}#{Index} {Expectation} {Rule}";

    private static readonly XNamespace Vefa = "http://difi.no/xsd/vefa/validator/1.0";

    private static readonly Lazy<List<CenUnitTestCase>> Cases = new(Load);

    public static IReadOnlyList<CenUnitTestCase> All => Cases.Value;

    /// <summary>xUnit member data: the case keys (file#index), so that each case is reported on its own.</summary>
    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var c in All)
        {
            data.Add(c.File + "#" + c.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

    public static CenUnitTestCase ByKey(string key) => All.First(c => c.File + "#" + c.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) == key);

    private static List<CenUnitTestCase> Load()
    {
        var folder = Path.Combine(CorpusFiles.Folder, "cen-unit-tests");
        var cases = new List<CenUnitTestCase>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var set = XDocument.Load(path);
            if (set.Root?.Name != Vefa + "testSet")
            {
                continue;
            }

            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            var index = 0;
            foreach (var test in set.Root.Elements(Vefa + "test"))
            {
                index++;
                var assert = test.Element(Vefa + "assert");
                var expectation = assert?.Elements().FirstOrDefault(e => e.Name.LocalName is "success" or "error" or "warning");
                var document = test.Elements().FirstOrDefault(e => e.Name.Namespace != Vefa);
                if (expectation is null || document is null)
                {
                    continue;
                }

                cases.Add(new CenUnitTestCase(relative, index, expectation.Name.LocalName, expectation.Value.Trim(), new XDocument(new XElement(document))));
            }
        }

        return cases;
    }
}
