using System.Globalization;
using System.Xml.Linq;
using Cantate.Invoicing.Model;

namespace Cantate.Invoicing.Syntax;

/// <summary>Builders shared by the UBL and CII writers: absent values produce no element.</summary>
internal static class XmlWriting
{
    /// <summary>An element holding a text, or null when the text is null.</summary>
    public static XElement? Leaf(XName name, string? value, params XAttribute?[] attributes) =>
        value is null ? null : new XElement(name, attributes.OfType<XAttribute>(), value);

    /// <summary>An element holding a decimal written invariantly with its scale, or null.</summary>
    public static XElement? Leaf(XName name, decimal? value, params XAttribute?[] attributes) =>
        value is null ? null : new XElement(name, attributes.OfType<XAttribute>(), Format(value.Value));

    /// <summary>An attribute, or null when the value is null.</summary>
    public static XAttribute? Attr(string name, string? value) => value is null ? null : new XAttribute(name, value);

    /// <summary>An aggregate element, or null when none of its children exists.</summary>
    public static XElement? Group(XName name, params object?[] children)
    {
        var content = children.SelectMany(Flatten).ToList();
        return content.Count == 0 ? null : new XElement(name, content);
    }

    /// <summary>An identifier element with its scheme attribute, or null.</summary>
    public static XElement? Id(XName name, Identifier? id, string schemeAttribute = "schemeID") =>
        id is null ? null : Leaf(name, id.Value, Attr(schemeAttribute, id.SchemeId));

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string CiiDate(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static IEnumerable<object> Flatten(object? child) => child switch
    {
        null => [],
        string s => [s],
        System.Collections.IEnumerable many => many.Cast<object?>().SelectMany(Flatten),
        _ => [child],
    };
}
