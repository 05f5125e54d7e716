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
    private static readonly XNamespace Xsi = XmlSchema.InstanceNamespace;
    private static readonly XName XsiType = Xsi + "type";
    private static readonly XName XsiNil = Xsi + "nil";
    private static readonly XNamespace XmlSchemaNamespace = XmlSchema.Namespace;

    private readonly List<Finding> findings = [];
    private SchemaSet? set;
    private CompiledSchema? model;
    private Frame[] frames = new Frame[16];
    private int depth;
    private XObject? source;
    private bool started;
    private HashSet<string>? ids;
    private List<string>? idReferences;
    private readonly List<XAttribute> attributes = [];

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
        attributes.Clear();
        ref var parent = ref frames[depth];
        var process = parent.Process;
        var declaration = -1;
        if (parent.NeedValidateChildren)
        {
            var parentType = model.Types[parent.Type];
            switch (parentType.Content)
            {
                case ContentKind.ElementOnly:
                case ContentKind.Mixed:
                    var symbol = Symbol(parent.Type, parentType, element.Name);
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

        if (declaration < 0 && process != XmlSchemaContentProcessing.Skip)
        {
            declaration = set!.GlobalElementOf(element.Name);
        }

        if (++depth == frames.Length)
        {
            Array.Resize(ref frames, frames.Length * 2);
        }

        // The type is settled at the end of the attributes, once xsi:type and xsi:nil are known.
        frames[depth] = new Frame { Element = element, Type = -1, Declaration = declaration, Process = process };
    }

    /// <summary>The reader is on an attribute of the current element, already added to it as <paramref name="attribute"/>.</summary>
    public void Attribute(XmlReader reader, XAttribute attribute)
    {
        // Checked at the end of the attributes, against the type xsi:type may choose.
        if (model is not null && !attribute.IsNamespaceDeclaration)
        {
            attributes.Add(attribute);
        }
    }

    /// <summary>All attributes of the current element have been seen.</summary>
    public void EndOfAttributes(XElement element, bool hadAttributes)
    {
        if (model is null)
        {
            return;
        }

        ref var frame = ref frames[depth];
        if (frame.Process != XmlSchemaContentProcessing.Skip)
        {
            SettleType(ref frame, element);
        }

        foreach (var attribute in attributes)
        {
            CheckAttribute(ref frame, attribute);
        }

        source = element;
        if (frame.Type < 0)
        {
            return;
        }

        var uses = model.Types[frame.Type].Attributes;
        for (var i = 0; i < uses.Length; i++)
        {
            if (uses[i].Required && (frame.SeenAttributes & (1UL << Math.Min(i, 63))) == 0)
            {
                Report(SchemaMessages.MissingAttribute(model, uses[i].Name, element));
            }
        }
    }

    /// <summary>The element's type: its declaration's, or the one xsi:type names; none when it is undeclared (an error where content is strict).</summary>
    private void SettleType(ref Frame frame, XElement element)
    {
        var declaration = frame.Declaration;
        var type = declaration >= 0 ? model!.Elements[declaration].Type : -1;
        var declarationFound = type >= 0;
        string? xsiType = null;
        string? xsiNil = null;
        foreach (var attribute in attributes)
        {
            if (attribute.Name == XsiType)
            {
                xsiType = attribute.Value;
            }
            else if (attribute.Name == XsiNil)
            {
                xsiNil = attribute.Value;
            }
        }

        if (xsiType is not null || xsiNil is not null)
        {
            type = CheckXsiAttributes(element, xsiType, xsiNil, declaration, type, frame.Process, ref declarationFound);
        }

        if (type >= 0 && model!.Types[type].Abstract && xsiType is null)
        {
            // An element whose type is abstract needs an xsi:type; System.Xml then drops the declaration only when
            // xsi:nil was given (and so its xsi attributes were looked at), and validates against the abstract type otherwise.
            Report(SchemaMessages.AbstractType(element));
            if (xsiNil is not null)
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
            else if (frame.Process == XmlSchemaContentProcessing.Strict)
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

    private void CheckAttribute(ref Frame frame, XAttribute attribute)
    {
        source = attribute;
        var name = attribute.Name;
        var namespaceName = name.Namespace;
        if (namespaceName == Xsi)
        {
            if (name.LocalName is not ("type" or "nil" or "schemaLocation" or "noNamespaceSchemaLocation"))
            {
                Report(SchemaMessages.UnknownXsiAttribute(attribute));
            }

            return;
        }

        if (frame.Type < 0)
        {
            // No declaration (skipped or lax content): only the xml: attributes are checked, as System.Xml does.
            if (namespaceName == XNamespace.Xml && set!.XmlAttributeTypeOf(name) is var xmlType and >= 0)
            {
                CheckAttributeValue(xmlType, attribute.Value, attribute);
            }

            return;
        }

        var type = model!.Types[frame.Type];
        var uses = type.Attributes;
        for (var i = 0; i < uses.Length; i++)
        {
            if (ReferenceEquals(set!.TreeName(uses[i].Name), name))
            {
                frame.SeenAttributes |= 1UL << Math.Min(i, 63);
                if (CheckAttributeValue(uses[i].Type, attribute.Value, attribute) is { } normalized
                    && uses[i].Fixed is { } fixedValue && !string.Equals(normalized, fixedValue, StringComparison.Ordinal))
                {
                    Report(SchemaMessages.NotFixedValue(attribute.Value, fixedValue, attribute));
                }

                return;
            }
        }

        if (type.AnyAttribute >= 0 && model.Wildcards[type.AnyAttribute] is { } wildcard && wildcard.Admits(namespaceName.NamespaceName)
            && wildcard.Process != XmlSchemaContentProcessing.Strict)
        {
            return;
        }

        if (namespaceName == XNamespace.Xml && set!.XmlAttributeTypeOf(name) is var xmlAttributeType and >= 0)
        {
            CheckAttributeValue(xmlAttributeType, attribute.Value, attribute);
            return;
        }

        Report(SchemaMessages.UndeclaredAttribute(attribute));
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
    private int Symbol(int typeIndex, ElementType type, XName name)
    {
        if (set!.SymbolsOf(typeIndex).TryGetValue(name, out var symbol))
        {
            return symbol;
        }

        // Wildcards come after the element names; a name of the content model's own elements never matches them.
        for (var s = type.SymbolCount - 1; s >= 0 && type.SymbolNames[s] < 0; s--)
        {
            if (model!.Wildcards[type.SymbolTargets[s]].Admits(name.NamespaceName))
            {
                return s;
            }
        }

        return -1;
    }

    private int CheckXsiAttributes(XElement element, string? xsiType, string? xsiNil, int declaration, int type, XmlSchemaContentProcessing process, ref bool declarationFound)
    {
        if (declaration >= 0 && xsiNil is not null)
        {
            Report(SchemaMessages.NilNotAllowed(element));
        }

        if (xsiType is null)
        {
            return type;
        }

        var trimmed = xsiType.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var typeNamespace = colon < 0 ? element.GetDefaultNamespace() : element.GetNamespaceOfPrefix(trimmed[..colon]);
        var localName = colon < 0 ? trimmed : trimmed[(colon + 1)..];
        if (typeNamespace is null || localName.Length == 0)
        {
            // An unreadable xsi:type is reported and ignored: the declared type still applies.
            Report(SchemaMessages.XsiTypeInvalid(element, xsiType));
            return type;
        }

        var name = set!.NameOf(typeNamespace.NamespaceName, localName);
        if (typeNamespace == XmlSchemaNamespace && XmlSchemaType.GetBuiltInSimpleType(new XmlQualifiedName(localName, XmlSchema.Namespace)) is not null)
        {
            // A built-in simple type exists but derives from no complex type of the schemas: refused on a declared
            // element. On undeclared (lax) content System.Xml would check the text against it; the model leaves that
            // content unchecked (see SchemaExtensionDifferentialTests).
            declarationFound = true;
            if (type >= 0)
            {
                Report(SchemaMessages.XsiTypeInvalid(element, xsiType));
            }

            return -1;
        }

        if (name < 0 || !model!.NamedTypes.TryGetValue(name, out var xsiTypeIndex))
        {
            if (process == XmlSchemaContentProcessing.Strict)
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
        public int Declaration;
        public int Type;
        public int State;
        public bool NeedValidateChildren;
        public XmlSchemaContentProcessing Process;
        public ulong SeenAttributes;
        public string? Text;
    }
}
