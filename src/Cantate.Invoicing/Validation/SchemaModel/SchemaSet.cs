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

    // XName instances are atomized process-wide (and the ones held here stay alive), so the names of the tree the
    // loader builds are found by reference, with their cached hash: no string is hashed per element.
    private readonly Dictionary<XName, int> treeNames;

    private SchemaSet(CompiledSchema model)
    {
        Model = model;
        Values = new SimpleValues(model.SimpleTypes);
        names = new Dictionary<QualifiedName, int>(model.Names.Length);
        treeNames = new Dictionary<XName, int>(model.Names.Length);
        for (var i = 0; i < model.Names.Length; i++)
        {
            names.Add(model.Names[i], i);
            treeNames.Add(XNamespace.Get(model.Names[i].Namespace).GetName(model.Names[i].Local), i);
        }

        // Each content model's symbol lookup: the name index gives the symbol, or -1 when the name is none of its elements.
        SymbolOfName = new Dictionary<int, int>[model.Types.Length];
        for (var t = 0; t < model.Types.Length; t++)
        {
            var type = model.Types[t];
            var map = new Dictionary<int, int>(type.SymbolCount);
            for (var s = 0; s < type.SymbolCount; s++)
            {
                if (type.SymbolNames[s] >= 0)
                {
                    map.Add(type.SymbolNames[s], s);
                }
            }

            SymbolOfName[t] = map;
        }
    }

    public CompiledSchema Model { get; }

    public SimpleValues Values { get; }

    /// <summary>Per type: the symbol of each element name of its content model.</summary>
    public Dictionary<int, int>[] SymbolOfName { get; }

    /// <summary>The compiled schema of a syntax, or null for anything but UBL and CII.</summary>
    public static SchemaSet? For(InvoiceSyntax syntax) => syntax switch
    {
        InvoiceSyntax.UblInvoice or InvoiceSyntax.UblCreditNote => Ubl.Value,
        InvoiceSyntax.Cii => Cii.Value,
        _ => null,
    };

    /// <summary>The index of a name of the tree, or -1 when no declaration of the schemas uses it.</summary>
    public int NameOf(XName name) => treeNames.TryGetValue(name, out var index) ? index : -1;

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
