using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Cantate.Invoicing.Parsing;

namespace Cantate.Invoicing.Validation;

/// <summary>
/// XSD validation driven by the hardened parser while it reads the document, so that the text is walked once
/// instead of once to build the tree and once more to validate it. The parser calls it node by node, with its
/// <see cref="XmlReader"/> on the node, so names reach the schema validator already atomized in the reader's
/// name table. The calls and the node blamed for each error are those of <c>XDocument.Validate</c>, so the
/// findings are the same. One instance per document; the schema sets are shared.
/// </summary>
internal sealed class SchemaCheck
{
    private const XmlSchemaValidationFlags Flags = XmlSchemaValidationFlags.AllowXmlAttributes | XmlSchemaValidationFlags.ProcessIdentityConstraints;

    private readonly List<Finding> findings = [];
    private XmlSchemaValidator? validator;
    private XObject? source;
    private string? xmlnsNamespace;
    private string? xsiNamespace;
    private bool started;

    /// <summary>The schema violations found, in document order; only meaningful once the document has been read to its end.</summary>
    public IReadOnlyList<Finding> Findings => findings;

    /// <summary>The reader is on an element's start tag; <paramref name="element"/> is already in the tree, without its attributes.</summary>
    public void StartElement(XmlReader reader, XElement element)
    {
        if (!started)
        {
            Start(reader, element);
        }

        if (validator is null)
        {
            return;
        }

        string? xsiType = null;
        string? xsiNil = null;
        if (reader.HasAttributes)
        {
            xsiType = reader.GetAttribute("type", xsiNamespace!);
            xsiNil = reader.GetAttribute("nil", xsiNamespace!);
        }

        source = element;
        validator.ValidateElement(reader.LocalName, reader.NamespaceURI, null, xsiType, xsiNil, null, null);
    }

    /// <summary>The reader is on an attribute of the current element, already added to it as <paramref name="attribute"/>.</summary>
    public void Attribute(XmlReader reader, XAttribute attribute)
    {
        if (validator is null || ReferenceEquals(reader.NamespaceURI, xmlnsNamespace))
        {
            return;
        }

        source = attribute;
        validator.ValidateAttribute(reader.LocalName, reader.NamespaceURI, reader.Value, null);
    }

    /// <summary>All attributes of the current element have been seen.</summary>
    public void EndOfAttributes(XElement element, bool hadAttributes)
    {
        if (validator is null)
        {
            return;
        }

        if (hadAttributes)
        {
            source = element;
        }

        validator.ValidateEndOfAttributes(null);
    }

    public void Text(string text)
    {
        if (validator is not null && text.Length > 0)
        {
            validator.ValidateText(text);
        }
    }

    public void EndElement(XElement element)
    {
        if (validator is null)
        {
            return;
        }

        source = element;
        validator.ValidateEndElement(null);
    }

    /// <summary>The document has been read to its end without error.</summary>
    public void EndDocument() => validator?.EndValidation();

    private void Start(XmlReader reader, XElement root)
    {
        started = true;
        var syntax = InvoiceDocumentLoader.DetectSyntax(root);
        if (SchemaValidator.SetFor(syntax) is not { } set || reader is not IXmlNamespaceResolver namespaces)
        {
            return;
        }

        xmlnsNamespace = reader.NameTable.Add(XNamespace.Xmlns.NamespaceName);
        xsiNamespace = reader.NameTable.Add(XmlSchema.InstanceNamespace);
        validator = new XmlSchemaValidator(reader.NameTable, set, namespaces, Flags) { XmlResolver = null };
        validator.ValidationEventHandler += (_, e) => SchemaValidator.Report(e, source, findings);
        validator.Initialize();
    }
}
