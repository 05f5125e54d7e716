using System.Xml.Linq;
using Cantate.Invoicing.Parsing;

namespace Cantate.Invoicing.Validation.SchemaModel;

/// <summary>
/// A compiled schema ready for validation: the model read from the assembly, its name lookup and its value checks.
/// One per syntax, read on first use (a few milliseconds) and then shared read-only between threads.
/// </summary>
internal sealed class SchemaSet
{
    private static readonly Lazy<SchemaSet> Ubl = new(() => Load("ubl-2.1.model"));

    private static readonly Lazy<SchemaSet> Cii = new(() => Load("cii-d16b.model"));

    private readonly Dictionary<QualifiedName, int> names;

    private readonly Dictionary<XName, int> globalElements;
    private readonly Dictionary<XName, int> xmlAttributes;

    private SchemaSet(CompiledSchema model)
    {
        Model = model;
        Values = new SimpleValues(model.SimpleTypes);
        names = new Dictionary<QualifiedName, int>(model.Names.Length);
        TreeNames = new XName[model.Names.Length];
        for (var i = 0; i < model.Names.Length; i++)
        {
            names.Add(model.Names[i], i);
            TreeNames[i] = XNamespace.Get(model.Names[i].Namespace).GetName(model.Names[i].Local);
        }

        globalElements = model.GlobalElements.ToDictionary(p => TreeNames[p.Key], p => p.Value);
        xmlAttributes = model.XmlAttributes.ToDictionary(p => TreeNames[p.Key], p => p.Value);

        // Each content model's symbol lookup by the tree's names.
        SymbolOfName = new Dictionary<XName, int>[model.Types.Length];
        for (var t = 0; t < model.Types.Length; t++)
        {
            var type = model.Types[t];
            var map = new Dictionary<XName, int>(type.SymbolCount);
            for (var s = 0; s < type.SymbolCount; s++)
            {
                if (type.SymbolNames[s] >= 0)
                {
                    map.Add(TreeNames[type.SymbolNames[s]], s);
                }
            }

            SymbolOfName[t] = map;
        }
    }

    public CompiledSchema Model { get; }

    public SimpleValues Values { get; }

    /// <summary>
    /// The model's names as the tree's names. XName instances are atomized process-wide (and the ones held here stay
    /// alive), so the names of the tree the loader builds are compared by reference and hashed by their cached hash:
    /// no string is hashed per element or attribute.
    /// </summary>
    public XName[] TreeNames { get; }

    /// <summary>Per type: the symbol of each element name of its content model.</summary>
    public Dictionary<XName, int>[] SymbolOfName { get; }

    /// <summary>The compiled schema of a syntax, or null for anything but UBL and CII.</summary>
    public static SchemaSet? For(InvoiceSyntax syntax) => syntax switch
    {
        InvoiceSyntax.UblInvoice or InvoiceSyntax.UblCreditNote => Ubl.Value,
        InvoiceSyntax.Cii => Cii.Value,
        _ => null,
    };

    /// <summary>The global element declaration of a name, or -1.</summary>
    public int GlobalElementOf(XName name) => globalElements.TryGetValue(name, out var index) ? index : -1;

    /// <summary>The simple type of an xml: attribute (xml:lang, xml:space...), or -1.</summary>
    public int XmlAttributeTypeOf(XName name) => xmlAttributes.TryGetValue(name, out var index) ? index : -1;

    /// <summary>The index of a name, or -1 when no declaration of the schemas uses it.</summary>
    public int NameOf(string namespaceUri, string localName) =>
        names.TryGetValue(new QualifiedName(namespaceUri, localName), out var index) ? index : -1;

    private static SchemaSet Load(string resource)
    {
        using var stream = typeof(SchemaSet).Assembly.GetManifestResourceStream("Schemas/" + resource)
            ?? throw new InvalidOperationException("Embedded schema model not found: " + resource);
        return new SchemaSet(CompiledSchema.Read(stream));
    }
}
