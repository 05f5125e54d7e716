using System.Text;
using System.Xml;
using System.Xml.Schema;

namespace Cantate.Invoicing.Validation.SchemaModel;

/// <summary>How an element's content is checked.</summary>
internal enum ContentKind : byte
{
    /// <summary>No text and no child element.</summary>
    Empty,

    /// <summary>Text only (simple type or simple content), checked against <see cref="ElementType.ValueType"/>.</summary>
    TextOnly,

    /// <summary>Child elements per the automaton; text other than whitespace refused.</summary>
    ElementOnly,

    /// <summary>Child elements per the automaton; any text.</summary>
    Mixed,

    /// <summary>Mixed content without any particle: text only, every child element refused.</summary>
    MixedWithoutParticle,

    /// <summary>xsd:anyType: any text and any child element, children not validated.</summary>
    Any,
}

/// <summary>XSD whitespace processing of a simple type.</summary>
internal enum WhiteSpace : byte
{
    /// <summary>Kept as is.</summary>
    Preserve,

    /// <summary>Tabs and line ends become spaces.</summary>
    Replace,

    /// <summary>As replace, then runs of spaces merged and the ends trimmed.</summary>
    Collapse,
}

/// <summary>Which namespaces a wildcard admits.</summary>
internal enum WildcardKind : byte
{
    /// <summary>##any.</summary>
    Any,

    /// <summary>##other: neither the target namespace nor no namespace.</summary>
    Other,

    /// <summary>An explicit list (##local is the empty namespace, ##targetNamespace the target).</summary>
    List,
}

/// <summary>An element or attribute name: namespace and local name.</summary>
internal readonly record struct QualifiedName(string Namespace, string Local);

/// <summary>
/// A simple type, compiled: the built-in type it derives from (whose lexical space the runtime's own datatype checks),
/// the whitespace rule and the facets of the XSD restriction chain.
/// </summary>
internal sealed record SimpleType(
    string Name,
    XmlTypeCode BuiltIn,
    WhiteSpace WhiteSpace,
    int Length,
    int MinLength,
    int MaxLength,
    string[] Patterns,
    string[] Enumeration,
    XmlTokenizedType Tokenized);

/// <summary>An attribute a complex type declares.</summary>
internal readonly record struct AttributeUse(int Name, int Type, bool Required, string? Fixed);

/// <summary>An xsd:any or xsd:anyAttribute.</summary>
internal sealed record Wildcard(WildcardKind Kind, string TargetNamespace, string[] Namespaces, XmlSchemaContentProcessing Process)
{
    /// <summary>True when a name in <paramref name="namespaceUri"/> matches the wildcard.</summary>
    public bool Admits(string namespaceUri) => Kind switch
    {
        WildcardKind.Any => true,
        WildcardKind.Other => namespaceUri.Length != 0 && !string.Equals(namespaceUri, TargetNamespace, StringComparison.Ordinal),
        _ => Array.IndexOf(Namespaces, namespaceUri) >= 0,
    };
}

/// <summary>
/// The type of an element: its content kind, attributes and, for element content, a deterministic automaton over
/// the child element names. Symbols are the element names of the content model (each bound to its local
/// declaration) followed by its wildcards; <see cref="Transitions"/> holds, for each state and symbol, the next state or -1.
/// </summary>
internal sealed record ElementType(
    string Name,
    int BaseType,
    ContentKind Content,
    int ValueType,
    AttributeUse[] Attributes,
    int AnyAttribute,
    int[] SymbolNames,
    int[] SymbolTargets,
    int StateCount,
    int[] Transitions,
    bool[] Accepting,
    bool Abstract)
{
    /// <summary>Number of symbols: element names first, then wildcards (whose <see cref="SymbolNames"/> entry is -1).</summary>
    public int SymbolCount => SymbolNames.Length;
}

/// <summary>An element declaration: its name and type.</summary>
internal readonly record struct ElementDeclaration(int Name, int Type, bool Nillable);

/// <summary>
/// The compiled form of an XSD schema set (UBL 2.1 or CII D16B), produced from the schemas by the schema model
/// compiler of the tests and embedded in the assembly, so that no XSD is parsed or compiled at run time.
/// </summary>
internal sealed class CompiledSchema
{
    private const string Magic = "CXSM1";

    public required QualifiedName[] Names { get; init; }

    public required SimpleType[] SimpleTypes { get; init; }

    public required ElementType[] Types { get; init; }

    public required ElementDeclaration[] Elements { get; init; }

    public required Wildcard[] Wildcards { get; init; }

    /// <summary>Global element declarations: name index to element index.</summary>
    public required Dictionary<int, int> GlobalElements { get; init; }

    /// <summary>Named types (for xsi:type): name index to type index.</summary>
    public required Dictionary<int, int> NamedTypes { get; init; }

    /// <summary>The attributes of the xml namespace (xml:lang, xml:space...): name index to simple type index.</summary>
    public required Dictionary<int, int> XmlAttributes { get; init; }

    /// <summary>Writes the model (deterministic: the same model gives the same bytes).</summary>
    public void Write(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write7BitEncodedInt(Names.Length);
        foreach (var n in Names)
        {
            w.Write(n.Namespace);
            w.Write(n.Local);
        }

        w.Write7BitEncodedInt(SimpleTypes.Length);
        foreach (var t in SimpleTypes)
        {
            w.Write(t.Name);
            w.Write((byte)t.BuiltIn);
            w.Write((byte)t.WhiteSpace);
            w.Write7BitEncodedInt(t.Length);
            w.Write7BitEncodedInt(t.MinLength);
            w.Write7BitEncodedInt(t.MaxLength);
            WriteStrings(w, t.Patterns);
            WriteStrings(w, t.Enumeration);
            w.Write((byte)t.Tokenized);
        }

        w.Write7BitEncodedInt(Wildcards.Length);
        foreach (var c in Wildcards)
        {
            w.Write((byte)c.Kind);
            w.Write(c.TargetNamespace);
            WriteStrings(w, c.Namespaces);
            w.Write((byte)c.Process);
        }

        w.Write7BitEncodedInt(Types.Length);
        foreach (var t in Types)
        {
            w.Write(t.Name);
            w.Write7BitEncodedInt(t.BaseType);
            w.Write((byte)t.Content);
            w.Write7BitEncodedInt(t.ValueType);
            w.Write7BitEncodedInt(t.Attributes.Length);
            foreach (var a in t.Attributes)
            {
                w.Write7BitEncodedInt(a.Name);
                w.Write7BitEncodedInt(a.Type);
                w.Write(a.Required);
                w.Write(a.Fixed is not null);
                if (a.Fixed is not null)
                {
                    w.Write(a.Fixed);
                }
            }

            w.Write7BitEncodedInt(t.AnyAttribute);
            WriteInts(w, t.SymbolNames);
            WriteInts(w, t.SymbolTargets);
            w.Write7BitEncodedInt(t.StateCount);
            WriteInts(w, t.Transitions);
            foreach (var a in t.Accepting)
            {
                w.Write(a);
            }

            w.Write(t.Abstract);
        }

        w.Write7BitEncodedInt(Elements.Length);
        foreach (var e in Elements)
        {
            w.Write7BitEncodedInt(e.Name);
            w.Write7BitEncodedInt(e.Type);
            w.Write(e.Nillable);
        }

        WriteMap(w, GlobalElements);
        WriteMap(w, NamedTypes);
        WriteMap(w, XmlAttributes);
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    public static CompiledSchema Read(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != Magic)
        {
            throw new InvalidDataException("Not a compiled schema model.");
        }

        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string s) => strings.TryGetValue(s, out var known) ? known : strings[s] = s;

        var names = new QualifiedName[r.Read7BitEncodedInt()];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = new QualifiedName(Shared(r.ReadString()), r.ReadString());
        }

        var simpleTypes = new SimpleType[r.Read7BitEncodedInt()];
        for (var i = 0; i < simpleTypes.Length; i++)
        {
            simpleTypes[i] = new SimpleType(
                r.ReadString(),
                (XmlTypeCode)r.ReadByte(),
                (WhiteSpace)r.ReadByte(),
                r.Read7BitEncodedInt(),
                r.Read7BitEncodedInt(),
                r.Read7BitEncodedInt(),
                ReadStrings(r),
                ReadStrings(r),
                (XmlTokenizedType)r.ReadByte());
        }

        var wildcards = new Wildcard[r.Read7BitEncodedInt()];
        for (var i = 0; i < wildcards.Length; i++)
        {
            wildcards[i] = new Wildcard((WildcardKind)r.ReadByte(), r.ReadString(), ReadStrings(r), (XmlSchemaContentProcessing)r.ReadByte());
        }

        var types = new ElementType[r.Read7BitEncodedInt()];
        for (var i = 0; i < types.Length; i++)
        {
            var name = r.ReadString();
            var baseType = r.Read7BitEncodedInt();
            var content = (ContentKind)r.ReadByte();
            var valueType = r.Read7BitEncodedInt();
            var attributes = new AttributeUse[r.Read7BitEncodedInt()];
            for (var a = 0; a < attributes.Length; a++)
            {
                attributes[a] = new AttributeUse(r.Read7BitEncodedInt(), r.Read7BitEncodedInt(), r.ReadBoolean(), r.ReadBoolean() ? r.ReadString() : null);
            }

            var anyAttribute = r.Read7BitEncodedInt();
            var symbolNames = ReadInts(r);
            var symbolTargets = ReadInts(r);
            var stateCount = r.Read7BitEncodedInt();
            var transitions = ReadInts(r);
            var accepting = new bool[stateCount];
            for (var s = 0; s < stateCount; s++)
            {
                accepting[s] = r.ReadBoolean();
            }

            types[i] = new ElementType(name, baseType, content, valueType, attributes, anyAttribute, symbolNames, symbolTargets, stateCount, transitions, accepting, r.ReadBoolean());
        }

        var elements = new ElementDeclaration[r.Read7BitEncodedInt()];
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = new ElementDeclaration(r.Read7BitEncodedInt(), r.Read7BitEncodedInt(), r.ReadBoolean());
        }

        return new CompiledSchema
        {
            Names = names,
            SimpleTypes = simpleTypes,
            Types = types,
            Elements = elements,
            Wildcards = wildcards,
            GlobalElements = ReadMap(r),
            NamedTypes = ReadMap(r),
            XmlAttributes = ReadMap(r),
        };
    }

    // -1 ("none") is stored as 0 and every index shifted by one, so that 7-bit encoding stays short.
    private static void WriteIndex(BinaryWriter w, int value) => w.Write7BitEncodedInt(value + 1);

    private static void WriteInts(BinaryWriter w, int[] values)
    {
        w.Write7BitEncodedInt(values.Length);
        foreach (var v in values)
        {
            WriteIndex(w, v);
        }
    }

    private static int[] ReadInts(BinaryReader r)
    {
        var values = new int[r.Read7BitEncodedInt()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.Read7BitEncodedInt() - 1;
        }

        return values;
    }

    private static void WriteStrings(BinaryWriter w, string[] values)
    {
        w.Write7BitEncodedInt(values.Length);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        var values = new string[r.Read7BitEncodedInt()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadString();
        }

        return values;
    }

    private static void WriteMap(BinaryWriter w, Dictionary<int, int> map)
    {
        w.Write7BitEncodedInt(map.Count);
        foreach (var (k, v) in map.OrderBy(p => p.Key))
        {
            w.Write7BitEncodedInt(k);
            w.Write7BitEncodedInt(v);
        }
    }

    private static Dictionary<int, int> ReadMap(BinaryReader r)
    {
        var count = r.Read7BitEncodedInt();
        var map = new Dictionary<int, int>(count);
        for (var i = 0; i < count; i++)
        {
            map.Add(r.Read7BitEncodedInt(), r.Read7BitEncodedInt());
        }

        return map;
    }
}
