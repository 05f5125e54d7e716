using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Validation;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>
/// System.Xml's own schema validator over the product's XSD files (src/Cantate.Invoicing/Validation/Schemas), as the
/// product used it before its schemas were compiled into a model: the oracle of the differential tests and the input
/// of <see cref="SchemaModelCompiler"/>. Errors become (rule id, location) pairs, the rule ids being the Xerces codes
/// the product maps .NET's messages to.
/// </summary>
internal static class XsdOracle
{
    private static readonly Lazy<XmlSchemaSet> Ubl = new(FreshUblSet);

    private static readonly Lazy<XmlSchemaSet> Cii = new(FreshCiiSet);

    /// <summary>The folder of the product's schemas and compiled models.</summary>
    public static string SchemaFolder { get; } = FindSchemaFolder();

    /// <summary>
    /// A freshly compiled UBL set. Validating a document with xml: attributes adds the xml namespace schema to the set
    /// it validates with, so the compiler is always given a set no document has touched.
    /// </summary>
    public static XmlSchemaSet FreshUblSet() => Compile("ubl-2.1/maindoc/UBL-Invoice-2.1.xsd", "ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd");

    /// <summary>A freshly compiled CII set (see <see cref="FreshUblSet"/>).</summary>
    public static XmlSchemaSet FreshCiiSet() => Compile("cii-d16b/CrossIndustryInvoice_100pD16B.xsd");

    public static XmlSchemaSet? SetFor(InvoiceSyntax syntax) => syntax switch
    {
        InvoiceSyntax.UblInvoice or InvoiceSyntax.UblCreditNote => Ubl.Value,
        InvoiceSyntax.Cii => Cii.Value,
        _ => null,
    };

    /// <summary>The (rule, location) pairs System.Xml reports for a tree, sorted.</summary>
    public static List<(string Rule, string Location)> Errors(XDocument document)
    {
        var errors = new List<(string, string)>();
        if (SetFor(InvoiceDocumentLoader.DetectSyntax(document.Root)) is not { } set)
        {
            return errors;
        }

        document.Validate(set, (sender, e) =>
        {
            if (e.Severity != XmlSeverityType.Error)
            {
                return;
            }

            var location = XPathLocation.Of(sender as XObject);
            foreach (var code in XercesCodes(e.Message))
            {
                errors.Add(("XSD-" + code, location));
            }
        });
        errors.Sort();
        return errors;
    }

    /// <summary>
    /// Maps a .NET schema message to the error codes of the XML Schema recommendation (as Xerces reports them): the
    /// mapping the product applied to System.Xml's messages before the model, kept to compare with the model's codes.
    /// </summary>
    public static IEnumerable<string> XercesCodes(string message)
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
        var resolver = new LocalSchemaResolver();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = resolver };
        foreach (var root in roots)
        {
            var path = Path.Combine(SchemaFolder, root);
            using var reader = XmlReader.Create(path, settings);
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }

    private static string FindSchemaFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cantate.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "Cantate.Invoicing", "Validation", "Schemas");
            }
        }

        throw new InvalidOperationException("Cantate.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Resolves includes and imports inside the schema folder only.</summary>
    private sealed class LocalSchemaResolver : XmlUrlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var path = Path.GetFullPath(absoluteUri.LocalPath);
            if (!absoluteUri.IsFile || !path.StartsWith(SchemaFolder, StringComparison.Ordinal))
            {
                throw new XmlException("Schema outside the product's schema folder refused: " + absoluteUri);
            }

            return File.OpenRead(path);
        }
    }
}
