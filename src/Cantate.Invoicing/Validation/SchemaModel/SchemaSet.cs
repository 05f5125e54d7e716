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

    private readonly Lazy<Dictionary<QualifiedName, int>> names;
    private readonly XName?[] treeNames;
    private readonly Dictionary<XName, int>?[] symbolOfName;

    // Only what a document uses is prepared (names as XName, content models' lookups), so that a cold process
    // validating one invoice reads the model and little else.
    private SchemaSet(CompiledSchema model)
    {
        Model = model;
        Values = new SimpleValues(model.SimpleTypes);
        names = new Lazy<Dictionary<QualifiedName, int>>(() =>
        {
            var map = new Dictionary<QualifiedName, int>(model.Names.Length);
            for (var i = 0; i < model.Names.Length; i++)
            {
                map.Add(model.Names[i], i);
            }

            return map;
        });
        treeNames = new XName?[model.Names.Length];
        symbolOfName = new Dictionary<XName, int>?[model.Types.Length];
    }

    public CompiledSchema Model { get; }

    public SimpleValues Values { get; }

    /// <summary>
    /// A model name as the tree's name. XName instances are atomized process-wide (and the ones held here stay
    /// alive), so the names of the tree the loader builds are compared by reference and hashed by their cached hash:
    /// no string is hashed per element or attribute.
    /// </summary>
    public XName TreeName(int name)
    {
        var known = Volatile.Read(ref treeNames[name]);
        if (known is null)
        {
            // Two threads may both make it: XName.Get returns the same instance.
            known = XNamespace.Get(Model.Names[name].Namespace).GetName(Model.Names[name].Local);
            Volatile.Write(ref treeNames[name], known);
        }

        return known;
    }

    /// <summary>A type's symbol for each element name of its content model, made on first use.</summary>
    public Dictionary<XName, int> SymbolsOf(int typeIndex)
    {
        var known = Volatile.Read(ref symbolOfName[typeIndex]);
        if (known is null)
        {
            var type = Model.Types[typeIndex];
            known = new Dictionary<XName, int>(type.SymbolCount);
            for (var s = 0; s < type.SymbolCount; s++)
            {
                if (type.SymbolNames[s] >= 0)
                {
                    known.Add(TreeName(type.SymbolNames[s]), s);
                }
            }

            // Published complete and never changed afterwards; a thread that built its own copy meanwhile uses that one.
            Volatile.Write(ref symbolOfName[typeIndex], known);
        }

        return known;
    }

    /// <summary>The global element declaration of a name, or -1.</summary>
    public int GlobalElementOf(XName name) =>
        NameOf(name.NamespaceName, name.LocalName) is var index and >= 0 ? Model.GlobalElements.GetValueOrDefault(index, -1) : -1;

    /// <summary>The simple type of an xml: attribute (xml:lang, xml:space...), or -1.</summary>
    public int XmlAttributeTypeOf(XName name) =>
        NameOf(name.NamespaceName, name.LocalName) is var index and >= 0 ? Model.XmlAttributes.GetValueOrDefault(index, -1) : -1;

    /// <summary>The compiled schema of a syntax, or null for anything but UBL and CII.</summary>
    public static SchemaSet? For(InvoiceSyntax syntax) => syntax switch
    {
        InvoiceSyntax.UblInvoice or InvoiceSyntax.UblCreditNote => Ubl.Value,
        InvoiceSyntax.Cii => Cii.Value,
        _ => null,
    };

    /// <summary>The index of a name, or -1 when no declaration of the schemas uses it.</summary>
    public int NameOf(string namespaceUri, string localName) =>
        names.Value.TryGetValue(new QualifiedName(namespaceUri, localName), out var index) ? index : -1;

    private static SchemaSet Load(string resource)
    {
        using var resourceStream = typeof(SchemaSet).Assembly.GetManifestResourceStream("Schemas/" + resource)
            ?? throw new InvalidOperationException("Embedded schema model not found: " + resource);
        // Read from an array: the reader takes the model byte by byte, which a resource stream does slowly.
        var bytes = new byte[resourceStream.Length];
        resourceStream.ReadExactly(bytes);
        return new SchemaSet(CompiledSchema.Read(new MemoryStream(bytes, writable: false)));
    }
}
