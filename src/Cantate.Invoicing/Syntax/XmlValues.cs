using System.Globalization;
using System.Xml.Linq;
using Cantate.Invoicing.Model;

namespace Cantate.Invoicing.Syntax;

/// <summary>Typed reads of element values, shared by the UBL and CII readers.</summary>
internal static class XmlValues
{
    private const NumberStyles DecimalStyle =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>The first child with the given name, or null (also when the parent is null).</summary>
    public static XElement? Child(this XElement? parent, XName name) => parent?.Element(name);

    /// <summary>Follows a path of child names, taking the first match at each step.</summary>
    public static XElement? Path(this XElement? parent, params XName[] names)
    {
        var current = parent;
        foreach (var name in names)
        {
            current = current?.Element(name);
        }

        return current;
    }

    /// <summary>All children with the given name (none when the parent is null).</summary>
    public static IEnumerable<XElement> Children(this XElement? parent, XName name) =>
        parent is null ? [] : parent.Elements(name);

    /// <summary>The element's text without surrounding white space; null when absent or blank.</summary>
    public static string? Text(this XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var value = element.Value.Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>An attribute's text without surrounding white space; null when absent or blank.</summary>
    public static string? Attr(this XElement? element, string name)
    {
        var value = element?.Attribute(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The element's value with its scheme attribute, or null when the element is absent or blank.</summary>
    public static Identifier? Identifier(this XElement? element, string schemeAttribute = "schemeID")
    {
        var value = element.Text();
        return value is null ? null : new Identifier(value, element.Attr(schemeAttribute));
    }

    /// <summary>The element's value as a decimal (scale kept), or null when absent or blank.</summary>
    public static decimal? Decimal(this XElement? element)
    {
        var text = element.Text();
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new InvoiceReadException($"'{Shorten(text)}' is not a decimal number.", XmlLocation.Of(element!));
    }

    /// <summary>An xsd:date value (<c>2026-03-31</c>, a time zone suffix is ignored), or null when absent or blank.</summary>
    public static DateOnly? IsoDate(this XElement? element)
    {
        var text = element.Text();
        if (text is null)
        {
            return null;
        }

        if (text.Length >= 10
            && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && IsTimeZoneOrNothing(text.AsSpan(10)))
        {
            return date;
        }

        throw new InvoiceReadException($"'{Shorten(text)}' is not a date (YYYY-MM-DD).", XmlLocation.Of(element!));
    }

    /// <summary>
    /// A CII date: the element holds a <c>udt:DateTimeString</c> (or <c>qdt:DateTimeString</c>, or
    /// <c>udt:DateString</c>) with format 102 (<c>20260331</c>); null when absent or blank.
    /// </summary>
    public static DateOnly? CiiDate(this XElement? element)
    {
        var inner = element?.Elements().FirstOrDefault(e => e.Name.LocalName is "DateTimeString" or "DateString");
        var text = inner.Text();
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }

        throw new InvoiceReadException($"'{Shorten(text)}' is not a date in format 102 (YYYYMMDD).", XmlLocation.Of(inner!));
    }

    /// <summary>Records where a group was read from and returns it.</summary>
    public static T At<T>(this T element, XElement source)
        where T : ModelElement
    {
        element.SourcePath = XmlLocation.Of(source);
        return element;
    }

    private static bool IsTimeZoneOrNothing(ReadOnlySpan<char> rest) =>
        rest.Length == 0
        || rest is "Z"
        || (rest.Length == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':');

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
