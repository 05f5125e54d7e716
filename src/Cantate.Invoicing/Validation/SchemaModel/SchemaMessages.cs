using System.Globalization;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Cantate.Invoicing.Validation.SchemaModel;

/// <summary>
/// The findings of schema validation: rule ids are the Xerces codes of the XML Schema recommendation (prefixed
/// <c>XSD-</c>, as the official validators report them); messages, in French and English, name the element, what was
/// found and what was expected, and start with "Schéma XSD" / "XSD schema" so that users see where they come from.
/// </summary>
internal static class SchemaMessages
{
    private const string Fr = "Schéma XSD : ";
    private const string En = "XSD schema: ";
    private const int MaxListed = 8;

    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        ["urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"] = "ubl",
        ["urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"] = "ubl",
        ["urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"] = "cac",
        ["urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"] = "cbc",
        ["urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"] = "ext",
        ["urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2"] = "sig",
        ["urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2"] = "sac",
        ["urn:oasis:names:specification:ubl:schema:xsd:SignatureBasicComponents-2"] = "sbc",
        ["http://www.w3.org/2000/09/xmldsig#"] = "ds",
        ["http://uri.etsi.org/01903/v1.3.2#"] = "xades",
        ["http://uri.etsi.org/01903/v1.4.1#"] = "xades141",
        ["urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"] = "rsm",
        ["urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"] = "ram",
        ["urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"] = "udt",
        ["urn:un:unece:uncefact:data:standard:QualifiedDataType:100"] = "qdt",
        ["http://www.w3.org/XML/1998/namespace"] = "xml",
        [XmlSchema.InstanceNamespace] = "xsi",
    };

    // symbol: the symbol the child's name has in the parent's content model, or -1 when it is none of its elements.
    public static IEnumerable<Finding> UnexpectedChild(CompiledSchema model, ElementType parentType, int state, int symbol, XElement parent, XElement child)
    {
        var found = Display(child.Name);
        var inParent = Display(parent.Name);
        var missing = symbol >= 0 ? MissingBefore(parentType, state, symbol) : null;
        string fr, en;
        if (missing is { Count: > 0 })
        {
            var names = missing.Select(s => SymbolName(model, parentType, s)).ToList();
            fr = names.Count == 1
                ? $"l'élément {names[0]} est attendu avant {found} dans {inParent}."
                : $"les éléments {List(names, "et")} sont attendus, dans cet ordre, avant {found} dans {inParent}.";
            en = names.Count == 1
                ? $"element {names[0]} is expected before {found} in {inParent}."
                : $"elements {List(names, "and")} are expected, in this order, before {found} in {inParent}.";
        }
        else
        {
            var expected = Expected(model, parentType, state);
            var where = symbol >= 0
                ? ("n'est pas permis à cet endroit (déjà présent, ou placé après des éléments qui doivent le suivre)", "is not allowed at this point (already present, or placed after elements that must follow it)")
                : ("n'est pas un élément permis", "is not an element allowed");
            fr = expected.Count == 0
                ? $"l'élément {found} {where.Item1} dans {inParent} ; aucun autre élément n'y est permis à cet endroit."
                : $"l'élément {found} {where.Item1} dans {inParent} ; attendu ici : {List(expected, "ou")}{(parentType.Accepting[state] ? string.Empty : " (l'un d'eux est obligatoire)")}.";
            en = expected.Count == 0
                ? $"element {found} {where.Item2} in {inParent}; no further element is allowed at this point."
                : $"element {found} {where.Item2} in {inParent}; expected here: {List(expected, "or")}{(parentType.Accepting[state] ? string.Empty : " (one of them is required)")}.";
        }

        return Findings(child, fr, en, "cvc-complex-type.2.4.a");
    }

    /// <summary>
    /// The shortest run of elements that, added from <paramref name="state"/>, would let <paramref name="symbol"/>
    /// come next (the required elements left out before it), or null when it cannot come later at all.
    /// </summary>
    private static List<int>? MissingBefore(ElementType type, int state, int symbol)
    {
        var previous = new (int State, int Symbol)[type.StateCount];
        Array.Fill(previous, (-1, -1));
        var queue = new Queue<int>();
        queue.Enqueue(state);
        previous[state] = (state, -1);
        while (queue.TryDequeue(out var current))
        {
            if (current != state && type.Transitions[(current * type.SymbolCount) + symbol] >= 0)
            {
                var path = new List<int>();
                for (var s = current; s != state; s = previous[s].State)
                {
                    path.Add(previous[s].Symbol);
                }

                path.Reverse();
                return path.Count <= MaxListed ? path : null;
            }

            for (var next = 0; next < type.SymbolCount; next++)
            {
                var target = type.Transitions[(current * type.SymbolCount) + next];
                if (target >= 0 && previous[target].State < 0)
                {
                    previous[target] = (current, next);
                    queue.Enqueue(target);
                }
            }
        }

        return null;
    }

    private static string SymbolName(CompiledSchema model, ElementType type, int symbol)
    {
        if (type.SymbolNames[symbol] < 0)
        {
            return model.Wildcards[type.SymbolTargets[symbol]].Kind == WildcardKind.Other ? "(élément d'un autre espace de noms / element of another namespace)" : "(tout élément / any element)";
        }

        var name = model.Names[type.SymbolNames[symbol]];
        return Display(XName.Get(name.Local, name.Namespace));
    }

    public static IEnumerable<Finding> IncompleteContent(CompiledSchema model, ElementType type, int state, XElement element)
    {
        var expected = Expected(model, type, state);
        var name = Display(element.Name);
        return expected.Count == 1
            ? Findings(element, $"il manque l'élément obligatoire {expected[0]} à la fin de {name}.", $"required element {expected[0]} is missing at the end of {name}.", "cvc-complex-type.2.4.b")
            : Findings(element, $"{name} est incomplet : il y manque à la fin l'un des éléments {List(expected, "ou")}.", $"{name} is incomplete: one of {List(expected, "or")} is missing at its end.", "cvc-complex-type.2.4.b");
    }

    public static IEnumerable<Finding> ChildInSimpleContent(ContentKind content, XElement parent, XElement child)
    {
        var name = Display(parent.Name);
        var found = Display(child.Name);
        return content == ContentKind.Empty
            ? Findings(child, $"{name} doit rester vide : l'élément {found} n'y est pas permis.", $"{name} must be empty: element {found} is not allowed in it.", "cvc-complex-type.2.3")
            : Findings(child, $"{name} ne contient que du texte : l'élément {found} n'y est pas permis.", $"{name} holds text only: element {found} is not allowed in it.", "cvc-complex-type.2.3");
    }

    public static IEnumerable<Finding> TextInElementContent(XElement element, string text, bool empty)
    {
        var name = Display(element.Name);
        var shown = Quote(text);
        return empty
            ? Findings(element, $"{name} doit rester vide, or il contient le texte {shown}.", $"{name} must be empty but contains the text {shown}.", "cvc-complex-type.2.3")
            : Findings(element, $"{name} ne contient que des éléments, pas de texte : le texte {shown} n'y est pas permis.", $"{name} holds elements only, not text: the text {shown} is not allowed in it.", "cvc-complex-type.2.3");
    }

    public static IEnumerable<Finding> InvalidElementValue(CompiledSchema model, int simpleType, ValueProblem problem, string value, XElement element)
    {
        var (fr, en) = Why(model.SimpleTypes[simpleType], problem);
        var name = Display(element.Name);
        var code = problem switch
        {
            ValueProblem.Enumeration => "cvc-enumeration-valid",
            ValueProblem.Pattern => "cvc-pattern-valid",
            _ => "cvc-datatype-valid.1.2.1",
        };
        return Findings(element, $"la valeur {Quote(value)} de {name} n'est pas valide : {fr}.", $"the value {Quote(value)} of {name} is not valid: {en}.", code, "cvc-complex-type.2.2");
    }

    public static IEnumerable<Finding> InvalidAttributeValue(CompiledSchema model, int simpleType, ValueProblem problem, string value, XAttribute attribute)
    {
        var (fr, en) = Why(model.SimpleTypes[simpleType], problem);
        var name = Display(attribute.Name);
        var owner = attribute.Parent is { } parent ? Display(parent.Name) : string.Empty;
        return Findings(attribute, $"la valeur {Quote(value)} de l'attribut {name} de {owner} n'est pas valide : {fr}.", $"the value {Quote(value)} of attribute {name} of {owner} is not valid: {en}.", "cvc-datatype-valid.1.2.1", "cvc-attribute.3");
    }

    public static IEnumerable<Finding> MissingAttribute(CompiledSchema model, int attributeName, XElement element)
    {
        var name = model.Names[attributeName];
        var shown = Display(XName.Get(name.Local, name.Namespace));
        var owner = Display(element.Name);
        return Findings(element, $"l'attribut {shown} est obligatoire sur {owner}.", $"attribute {shown} is required on {owner}.", "cvc-complex-type.4");
    }

    public static IEnumerable<Finding> UndeclaredAttribute(XAttribute attribute)
    {
        var name = Display(attribute.Name);
        var owner = attribute.Parent is { } parent ? Display(parent.Name) : string.Empty;
        return Findings(attribute, $"l'attribut {name} n'est pas permis sur {owner}.", $"attribute {name} is not allowed on {owner}.", "cvc-complex-type.3.2.2");
    }

    public static IEnumerable<Finding> UndeclaredElement(XElement element)
    {
        var name = Display(element.Name);
        return Findings(element, $"l'élément {name} n'est déclaré par aucun des schémas.", $"element {name} is declared by none of the schemas.", "cvc-elt.1.a");
    }

    public static IEnumerable<Finding> UnknownXsiAttribute(XAttribute attribute)
    {
        var name = Display(attribute.Name);
        return Findings(attribute, $"l'attribut {name} n'existe pas dans l'espace de noms xsi (seuls type, nil, schemaLocation et noNamespaceSchemaLocation existent).", $"attribute {name} does not exist in the xsi namespace (only type, nil, schemaLocation and noNamespaceSchemaLocation do).", "invalid");
    }

    public static IEnumerable<Finding> NilNotAllowed(XElement element)
    {
        var name = Display(element.Name);
        return Findings(element, $"{name} ne peut pas porter xsi:nil : le schéma ne le déclare pas annulable (nillable).", $"{name} cannot carry xsi:nil: the schema does not declare it nillable.", "invalid");
    }

    public static IEnumerable<Finding> XsiTypeInvalid(XElement element, string xsiType)
    {
        var name = Display(element.Name);
        return Findings(element, $"xsi:type={Quote(xsiType)} sur {name} ne désigne pas un type du schéma dérivé du type déclaré de l'élément.", $"xsi:type={Quote(xsiType)} on {name} does not name a schema type derived from the element's declared type.", "invalid");
    }

    public static IEnumerable<Finding> NotFixedValue(string value, string fixedValue, XAttribute attribute)
    {
        var name = Display(attribute.Name);
        return Findings(attribute, $"l'attribut {name} a la valeur {Quote(value)}, or le schéma la fixe à {Quote(fixedValue)}.", $"attribute {name} has the value {Quote(value)} but the schema fixes it to {Quote(fixedValue)}.", "invalid");
    }

    public static IEnumerable<Finding> AbstractType(XElement element)
    {
        var name = Display(element.Name);
        return Findings(element, $"le type de {name} est abstrait : l'élément doit porter un xsi:type qui désigne un type concret.", $"the type of {name} is abstract: the element must carry an xsi:type naming a concrete type.", "invalid");
    }

    public static IEnumerable<Finding> DuplicateId(string id, XObject? node) =>
        Findings(node, $"l'identifiant {Quote(id)} (type xsd:ID) est déjà utilisé dans le document.", $"identifier {Quote(id)} (type xsd:ID) is already used in the document.", "invalid");

    public static IEnumerable<Finding> UndeclaredId(string id, XObject? node) =>
        Findings(node, $"la référence {Quote(id)} (type xsd:IDREF) ne désigne aucun identifiant du document.", $"reference {Quote(id)} (type xsd:IDREF) names no identifier of the document.", "invalid");

    private static (string Fr, string En) Why(SimpleType type, ValueProblem problem)
    {
        var typeName = DisplayType(type.Name);
        return problem switch
        {
            ValueProblem.Enumeration => ($"valeurs permises : {List([.. type.Enumeration.Select(Quote)], "ou", 20)}", $"allowed values: {List([.. type.Enumeration.Select(Quote)], "or", 20)}"),
            ValueProblem.Pattern => ($"elle ne suit pas le motif du type {typeName} ({string.Join(" ; ", type.Patterns)})", $"it does not match the pattern of type {typeName} ({string.Join("; ", type.Patterns)})"),
            ValueProblem.Length => (Invariant($"le type {typeName} demande exactement {type.Length} caractères"), Invariant($"type {typeName} requires exactly {type.Length} characters")),
            ValueProblem.MinLength => (Invariant($"le type {typeName} demande au moins {type.MinLength} caractère(s)"), Invariant($"type {typeName} requires at least {type.MinLength} character(s)")),
            ValueProblem.MaxLength => (Invariant($"le type {typeName} permet au plus {type.MaxLength} caractères"), Invariant($"type {typeName} allows at most {type.MaxLength} characters")),
            _ => Lexical(type.BuiltIn, typeName),
        };
    }

    private static (string Fr, string En) Lexical(XmlTypeCode code, string typeName) => code switch
    {
        XmlTypeCode.Decimal => ($"ce n'est pas un nombre décimal (chiffres, point décimal, signe éventuel, par exemple 1234.56 ; type {typeName})", $"it is not a decimal number (digits, a decimal point, an optional sign, e.g. 1234.56; type {typeName})"),
        XmlTypeCode.Integer or XmlTypeCode.Int or XmlTypeCode.Long or XmlTypeCode.NonNegativeInteger or XmlTypeCode.PositiveInteger
            => ($"ce n'est pas un nombre entier (type {typeName})", $"it is not an integer (type {typeName})"),
        XmlTypeCode.Date => ($"ce n'est pas une date AAAA-MM-JJ (type {typeName})", $"it is not a YYYY-MM-DD date (type {typeName})"),
        XmlTypeCode.Time => ($"ce n'est pas une heure hh:mm:ss (type {typeName})", $"it is not an hh:mm:ss time (type {typeName})"),
        XmlTypeCode.DateTime => ($"ce n'est pas une date et heure AAAA-MM-JJThh:mm:ss (type {typeName})", $"it is not a YYYY-MM-DDThh:mm:ss date and time (type {typeName})"),
        XmlTypeCode.Boolean => ($"ce n'est pas un booléen (true, false, 1 ou 0 ; type {typeName})", $"it is not a boolean (true, false, 1 or 0; type {typeName})"),
        XmlTypeCode.Base64Binary => ($"ce n'est pas un contenu base64 valide (type {typeName})", $"it is not valid base64 content (type {typeName})"),
        XmlTypeCode.AnyUri => ($"ce n'est pas une URI valide (type {typeName})", $"it is not a valid URI (type {typeName})"),
        XmlTypeCode.Language => ($"ce n'est pas un code de langue (par exemple fr ou fr-FR ; type {typeName})", $"it is not a language code (e.g. fr or fr-FR; type {typeName})"),
        XmlTypeCode.Id or XmlTypeCode.Idref or XmlTypeCode.NCName => ($"ce n'est pas un nom XML sans deux-points (type {typeName})", $"it is not an XML name without a colon (type {typeName})"),
        _ => ($"elle n'est pas dans l'espace lexical du type {typeName}", $"it is outside the lexical space of type {typeName}"),
    };

    private static List<string> Expected(CompiledSchema model, ElementType type, int state)
    {
        var expected = new List<string>();
        for (var s = 0; s < type.SymbolCount; s++)
        {
            if (type.Transitions[(state * type.SymbolCount) + s] >= 0)
            {
                expected.Add(SymbolName(model, type, s));
            }
        }

        return expected;
    }

    private static string List(List<string> items, string lastSeparator, int max = MaxListed)
    {
        if (items.Count == 0)
        {
            return string.Empty;
        }

        if (items.Count > max)
        {
            return string.Join(", ", items.Take(max)) + Invariant($" (et/and {items.Count - max} autres/more)");
        }

        return items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " " + lastSeparator + " " + items[^1];
    }

    /// <summary>A name with its conventional prefix (<c>cbc:IssueDate</c>), or in Clark notation for unknown namespaces.</summary>
    public static string Display(XName name)
    {
        var ns = name.NamespaceName;
        if (ns.Length == 0)
        {
            return name.LocalName;
        }

        return Prefixes.TryGetValue(ns, out var prefix) ? prefix + ":" + name.LocalName : "{" + ns + "}" + name.LocalName;
    }

    private static string DisplayType(string name)
    {
        if (name.StartsWith("xsd:", StringComparison.Ordinal))
        {
            return name;
        }

        if (!name.StartsWith('{') && name.Contains(':', StringComparison.Ordinal))
        {
            // XmlQualifiedName.ToString() gives namespace:local.
            var colon = name.LastIndexOf(':');
            var ns = name[..colon];
            return ns == XmlSchema.Namespace ? "xsd:" + name[(colon + 1)..] : Display(XName.Get(name[(colon + 1)..], ns));
        }

        return name;
    }

    private static string Quote(string value)
    {
        var shown = value.Length > 60 ? value[..60] + "…" : value;
        return "« " + shown + " »";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static List<Finding> Findings(XObject? node, string fr, string en, params string[] codes)
    {
        var location = XPathLocation.Of(node);
        var list = new List<Finding>(codes.Length);
        foreach (var code in codes)
        {
            list.Add(new Finding("XSD-" + code, FindingSeverity.Fatal, string.Empty, location, Fr + fr, En + en));
        }

        return list;
    }
}
