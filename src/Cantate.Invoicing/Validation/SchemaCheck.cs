using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Validation.SchemaModel;

namespace Cantate.Invoicing.Validation;

/// <summary>
/// XSD validation driven by the hardened parser while it reads the document, over the schema model compiled from
/// the UBL 2.1 and CII D16B schemas (no XSD is read at run time). It reports what System.Xml's schema validator
/// reports, with the same rule ids (the Xerces codes of the XML Schema recommendation) at the same nodes, including
/// how that validator carries on after an error: once a child element is out of place, the rest of its parent's
/// content is not checked. One instance per document; the compiled schemas are shared.
/// </summary>
internal sealed class SchemaCheck
{
    private const string XsiNamespace = XmlSchema.InstanceNamespace;
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private readonly List<Finding> findings = [];
    private SchemaSet? set;
    private CompiledSchema? model;
    private Frame[] frames = new Frame[16];
    private int depth;
    private XObject? source;
    private bool started;
    private HashSet<string>? ids;
    private List<string>? idReferences;
    private string? xsiAtom;

    /// <summary>The schema violations found, in document order; only meaningful once the document has been read to its end.</summary>
    public IReadOnlyList<Finding> Findings => findings;

    /// <summary>The reader is on an element's start tag; <paramref name="element"/> is already in the tree, without its attributes.</summary>
    public void StartElement(XmlReader reader, XElement element)
    {
        if (!started)
        {
            Start(element);
        }

        if (model is null)
        {
            return;
        }

        source = element;
        ref var parent = ref frames[depth];
        var name = set!.NameOf(element.Name);
        var process = parent.Process;
        var declaration = -1;
        if (parent.NeedValidateChildren)
        {
            var parentType = model.Types[parent.Type];
            switch (parentType.Content)
            {
                case ContentKind.ElementOnly:
                case ContentKind.Mixed:
                    var symbol = Symbol(parent.Type, parentType, name, reader.NamespaceURI);
                    var next = symbol < 0 ? -1 : parentType.Transitions[(parent.State * parentType.SymbolCount) + symbol];
                    if (next >= 0)
                    {
                        parent.State = next;
                        if (parentType.SymbolNames[symbol] >= 0)
                        {
                            declaration = parentType.SymbolTargets[symbol];
                        }
                        else
                        {
                            process = model.Wildcards[parentType.SymbolTargets[symbol]].Process;
                        }
                    }
                    else
                    {
                        Report(SchemaMessages.UnexpectedChild(model, parentType, parent.State, symbol >= 0 && parentType.SymbolNames[symbol] >= 0 ? symbol : -1, parent.Element!, element));
                        parent.NeedValidateChildren = false;
                        process = parent.Process = XmlSchemaContentProcessing.Skip;
                    }

                    break;
                case ContentKind.TextOnly:
                case ContentKind.Empty:
                    Report(SchemaMessages.ChildInSimpleContent(parentType.Content, parent.Element!, element));
                    parent.NeedValidateChildren = false;
                    process = parent.Process = XmlSchemaContentProcessing.Skip;
                    break;
                case ContentKind.MixedWithoutParticle:
                    Report(SchemaMessages.ChildInSimpleContent(parentType.Content, parent.Element!, element));
                    process = parent.Process = XmlSchemaContentProcessing.Skip;
                    break;
                default:
                    // xsd:anyType: any child, not validated.
                    process = parent.Process = XmlSchemaContentProcessing.Skip;
                    break;
            }
        }

        if (declaration < 0 && process != XmlSchemaContentProcessing.Skip && name >= 0)
        {
            declaration = model.GlobalElements.GetValueOrDefault(name, -1);
        }

        if (++depth == frames.Length)
        {
            Array.Resize(ref frames, frames.Length * 2);
        }

        ref var frame = ref frames[depth];
        frame = new Frame { Element = element, Type = -1, Process = process, Text = null };
        if (process == XmlSchemaContentProcessing.Skip)
        {
            return;
        }

        var type = declaration >= 0 ? model.Elements[declaration].Type : -1;
        var declarationFound = type >= 0;
        if (reader.HasAttributes)
        {
            type = CheckXsiAttributes(reader, element, declaration, type, ref declarationFound);
        }

        if (type >= 0 && model.Types[type].Abstract && !HasXsiAttribute(reader, "type"))
        {
            // An element whose type is abstract needs an xsi:type; System.Xml then drops the declaration only when
            // xsi:nil was given (and so its xsi attributes were looked at), and validates against the abstract type otherwise.
            Report(SchemaMessages.AbstractType(element));
            if (HasXsiAttribute(reader, "nil"))
            {
                type = -1;
            }
        }

        if (type < 0)
        {
            if (declarationFound)
            {
                frame.Process = XmlSchemaContentProcessing.Skip;
            }
            else if (process == XmlSchemaContentProcessing.Strict)
            {
                frame.Process = XmlSchemaContentProcessing.Skip;
                Report(SchemaMessages.UndeclaredElement(element));
            }

            return;
        }

        frame.Type = type;
        frame.NeedValidateChildren = true;
        frame.State = 0;
    }

    /// <summary>The reader is on an attribute of the current element, already added to it as <paramref name="attribute"/>.</summary>
    public void Attribute(XmlReader reader, XAttribute attribute)
    {
        if (model is null)
        {
            return;
        }

        var namespaceUri = reader.NamespaceURI;
        if (namespaceUri == XmlnsNamespace)
        {
            return;
        }

        source = attribute;
        if (namespaceUri == XsiNamespace)
        {
            if (reader.LocalName is not ("type" or "nil" or "schemaLocation" or "noNamespaceSchemaLocation"))
            {
                Report(SchemaMessages.UnknownXsiAttribute(attribute));
            }

            return;
        }

        ref var frame = ref frames[depth];
        var name = set!.NameOf(attribute.Name);
        if (frame.Type < 0)
        {
            // No declaration (skipped or lax content): only the xml: attributes are checked, as System.Xml does.
            if (name >= 0 && namespaceUri == XmlNamespace && model.XmlAttributes.TryGetValue(name, out var xmlType))
            {
                CheckAttributeValue(xmlType, reader.Value, attribute);
            }

            return;
        }

        var type = model.Types[frame.Type];
        var attributes = type.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            if (attributes[i].Name == name)
            {
                frame.SeenAttributes |= 1UL << Math.Min(i, 63);
                if (CheckAttributeValue(attributes[i].Type, reader.Value, attribute) is { } normalized
                    && attributes[i].Fixed is { } fixedValue && !string.Equals(normalized, fixedValue, StringComparison.Ordinal))
                {
                    Report(SchemaMessages.NotFixedValue(reader.Value, fixedValue, attribute));
                }

                return;
            }
        }

        if (type.AnyAttribute >= 0 && model.Wildcards[type.AnyAttribute] is { } wildcard && wildcard.Admits(namespaceUri)
            && wildcard.Process != XmlSchemaContentProcessing.Strict)
        {
            return;
        }

        if (name >= 0 && namespaceUri == XmlNamespace && model.XmlAttributes.TryGetValue(name, out var xmlAttributeType))
        {
            CheckAttributeValue(xmlAttributeType, reader.Value, attribute);
            return;
        }

        Report(SchemaMessages.UndeclaredAttribute(attribute));
    }

    /// <summary>All attributes of the current element have been seen.</summary>
    public void EndOfAttributes(XElement element, bool hadAttributes)
    {
        if (model is null)
        {
            return;
        }

        if (hadAttributes)
        {
            source = element;
        }

        ref var frame = ref frames[depth];
        if (frame.Type < 0)
        {
            return;
        }

        var attributes = model.Types[frame.Type].Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            if (attributes[i].Required && (frame.SeenAttributes & (1UL << Math.Min(i, 63))) == 0)
            {
                Report(SchemaMessages.MissingAttribute(model, attributes[i].Name, element));
            }
        }
    }

    public void Text(string text)
    {
        if (model is null || text.Length == 0)
        {
            return;
        }

        ref var frame = ref frames[depth];
        if (!frame.NeedValidateChildren)
        {
            return;
        }

        switch (model.Types[frame.Type].Content)
        {
            case ContentKind.Empty:
                Report(SchemaMessages.TextInElementContent(frame.Element!, text, empty: true));
                break;
            case ContentKind.TextOnly:
                frame.Text = frame.Text is null ? text : frame.Text + text;
                break;
            case ContentKind.ElementOnly:
                if (!SimpleValues.IsWhitespace(text))
                {
                    Report(SchemaMessages.TextInElementContent(frame.Element!, text, empty: false));
                }

                break;
            default:
                break;
        }
    }

    public void EndElement(XElement element)
    {
        if (model is null)
        {
            return;
        }

        source = element;
        ref var frame = ref frames[depth];
        if (frame.Type >= 0 && frame.NeedValidateChildren)
        {
            var type = model.Types[frame.Type];
            if (type.Content == ContentKind.TextOnly)
            {
                CheckElementValue(type.ValueType, frame.Text ?? string.Empty, element);
            }
            else if (type.Content is ContentKind.ElementOnly or ContentKind.Mixed && !type.Accepting[frame.State])
            {
                Report(SchemaMessages.IncompleteContent(model, type, frame.State, element));
            }
        }

        frame = default;
        depth--;
    }

    /// <summary>The document has been read to its end without error.</summary>
    public void EndDocument()
    {
        if (idReferences is null)
        {
            return;
        }

        foreach (var reference in idReferences)
        {
            if (ids is null || !ids.Contains(reference))
            {
                Report(SchemaMessages.UndeclaredId(reference, source));
            }
        }
    }

    private void Start(XElement root)
    {
        started = true;
        set = SchemaSet.For(InvoiceDocumentLoader.DetectSyntax(root));
        model = set?.Model;
        frames[0] = new Frame { Type = -1, Process = XmlSchemaContentProcessing.Strict };
    }

    /// <summary>The symbol a child name takes in a content model: its element, else a wildcard admitting its namespace.</summary>
    private int Symbol(int typeIndex, ElementType type, int name, string namespaceUri)
    {
        if (name >= 0 && set!.SymbolOfName[typeIndex].TryGetValue(name, out var symbol))
        {
            return symbol;
        }

        // Wildcards come after the element names; a name of the content model's own elements never matches them.
        for (var s = type.SymbolCount - 1; s >= 0 && type.SymbolNames[s] < 0; s--)
        {
            if (name < 0 || !set!.SymbolOfName[typeIndex].ContainsKey(name))
            {
                if (model!.Wildcards[type.SymbolTargets[s]].Admits(namespaceUri))
                {
                    return s;
                }
            }
        }

        return -1;
    }

    private int CheckXsiAttributes(XmlReader reader, XElement element, int declaration, int type, ref bool declarationFound)
    {
        // The reader's names are atomized: once the xsi namespace is in its name table, attributes are compared by reference.
        xsiAtom ??= reader.NameTable.Get(XsiNamespace);
        if (xsiAtom is null)
        {
            return type;
        }

        string? xsiType = null;
        string? xsiNil = null;
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            if (ReferenceEquals(reader.NamespaceURI, xsiAtom))
            {
                switch (reader.LocalName)
                {
                    case "type":
                        xsiType = reader.Value;
                        break;
                    case "nil":
                        xsiNil = reader.Value;
                        break;
                    default:
                        break;
                }
            }
        }

        reader.MoveToElement();
        if (xsiType is null && xsiNil is null)
        {
            return type;
        }

        if (declaration >= 0 && xsiNil is not null)
        {
            Report(SchemaMessages.NilNotAllowed(element));
        }

        if (xsiType is null)
        {
            return type;
        }

        string? typeNamespace;
        string localName;
        var trimmed = xsiType.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            typeNamespace = reader.LookupNamespace(string.Empty) ?? string.Empty;
            localName = trimmed;
        }
        else
        {
            typeNamespace = reader.LookupNamespace(trimmed[..colon]);
            localName = trimmed[(colon + 1)..];
        }

        if (typeNamespace is null || localName.Length == 0)
        {
            // An unreadable xsi:type is reported and ignored: the declared type still applies.
            Report(SchemaMessages.XsiTypeInvalid(element, xsiType));
            return type;
        }

        var name = set!.NameOf(typeNamespace, localName);
        if (name < 0 || !model!.NamedTypes.TryGetValue(name, out var xsiTypeIndex))
        {
            if (frames[depth].Process == XmlSchemaContentProcessing.Strict)
            {
                Report(SchemaMessages.XsiTypeInvalid(element, xsiType));
            }

            return -1;
        }

        declarationFound = true;
        if (type >= 0 && !DerivesFrom(xsiTypeIndex, type))
        {
            Report(SchemaMessages.XsiTypeInvalid(element, xsiType));
            return -1;
        }

        return xsiTypeIndex;
    }

    private static bool HasXsiAttribute(XmlReader reader, string localName) => reader.HasAttributes && reader.GetAttribute(localName, XsiNamespace) is not null;

    private bool DerivesFrom(int type, int ancestor)
    {
        for (var t = type; t >= 0; t = model!.Types[t].BaseType)
        {
            if (t == ancestor)
            {
                return true;
            }
        }

        return model!.Types[ancestor].Content == ContentKind.Any;
    }

    /// <summary>Checks an attribute's value; returns it normalized when valid, else null.</summary>
    private string? CheckAttributeValue(int simpleType, string value, XAttribute attribute)
    {
        var problem = set!.Values.Check(simpleType, value, out var normalized);
        if (problem != ValueProblem.None)
        {
            Report(SchemaMessages.InvalidAttributeValue(model!, simpleType, problem, value, attribute));
            return null;
        }

        CheckTokenized(simpleType, normalized);
        return normalized;
    }

    private void CheckElementValue(int simpleType, string value, XElement element)
    {
        var problem = set!.Values.Check(simpleType, value, out var normalized);
        if (problem != ValueProblem.None)
        {
            Report(SchemaMessages.InvalidElementValue(model!, simpleType, problem, value, element));
            return;
        }

        CheckTokenized(simpleType, normalized);
    }

    private void CheckTokenized(int simpleType, string value)
    {
        switch (set!.Values.Tokenized(simpleType))
        {
            case XmlTokenizedType.ID:
                ids ??= new HashSet<string>(StringComparer.Ordinal);
                if (!ids.Add(value))
                {
                    Report(SchemaMessages.DuplicateId(value, source));
                }

                break;
            case XmlTokenizedType.IDREF:
                (idReferences ??= []).Add(value);
                break;
            default:
                break;
        }
    }

    private void Report(IEnumerable<Finding> found)
    {
        findings.AddRange(found);
    }

    /// <summary>The validation state of one open element.</summary>
    private struct Frame
    {
        public XElement? Element;
        public int Type;
        public int State;
        public bool NeedValidateChildren;
        public XmlSchemaContentProcessing Process;
        public ulong SeenAttributes;
        public string? Text;
    }
}
