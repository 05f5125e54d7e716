using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Cantate.Invoicing.Parsing;

namespace Cantate.Invoicing.Validation;

/// <summary>
/// XSD validation against the UBL 2.1 and CII D16B schemas embedded in the assembly. Each schema set is
/// compiled once, on first use, and then shared read-only between threads.
/// </summary>
internal static class SchemaValidator
{
    private const string ResourceRoot = "file:///cantate-schemas/";

    private static readonly Lazy<XmlSchemaSet> Ubl = new(() => Compile("ubl-2.1/maindoc/UBL-Invoice-2.1.xsd", "ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd"));

    private static readonly Lazy<XmlSchemaSet> Cii = new(() => Compile("cii-d16b/CrossIndustryInvoice_100pD16B.xsd"));

    /// <summary>The compiled schema set of a syntax (compiled on first use), or null for anything but UBL and CII.</summary>
    public static XmlSchemaSet? SetFor(InvoiceSyntax syntax) => syntax switch
    {
        InvoiceSyntax.UblInvoice or InvoiceSyntax.UblCreditNote => Ubl.Value,
        InvoiceSyntax.Cii => Cii.Value,
        _ => null,
    };

    /// <summary>
    /// Validates a UBL or CII tree and returns the schema violations as findings. The validator validates while
    /// it parses (<see cref="SchemaCheck"/>); this walk of a tree is for trees built otherwise.
    /// </summary>
    public static void Validate(XDocument document, InvoiceSyntax syntax, List<Finding> findings)
    {
        if (SetFor(syntax) is { } set)
        {
            document.Validate(set, (sender, e) => Report(e, sender as XObject, findings));
        }
    }

    /// <summary>Turns a schema error (warnings are ignored) into findings located at the node being validated.</summary>
    public static void Report(ValidationEventArgs e, XObject? node, List<Finding> findings)
    {
        if (e.Severity != XmlSeverityType.Error)
        {
            return;
        }

        var location = node is null ? "/" : XPathLocation.Of(node);
        foreach (var code in XercesCodes(e.Message))
        {
            findings.Add(new Finding(
                "XSD-" + code,
                FindingSeverity.Fatal,
                string.Empty,
                location,
                "Le document ne respecte pas le schéma XSD : " + e.Message,
                "The document does not conform to the XSD schema: " + e.Message));
        }
    }

    /// <summary>
    /// Maps a .NET schema message to the error codes of the XML Schema recommendation (as Xerces reports them),
    /// so that reports can be compared with those of the official validators.
    /// </summary>
    internal static IEnumerable<string> XercesCodes(string message)
    {
        if (message.Contains("has invalid child element", StringComparison.Ordinal))
        {
            return ["cvc-complex-type.2.4.a"];
        }

        if (message.Contains("has incomplete content", StringComparison.Ordinal))
        {
            return ["cvc-complex-type.2.4.b"];
        }

        if (message.Contains("text only", StringComparison.Ordinal) || message.Contains("cannot contain child element", StringComparison.Ordinal))
        {
            return ["cvc-complex-type.2.3"];
        }

        if (message.Contains("element-only", StringComparison.Ordinal) || message.Contains("cannot contain text", StringComparison.Ordinal))
        {
            return ["cvc-complex-type.2.3"];
        }

        if (message.Contains("attribute is invalid", StringComparison.Ordinal))
        {
            return ["cvc-datatype-valid.1.2.1", "cvc-attribute.3"];
        }

        if (message.Contains("element is invalid", StringComparison.Ordinal))
        {
            if (message.Contains("Enumeration constraint", StringComparison.Ordinal))
            {
                return ["cvc-enumeration-valid", "cvc-complex-type.2.2"];
            }

            if (message.Contains("Pattern constraint", StringComparison.Ordinal))
            {
                return ["cvc-pattern-valid", "cvc-complex-type.2.2"];
            }

            return ["cvc-datatype-valid.1.2.1", "cvc-complex-type.2.2"];
        }

        if (message.Contains("required attribute", StringComparison.Ordinal))
        {
            return ["cvc-complex-type.4"];
        }

        if (message.Contains("attribute is not declared", StringComparison.Ordinal))
        {
            return ["cvc-complex-type.3.2.2"];
        }

        if (message.Contains("element is not declared", StringComparison.Ordinal))
        {
            return ["cvc-elt.1.a"];
        }

        return ["invalid"];
    }

    private static XmlSchemaSet Compile(params string[] roots)
    {
        var resolver = new EmbeddedSchemaResolver();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = resolver };
        foreach (var root in roots)
        {
            var uri = new Uri(ResourceRoot + root);
            using var stream = (Stream)resolver.GetEntity(uri, null, typeof(Stream))!;
            using var reader = XmlReader.Create(stream, settings, uri.AbsoluteUri);
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }

    /// <summary>Resolves schema includes and imports from the assembly's resources only; anything else is refused.</summary>
    private sealed class EmbeddedSchemaResolver : XmlResolver
    {
        private static readonly ConcurrentDictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var prefix = new Uri(ResourceRoot);
            if (!absoluteUri.AbsoluteUri.StartsWith(prefix.AbsoluteUri, StringComparison.Ordinal))
            {
                throw new XmlException("Schema resource outside the embedded set refused: " + absoluteUri);
            }

            var name = "Schemas/" + absoluteUri.AbsoluteUri[prefix.AbsoluteUri.Length..];
            var bytes = Cache.GetOrAdd(name, static n =>
            {
                using var s = typeof(SchemaValidator).Assembly.GetManifestResourceStream(n)
                    ?? throw new XmlException("Embedded schema not found: " + n);
                using var copy = new MemoryStream();
                s.CopyTo(copy);
                return copy.ToArray();
            });
            return new MemoryStream(bytes, writable: false);
        }
    }
}
