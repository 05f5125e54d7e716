using System.Xml.Linq;

namespace Cantate.Invoicing.Tests.Syntax;

/// <summary>Files of the shared EN 16931 corpus, found from the repository root (the folder holding Cantate.slnx).</summary>
public static class CorpusFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cantate.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "en16931"));
            }
        }

        throw new InvalidOperationException("Cantate.slnx not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The corpus folder (…/shared/data/en16931).</summary>
    public static string Folder => Root.Value;

    /// <summary>The schemas folder (…/shared/data/schemas).</summary>
    public static string Schemas => Path.GetFullPath(Path.Combine(Root.Value, "..", "schemas"));

    /// <summary>Full path of a corpus file given relative to the corpus folder.</summary>
    public static string PathOf(string relative) => Path.Combine(Root.Value, relative);

    /// <summary>Loads a corpus XML file (the corpus is trusted test data).</summary>
    public static XDocument Load(string relative) => XDocument.Load(PathOf(relative), LoadOptions.None);

    /// <summary>
    /// The XML files of real/ that the official artefacts judge valid EN 16931 (verdicts.tsv), with their syntax.
    /// </summary>
    public static IEnumerable<(string File, string Syntax)> ValidRealXml() =>
        File.ReadLines(PathOf("verdicts.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Where(c => c.Length > 2 && c[0].StartsWith("real/", StringComparison.Ordinal) && c[2] == "valid"
                && c[1] is "UBL-Invoice" or "UBL-CreditNote" or "CII")
            .Select(c => (c[0], c[1]));

    /// <summary>Every XML file of real/ whose root is UBL or CII, valid or not.</summary>
    public static IEnumerable<(string File, string Syntax)> AllRealXml() =>
        File.ReadLines(PathOf("verdicts.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Where(c => c.Length > 2 && c[0].StartsWith("real/", StringComparison.Ordinal)
                && c[1] is "UBL-Invoice" or "UBL-CreditNote" or "CII")
            .Select(c => (c[0], c[1]));

    /// <summary>xUnit member data: valid real XML files.</summary>
    public static TheoryData<string> ValidRealXmlData()
    {
        var data = new TheoryData<string>();
        foreach (var (file, _) in ValidRealXml())
        {
            data.Add(file);
        }

        return data;
    }
}
