using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Cantate.Invoicing.FacturX;

/// <summary>
/// Replaces the XMP metadata of a PDF written by PDFsharp with an incremental update: the metadata stream
/// object is redefined after the original bytes, with a new cross-reference section whose trailer points
/// back to the original one (<c>/Prev</c>). The original bytes are kept unchanged.
/// </summary>
internal static partial class IncrementalUpdate
{
    public static byte[] ReplaceMetadata(byte[] pdf, byte[] xmp)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var startXref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        if (startXref < 0 || trailerAt < 0 || trailerAt > startXref)
        {
            throw new InvalidOperationException("The PDF has no classic trailer to update.");
        }

        var previous = long.Parse(Number().Match(text, startXref + 9).Value, CultureInfo.InvariantCulture);
        var trailer = text[trailerAt..startXref];
        var root = Reference("Root").Match(trailer);
        var size = int.Parse(SizeEntry().Match(trailer).Groups[1].Value, CultureInfo.InvariantCulture);
        var info = Reference("Info").Match(trailer);
        var id = IdEntry().Match(trailer);

        var catalogAt = ObjectStart(text, root.Groups[1].Value);
        var catalogEnd = text.IndexOf("endobj", catalogAt, StringComparison.Ordinal);
        var catalog = text[catalogAt..catalogEnd];
        var metadata = Reference("Metadata").Match(catalog);

        using var output = new MemoryStream();
        output.Write(pdf);
        var offsets = new SortedDictionary<int, long>();
        int metadataNumber;
        if (metadata.Success)
        {
            metadataNumber = int.Parse(metadata.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            // No metadata yet: a new object, and the catalog redefined to point at it.
            metadataNumber = size++;
            var body = catalog[(catalog.IndexOf("<<", StringComparison.Ordinal) + 2)..];
            offsets[int.Parse(root.Groups[1].Value, CultureInfo.InvariantCulture)] = Append(
                output, $"\n{root.Groups[1].Value} {root.Groups[2].Value} obj\n<</Metadata {metadataNumber} 0 R{body}endobj\n");
        }

        var header = string.Create(CultureInfo.InvariantCulture, $"\n{metadataNumber} 0 obj\n<</Type/Metadata/Subtype/XML/Length {xmp.Length}>>\nstream\n");
        offsets[metadataNumber] = output.Length + 1;
        output.Write(Encoding.Latin1.GetBytes(header));
        output.Write(xmp);
        output.Write("\nendstream\nendobj\n"u8);

        var xrefAt = output.Length;
        var xref = new StringBuilder("xref\n");
        foreach (var (number, offset) in offsets)
        {
            xref.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
        }

        xref.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size}{root.Value}");
        if (info.Success)
        {
            xref.Append(info.Value);
        }

        if (id.Success)
        {
            xref.Append(id.Value);
        }

        xref.Append(CultureInfo.InvariantCulture, $"/Prev {previous}>>\nstartxref\n{xrefAt}\n%%EOF\n");
        output.Write(Encoding.Latin1.GetBytes(xref.ToString()));
        return output.ToArray();
    }

    private static long Append(MemoryStream output, string text)
    {
        // The text starts with a line feed; the object starts right after it.
        var at = output.Length + 1;
        output.Write(Encoding.Latin1.GetBytes(text));
        return at;
    }

    private static int ObjectStart(string text, string number)
    {
        var match = new Regex($@"(?<![0-9]){number}\s+0\s+obj", RegexOptions.RightToLeft | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5)).Match(text);
        return match.Success ? match.Index : throw new InvalidOperationException($"Object {number} not found.");
    }

    private static Regex Reference(string key) =>
        new($@"/{key}\s+(\d+)\s+(\d+)\s+R", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizeEntry();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")]
    private static partial Regex IdEntry();
}
