using System.Xml.Linq;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>Schema-level mutations of a valid document, element by element, for the differential tests.</summary>
internal static class SchemaMutations
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Values tried in every element and attribute of the seeds: each lexical family and facet edge.</summary>
    private static readonly string[] ProbeValues =
    [
        string.Empty, " ", "x", "abc def", "  padded  ", "12.50", "-3", "1e3", "12,5", "+.5", "007", "2024-02-29", "2023-02-29",
        "2024-1-1", "20240101", "2024-01-01T10:00:00", "10:30:00", "true", "yes", "AAAA", "aGVsbG8=", "@@@", "EUR", "FR", "fr-FR",
        "380", "S", "VAT", "http://example.org/a b", "urn:x", new string('9', 40), new string('x', 300), "line\nbreak", "a:b", "1 2",
    ];

    /// <summary>Elements <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> (document order): each removed, duplicated, moved before its previous sibling, renamed; every value replaced by each probe; attributes removed, added, spoiled; text put in element content.</summary>
    public static IEnumerable<(string Label, XDocument Mutant)> Of(XDocument seed, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            if (i > 0)
            {
                yield return Mutate(seed, i, "remove", e => e.Remove());
                yield return Mutate(seed, i, "duplicate", e => e.AddAfterSelf(new XElement(e)));
            }

            yield return Mutate(seed, i, "move up", e =>
            {
                if (e.PreviousNode is XElement previous)
                {
                    e.Remove();
                    previous.AddBeforeSelf(e);
                }
            });
            yield return Mutate(seed, i, "rename", e => e.Name = e.Name.Namespace + (e.Name.LocalName + "X"));
            yield return Mutate(seed, i, "rename to next sibling", e =>
            {
                if (e.ElementsAfterSelf().FirstOrDefault(s => s.Name != e.Name) is { } next)
                {
                    e.Name = next.Name;
                }
            });
            yield return Mutate(seed, i, "unknown attribute", e => e.SetAttributeValue("unknownAttribute", "1"));
            yield return Mutate(seed, i, "xsi:nil", e => e.SetAttributeValue(Xsi + "nil", "true"));
            yield return Mutate(seed, i, "unknown xsi attribute", e => e.SetAttributeValue(Xsi + "color", "red"));
            yield return Mutate(seed, i, "xsi:type unknown", e => e.SetAttributeValue(Xsi + "type", "Nothing"));
            yield return Mutate(seed, i, "xml:lang", e => e.SetAttributeValue(XNamespace.Xml + "lang", "not a language"));
            yield return Mutate(seed, i, "text before children", e => e.AddFirst(new XText("stray text")));
            yield return Mutate(seed, i, "child in a value", e =>
            {
                if (!e.HasElements)
                {
                    e.Add(new XElement(e.Name.Namespace + "Child"));
                }
            });

            var element = seed.Descendants().ElementAt(i);
            if (!element.HasElements)
            {
                foreach (var value in ProbeValues)
                {
                    yield return Mutate(seed, i, $"value '{value}'", e => e.Value = value);
                }
            }

            foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration).ToList())
            {
                yield return Mutate(seed, i, $"remove @{attribute.Name.LocalName}", e => e.Attribute(attribute.Name)!.Remove());
                foreach (var value in ProbeValues)
                {
                    yield return Mutate(seed, i, $"@{attribute.Name.LocalName}='{value}'", e => e.SetAttributeValue(attribute.Name, value));
                }
            }
        }
    }

    private static (string, XDocument) Mutate(XDocument seed, int index, string what, Action<XElement> change)
    {
        var copy = new XDocument(seed);
        var element = copy.Descendants().ElementAt(index);
        var label = $"{what} on {element.Name.LocalName} (element {index})";
        change(element);
        return (label, copy);
    }
}
