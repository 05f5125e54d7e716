using Cantate.Invoicing.Tests.Syntax;

namespace Cantate.Invoicing.Tests.Corpus;

/// <summary>One line of verdicts.tsv: what the official CEN artefacts (v1.3.16) say about a corpus file.</summary>
public sealed record CorpusVerdict(string File, string Syntax, bool Valid, IReadOnlySet<string> FatalRules)
{
    private static readonly Lazy<List<CorpusVerdict>> Rows = new(() =>
        [.. System.IO.File.ReadLines(CorpusFiles.PathOf("verdicts.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Where(c => c.Length > 3)
            .Select(c => new CorpusVerdict(
                c[0],
                c[1],
                c[2] == "valid",
                c[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)))]);

    public static IReadOnlyList<CorpusVerdict> All => Rows.Value;

    public static CorpusVerdict Of(string file) => All.First(v => v.File == file);

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var v in All)
        {
            data.Add(v.File);
        }

        return data;
    }

    /// <summary>The syntax name the validator reports for this file (PDF containers are FACTURX).</summary>
    public string ExpectedSyntaxName => Syntax switch
    {
        "UBL-Invoice" or "UBL-CreditNote" or "CII" => Syntax,
        _ when Syntax.StartsWith("PDF", StringComparison.Ordinal) => "FACTURX",
        _ => "UNKNOWN",
    };
}
