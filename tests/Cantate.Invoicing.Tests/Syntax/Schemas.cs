using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Cantate.Invoicing.Tests.Syntax;

/// <summary>The official UBL 2.1 and CII D16B / D22B schemas of the shared corpus, compiled once.</summary>
public static partial class Schemas
{
    private static readonly Lazy<XmlSchemaSet> Ubl = new(() => Compile(
        Path.Combine("ubl-2.1", "maindoc", "UBL-Invoice-2.1.xsd"),
        Path.Combine("ubl-2.1", "maindoc", "UBL-CreditNote-2.1.xsd")));

    private static readonly Lazy<XmlSchemaSet> CiiD16B = new(() => Compile(
        Directory.GetFiles(Path.Combine(CorpusFiles.Schemas, "cii-d16b"), "CrossIndustryInvoice_100pD16B.xsd", SearchOption.AllDirectories).Single()));

    private static readonly Lazy<XmlSchemaSet> CiiD22B = new(() => Compile(Path.Combine("cii-d22b", "CrossIndustryInvoice_100pD22B.xsd")));

    /// <summary>Schema errors of a UBL document (empty when valid).</summary>
    public static IReadOnlyList<string> UblErrors(XDocument document) => Errors(Ubl.Value, document);

    /// <summary>Schema errors of a CII document against D16B (empty when valid).</summary>
    public static IReadOnlyList<string> CiiErrors(XDocument document) => Errors(CiiD16B.Value, document);

    /// <summary>Schema errors of a CII document against D22B (empty when valid).</summary>
    public static IReadOnlyList<string> CiiD22BErrors(XDocument document) => Errors(CiiD22B.Value, document);

    private static XmlSchemaSet Compile(params string[] files)
    {
        var resolver = new DoctypeStrippingResolver();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        foreach (var file in files)
        {
            var path = Path.IsPathRooted(file) ? file : Path.Combine(CorpusFiles.Schemas, file);
            var uri = new Uri(path);
            using var stream = (Stream)resolver.GetEntity(uri, null, typeof(Stream));
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { XmlResolver = resolver }, uri.AbsoluteUri);
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }

    private static List<string> Errors(XmlSchemaSet set, XDocument document)
    {
        var errors = new List<string>();
        // Validate the serialized text so that line numbers and namespaces are those of the output.
        var copy = XDocument.Parse(document.ToString(), LoadOptions.SetLineInfo);
        copy.Validate(set, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }

    /// <summary>The W3C xmldsig schema imported by UBL carries a DOCTYPE; schemas are read without it.</summary>
    private sealed partial class DoctypeStrippingResolver : XmlUrlResolver
    {
        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var text = File.ReadAllText(absoluteUri.LocalPath);
            return new MemoryStream(Encoding.UTF8.GetBytes(Doctype().Replace(text, string.Empty)));
        }

        [GeneratedRegex(@"<!DOCTYPE[^\[>]*(\[[\s\S]*?\])?\s*>")]
        private static partial Regex Doctype();
    }
}
