using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Schema;
using Cantate.Invoicing.Validation.SchemaModel;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>
/// Turns a compiled <see cref="XmlSchemaSet"/> into the product's <see cref="CompiledSchema"/>: every type reachable
/// from the global elements, content models as deterministic automata (positions of the particle tree, then subsets),
/// simple types as their built-in type plus the facets System.Xml compiled. Facets are read from the compiled
/// datatypes (non-public members) so that patterns and enumerations are exactly those the oracle checks. Any schema
/// feature the runtime validator does not implement (fixed values, substitution groups, lists...) stops the
/// compiler, so that the model can never silently check less than the schemas say.
/// </summary>
internal sealed class SchemaModelCompiler
{
    private readonly List<QualifiedName> names = [];
    private readonly Dictionary<QualifiedName, int> nameIndex = [];
    private readonly List<SimpleType> simpleTypes = [];
    private readonly Dictionary<string, int> simpleTypeIndex = new(StringComparer.Ordinal);
    private readonly List<ElementType?> types = [];
    private readonly Dictionary<XmlSchemaType, int> typeIndex = new(ReferenceEqualityComparer.Instance);
    private readonly List<ElementDeclaration> elements = [];
    private readonly Dictionary<(XmlQualifiedName, XmlSchemaType), int> elementIndex = [];
    private readonly List<Wildcard> wildcards = [];
    private readonly Dictionary<string, int> wildcardIndex = new(StringComparer.Ordinal);
    private readonly Queue<(XmlSchemaType Type, int Index)> pending = new();

    private SchemaModelCompiler()
    {
    }

    public static CompiledSchema Compile(XmlSchemaSet set)
    {
        var compiler = new SchemaModelCompiler();
        return compiler.Run(set);
    }

    private CompiledSchema Run(XmlSchemaSet set)
    {
        if (set.GlobalAttributes.Count != 0)
        {
            throw new NotSupportedException("Global attribute declarations are not supported by the schema model.");
        }

        var globals = new Dictionary<int, int>();
        foreach (var element in set.GlobalElements.Values.Cast<XmlSchemaElement>().OrderBy(e => e.QualifiedName.ToString(), StringComparer.Ordinal))
        {
            globals.Add(Name(element.QualifiedName), Element(element));
        }

        var named = new Dictionary<int, int>();
        foreach (var type in set.GlobalTypes.Values.Cast<XmlSchemaType>().OrderBy(t => t.QualifiedName.ToString(), StringComparer.Ordinal))
        {
            named.Add(Name(type.QualifiedName), Type(type));
        }

        Drain();
        var xmlAttributes = new Dictionary<int, int>();
        foreach (var attribute in XmlNamespaceAttributes())
        {
            xmlAttributes.Add(Name(attribute.QualifiedName), Simple(attribute.AttributeSchemaType!.Datatype!, attribute.AttributeSchemaType));
        }

        return new CompiledSchema
        {
            Names = [.. names],
            SimpleTypes = [.. simpleTypes],
            Types = [.. types.Select(t => t!)],
            Elements = [.. elements],
            Wildcards = [.. wildcards],
            GlobalElements = globals,
            NamedTypes = named,
            XmlAttributes = xmlAttributes,
        };
    }

    /// <summary>The xml:lang, xml:space... declarations System.Xml validates with <c>AllowXmlAttributes</c> (its built-in xml.xsd).</summary>
    private static IEnumerable<XmlSchemaAttribute> XmlNamespaceAttributes()
    {
        var preprocessor = typeof(XmlSchema).Assembly.GetType("System.Xml.Schema.Preprocessor", throwOnError: true)!;
        var method = preprocessor.GetMethod("GetBuildInSchema", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new MissingMethodException("Preprocessor.GetBuildInSchema");
        var schema = (XmlSchema)method.Invoke(null, null)!;
        var set = new XmlSchemaSet();
        set.Add(schema);
        set.Compile();
        return set.GlobalAttributes.Values.Cast<XmlSchemaAttribute>().OrderBy(a => a.QualifiedName.ToString(), StringComparer.Ordinal);
    }

    private void Drain()
    {
        while (pending.TryDequeue(out var item))
        {
            types[item.Index] = Build(item.Type);
        }
    }

    private int Name(XmlQualifiedName name) => Name(new QualifiedName(name.Namespace, name.Name));

    private int Name(QualifiedName name)
    {
        if (!nameIndex.TryGetValue(name, out var index))
        {
            index = names.Count;
            names.Add(name);
            nameIndex.Add(name, index);
        }

        return index;
    }

    private int Element(XmlSchemaElement element)
    {
        if (element.FixedValue is not null || element.DefaultValue is not null)
        {
            throw new NotSupportedException($"Element {element.QualifiedName}: fixed and default values are not supported.");
        }

        if (element.IsAbstract || !element.SubstitutionGroup.IsEmpty)
        {
            throw new NotSupportedException($"Element {element.QualifiedName}: abstract elements and substitution groups are not supported.");
        }

        if (element.IsNillable)
        {
            throw new NotSupportedException($"Element {element.QualifiedName}: nillable elements are not supported.");
        }

        if (element.Constraints.Count != 0)
        {
            throw new NotSupportedException($"Element {element.QualifiedName}: identity constraints are not supported.");
        }

        var type = element.ElementSchemaType ?? throw new InvalidOperationException($"Element {element.QualifiedName} has no type.");
        var key = (element.QualifiedName, type);
        if (!elementIndex.TryGetValue(key, out var index))
        {
            index = elements.Count;
            elementIndex.Add(key, index);
            elements.Add(new ElementDeclaration(Name(element.QualifiedName), Type(type), element.IsNillable));
        }

        return index;
    }

    private int Type(XmlSchemaType type)
    {
        if (!typeIndex.TryGetValue(type, out var index))
        {
            index = types.Count;
            types.Add(null);
            typeIndex.Add(type, index);
            pending.Enqueue((type, index));
        }

        return index;
    }

    private static bool IsAnyType(XmlSchemaType type) => type.QualifiedName == new XmlQualifiedName("anyType", XmlSchema.Namespace);

    private static string TypeName(XmlSchemaType type) =>
        type.QualifiedName.IsEmpty ? "(anonymous " + type.TypeCode.ToString() + ")" : type.QualifiedName.ToString();

    private ElementType Build(XmlSchemaType type)
    {
        var baseType = type.BaseXmlSchemaType is { } b && !IsAnyType(b) && b is not XmlSchemaSimpleType { QualifiedName.Namespace: XmlSchema.Namespace }
            ? Type(b)
            : -1;
        var name = TypeName(type);
        if (type is XmlSchemaSimpleType simple)
        {
            return new ElementType(name, baseType, ContentKind.TextOnly, Simple(simple.Datatype!, simple), [], -1, [], [], 1, [], [true], false);
        }

        var complex = (XmlSchemaComplexType)type;
        if (IsAnyType(complex))
        {
            return new ElementType(name, -1, ContentKind.Any, -1, [], -1, [], [], 1, [], [true], false);
        }

        var isAbstract = complex.IsAbstract;
        var attributes = new List<AttributeUse>();
        foreach (var attribute in complex.AttributeUses.Values.Cast<XmlSchemaAttribute>().OrderBy(a => a.QualifiedName.ToString(), StringComparer.Ordinal))
        {
            if (attribute.Use == XmlSchemaUse.Prohibited)
            {
                continue;
            }

            // A default value only fills the value in (no check); a fixed one is compared with the value given, as
            // normalized strings, which is the typed comparison for the string types it is allowed on.
            var attributeType = attribute.AttributeSchemaType!;
            if (attribute.FixedValue is not null && !IsStringFamily(attributeType.Datatype!.TypeCode))
            {
                throw new NotSupportedException($"Type {name}, attribute {attribute.QualifiedName}: fixed values of {attributeType.Datatype.TypeCode} are not supported.");
            }

            var valueType = Simple(attributeType.Datatype!, attributeType);
            var fixedValue = attribute.FixedValue is null ? null : SimpleValues.Normalize(attribute.FixedValue, simpleTypes[valueType].WhiteSpace);
            attributes.Add(new AttributeUse(Name(attribute.QualifiedName), valueType, attribute.Use == XmlSchemaUse.Required, fixedValue));
        }

        var anyAttribute = complex.AttributeWildcard is { } w ? Wildcard(w.Namespace, w.ProcessContents, w) : -1;
        switch (complex.ContentType)
        {
            case XmlSchemaContentType.TextOnly:
                return new ElementType(name, baseType, ContentKind.TextOnly, Simple(complex.Datatype!, null), [.. attributes], anyAttribute, [], [], 1, [], [true], isAbstract);
            case XmlSchemaContentType.Empty:
                return new ElementType(name, baseType, ContentKind.Empty, -1, [.. attributes], anyAttribute, [], [], 1, [], [true], isAbstract);
        }

        var particle = complex.ContentTypeParticle;
        var mixed = complex.ContentType == XmlSchemaContentType.Mixed;
        var expression = particle is null ? null : Expression(particle);
        if (expression is null)
        {
            return new ElementType(name, baseType, mixed ? ContentKind.MixedWithoutParticle : ContentKind.Empty, -1, [.. attributes], anyAttribute, [], [], 1, [], [true], isAbstract);
        }

        var automaton = Automaton.Build(expression, name);
        return new ElementType(
            name,
            baseType,
            mixed ? ContentKind.Mixed : ContentKind.ElementOnly,
            -1,
            [.. attributes],
            anyAttribute,
            automaton.SymbolNames,
            automaton.SymbolTargets,
            automaton.StateCount,
            automaton.Transitions,
            automaton.Accepting,
            isAbstract);
    }

    private int Wildcard(string? namespaces, XmlSchemaContentProcessing process, XmlSchemaObject owner)
    {
        var targetNamespace = TargetNamespaceOf(owner);
        var tokens = (namespaces ?? "##any").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        WildcardKind kind;
        string[] list = [];
        if (tokens is ["##any"])
        {
            kind = WildcardKind.Any;
        }
        else if (tokens is ["##other"])
        {
            kind = WildcardKind.Other;
        }
        else
        {
            kind = WildcardKind.List;
            list = [.. tokens.Select(t => t switch { "##local" => string.Empty, "##targetNamespace" => targetNamespace, _ => t }).Distinct().Order(StringComparer.Ordinal)];
        }

        var wildcard = new Wildcard(kind, kind == WildcardKind.Other ? targetNamespace : string.Empty, list, process == XmlSchemaContentProcessing.None ? XmlSchemaContentProcessing.Strict : process);
        var key = $"{wildcard.Kind}|{wildcard.TargetNamespace}|{string.Join(' ', wildcard.Namespaces)}|{wildcard.Process}";
        if (!wildcardIndex.TryGetValue(key, out var index))
        {
            index = wildcards.Count;
            wildcards.Add(wildcard);
            wildcardIndex.Add(key, index);
        }

        return index;
    }

    private static string TargetNamespaceOf(XmlSchemaObject o)
    {
        for (var p = o; p is not null; p = p.Parent)
        {
            if (p is XmlSchema schema)
            {
                return schema.TargetNamespace ?? string.Empty;
            }
        }

        return string.Empty;
    }

    /// <summary>A particle as a regular expression over positions (element declarations and wildcards).</summary>
    private Node? Expression(XmlSchemaParticle particle)
    {
        Node? Inner()
        {
            switch (particle)
            {
                case XmlSchemaElement element:
                    return new Leaf(Name(element.QualifiedName), Element(element), -1);
                case XmlSchemaAny any:
                    return new Leaf(-1, -1, Wildcard(any.Namespace, any.ProcessContents, any));
                case XmlSchemaSequence sequence:
                    {
                        var items = sequence.Items.Cast<XmlSchemaParticle>().Select(Expression).OfType<Node>().ToList();
                        return items.Count == 0 ? null : new Sequence(items);
                    }

                case XmlSchemaChoice choice:
                    {
                        var items = choice.Items.Cast<XmlSchemaParticle>().Select(Expression).OfType<Node>().ToList();
                        return items.Count == 0 ? null : new Choice(items);
                    }

                case XmlSchemaGroupRef group:
                    return group.Particle is null ? null : Expression(group.Particle);
                default:
                    throw new NotSupportedException($"Particle {particle.GetType().Name} is not supported by the schema model.");
            }
        }

        if (particle.GetType().Name == "EmptyParticle" || particle.MaxOccurs == 0)
        {
            return null;
        }

        var inner = Inner();
        if (inner is null)
        {
            return null;
        }

        var min = (int)particle.MinOccurs;
        var unbounded = particle.MaxOccurs == decimal.MaxValue;
        var max = unbounded ? min : (int)particle.MaxOccurs;
        if (min > 50 || max > 50)
        {
            throw new NotSupportedException("Occurrence bounds above 50 are not supported by the schema model.");
        }

        var parts = new List<Node>();
        for (var i = 0; i < min; i++)
        {
            parts.Add(i == 0 ? inner : inner.Copy());
        }

        if (unbounded)
        {
            parts.Add(new Star(min == 0 ? inner : inner.Copy()));
        }
        else
        {
            for (var i = min; i < max; i++)
            {
                parts.Add(new Optional(i == 0 ? inner : inner.Copy()));
            }
        }

        return parts.Count == 1 ? parts[0] : new Sequence(parts);
    }

    /// <summary>A simple type from a compiled datatype; identical ones share an index.</summary>
    private int Simple(XmlSchemaDatatype datatype, XmlSchemaType? type)
    {
        if (datatype.Variety != XmlSchemaDatatypeVariety.Atomic)
        {
            throw new NotSupportedException($"Simple type {type?.QualifiedName}: list and union types are not supported.");
        }

        var builtIn = datatype.TypeCode;
        if (builtIn is XmlTypeCode.QName or XmlTypeCode.Notation or XmlTypeCode.AnyAtomicType or XmlTypeCode.None or XmlTypeCode.Entity)
        {
            throw new NotSupportedException($"Simple type {type?.QualifiedName}: built-in type {builtIn} is not supported.");
        }

        var restriction = Member(datatype, "Restriction");
        var flags = restriction is null ? 0 : Convert.ToInt32(Member(restriction, "Flags"), System.Globalization.CultureInfo.InvariantCulture);
        // RestrictionFlags: Length 1, MinLength 2, MaxLength 4, Pattern 8, Enumeration 16, WhiteSpace 32; the numeric facets above are refused.
        if ((flags & ~63) != 0)
        {
            throw new NotSupportedException($"Simple type {type?.QualifiedName}: numeric facets (flags {flags}) are not supported.");
        }

        var whiteSpace = builtIn switch
        {
            XmlTypeCode.String => WhiteSpace.Preserve,
            XmlTypeCode.NormalizedString => WhiteSpace.Replace,
            _ => WhiteSpace.Collapse,
        };
        if ((flags & 32) != 0)
        {
            whiteSpace = (WhiteSpace)Convert.ToInt32(Member(restriction!, "WhiteSpace"), System.Globalization.CultureInfo.InvariantCulture);
        }

        var patterns = (flags & 8) != 0
            ? ((IEnumerable)Member(restriction!, "Patterns")!).Cast<Regex>().Select(r => r.ToString()).ToArray()
            : [];
        string[] enumeration = [];
        if ((flags & 16) != 0)
        {
            if (!IsStringFamily(builtIn))
            {
                throw new NotSupportedException($"Simple type {type?.QualifiedName}: enumerations of {builtIn} are not supported.");
            }

            enumeration = [.. ((IEnumerable)Member(restriction!, "Enumeration")!).Cast<object>().Select(v => (string)v)];
        }

        if ((flags & 7) != 0 && !IsStringFamily(builtIn) && builtIn is not (XmlTypeCode.Base64Binary or XmlTypeCode.HexBinary or XmlTypeCode.AnyUri))
        {
            throw new NotSupportedException($"Simple type {type?.QualifiedName}: length facets on {builtIn} are not supported.");
        }

        int Int(string member, int flag) => (flags & flag) != 0 ? Convert.ToInt32(Member(restriction!, member), System.Globalization.CultureInfo.InvariantCulture) : -1;
        var name = type is not null && !type.QualifiedName.IsEmpty ? type.QualifiedName.ToString() : "xsd:" + XmlSchemaType.GetBuiltInSimpleType(builtIn)!.QualifiedName.Name;
        var simple = new SimpleType(name, builtIn, whiteSpace, Int("Length", 1), Int("MinLength", 2), Int("MaxLength", 4), patterns, enumeration, datatype.TokenizedType);
        var key = string.Join('\u0001', simple.Name, simple.BuiltIn, simple.WhiteSpace, simple.Length, simple.MinLength, simple.MaxLength, string.Join('\u0002', simple.Patterns), string.Join('\u0002', simple.Enumeration), simple.Tokenized);
        if (!simpleTypeIndex.TryGetValue(key, out var index))
        {
            index = simpleTypes.Count;
            simpleTypes.Add(simple);
            simpleTypeIndex.Add(key, index);
        }

        return index;
    }

    private static bool IsStringFamily(XmlTypeCode code) => code is XmlTypeCode.String or XmlTypeCode.NormalizedString or XmlTypeCode.Token
        or XmlTypeCode.Language or XmlTypeCode.NmToken or XmlTypeCode.Name or XmlTypeCode.NCName or XmlTypeCode.Id or XmlTypeCode.Idref;

    private static object? Member(object target, string name)
    {
        const BindingFlags All = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        for (var t = target.GetType(); t is not null; t = t.BaseType)
        {
            if (t.GetField(name, All) is { } field)
            {
                return field.GetValue(target);
            }

            if (t.GetProperty(name, All) is { } property)
            {
                return property.GetValue(target);
            }
        }

        throw new MissingMemberException(target.GetType().FullName, name);
    }

    private abstract class Node
    {
        public abstract Node Copy();
    }

    private sealed class Leaf(int name, int element, int wildcard) : Node
    {
        public int NameIndex { get; } = name;

        public int ElementIndex { get; } = element;

        public int WildcardIndex { get; } = wildcard;

        public override Node Copy() => new Leaf(NameIndex, ElementIndex, WildcardIndex);
    }

    private sealed class Sequence(List<Node> items) : Node
    {
        public List<Node> Items { get; } = items;

        public override Node Copy() => new Sequence([.. Items.Select(i => i.Copy())]);
    }

    private sealed class Choice(List<Node> items) : Node
    {
        public List<Node> Items { get; } = items;

        public override Node Copy() => new Choice([.. Items.Select(i => i.Copy())]);
    }

    private sealed class Star(Node inner) : Node
    {
        public Node Inner { get; } = inner;

        public override Node Copy() => new Star(Inner.Copy());
    }

    private sealed class Optional(Node inner) : Node
    {
        public Node Inner { get; } = inner;

        public override Node Copy() => new Optional(Inner.Copy());
    }

    /// <summary>Glushkov construction (positions, first, last, follow) followed by the subset construction.</summary>
    private sealed class Automaton
    {
        private readonly List<Leaf> positions = [];
        private readonly List<HashSet<int>> follow = [];

        public int[] SymbolNames { get; private init; } = [];

        public int[] SymbolTargets { get; private init; } = [];

        public int StateCount { get; private init; }

        public int[] Transitions { get; private init; } = [];

        public bool[] Accepting { get; private init; } = [];

        private Automaton()
        {
        }

        private Automaton(Automaton builder)
        {
            positions = builder.positions;
            follow = builder.follow;
        }

        public static Automaton Build(Node root, string typeName)
        {
            var a = new Automaton();
            var (nullable, first, last) = a.Walk(root);

            // Symbols: element names, then wildcards.
            // Symbols in schema order (of their first position), so that messages list expected elements as the schema does.
            var elementSymbols = a.positions.Where(p => p.NameIndex >= 0).GroupBy(p => p.NameIndex).ToList();
            foreach (var g in elementSymbols)
            {
                if (g.Select(p => p.ElementIndex).Distinct().Count() > 1)
                {
                    throw new NotSupportedException($"Type {typeName}: one name bound to two declarations in a content model.");
                }
            }

            var wildcardSymbols = a.positions.Where(p => p.NameIndex < 0).Select(p => p.WildcardIndex).Distinct().Order().ToList();
            var symbolNames = elementSymbols.Select(g => g.Key).Concat(wildcardSymbols.Select(_ => -1)).ToArray();
            var symbolTargets = elementSymbols.Select(g => g.First().ElementIndex).Concat(wildcardSymbols).ToArray();
            int SymbolOf(Leaf p) => p.NameIndex >= 0
                ? elementSymbols.FindIndex(g => g.Key == p.NameIndex)
                : elementSymbols.Count + wildcardSymbols.IndexOf(p.WildcardIndex);

            var states = new List<SortedSet<int>>();
            var stateIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var accepting = new List<bool>();
            var transitions = new List<int[]>();
            static string Key(SortedSet<int> s) => string.Join(',', s);

            int Add(SortedSet<int> set, bool isAccepting)
            {
                var key = Key(set);
                if (!stateIndex.TryGetValue(key, out var i))
                {
                    i = states.Count;
                    states.Add(set);
                    stateIndex.Add(key, i);
                    accepting.Add(isAccepting);
                    transitions.Add([.. Enumerable.Repeat(-1, symbolNames.Length)]);
                }

                return i;
            }

            // State 0 is the start (before any child): its "follow" is first(root).
            Add(new SortedSet<int>([-1]), nullable);
            for (var s = 0; s < states.Count; s++)
            {
                var reachable = states[s].Contains(-1) ? first : states[s].SelectMany(p => a.follow[p]).ToHashSet();
                foreach (var group in reachable.GroupBy(p => SymbolOf(a.positions[p])))
                {
                    var target = new SortedSet<int>(group);
                    transitions[s][group.Key] = Add(target, target.Overlaps(last));
                }
            }

            return new Automaton(a)
            {
                SymbolNames = symbolNames,
                SymbolTargets = symbolTargets,
                StateCount = states.Count,
                Transitions = [.. transitions.SelectMany(t => t)],
                Accepting = [.. accepting],
            };
        }

        private (bool Nullable, HashSet<int> First, HashSet<int> Last) Walk(Node node)
        {
            switch (node)
            {
                case Leaf leaf:
                    {
                        var p = positions.Count;
                        positions.Add(leaf);
                        follow.Add([]);
                        return (false, [p], [p]);
                    }

                case Sequence sequence:
                    {
                        var nullable = true;
                        var first = new HashSet<int>();
                        var last = new HashSet<int>();
                        foreach (var item in sequence.Items)
                        {
                            var (n, f, l) = Walk(item);
                            foreach (var p in last)
                            {
                                follow[p].UnionWith(f);
                            }

                            if (nullable)
                            {
                                first.UnionWith(f);
                            }

                            if (n)
                            {
                                last.UnionWith(l);
                            }
                            else
                            {
                                last = [.. l];
                            }

                            nullable &= n;
                        }

                        return (nullable, first, last);
                    }

                case Choice choice:
                    {
                        var nullable = false;
                        var first = new HashSet<int>();
                        var last = new HashSet<int>();
                        foreach (var item in choice.Items)
                        {
                            var (n, f, l) = Walk(item);
                            nullable |= n;
                            first.UnionWith(f);
                            last.UnionWith(l);
                        }

                        return (nullable, first, last);
                    }

                case Star star:
                    {
                        var (_, f, l) = Walk(star.Inner);
                        foreach (var p in l)
                        {
                            follow[p].UnionWith(f);
                        }

                        return (true, f, l);
                    }

                case Optional optional:
                    {
                        var (_, f, l) = Walk(optional.Inner);
                        return (true, f, l);
                    }

                default:
                    throw new InvalidOperationException();
            }
        }
    }
}
