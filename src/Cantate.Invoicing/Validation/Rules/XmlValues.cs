using System.Globalization;
using System.Xml.Linq;
using Cantate.Invoicing.Syntax;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>XPath-like reading of raw values, as the official Schematron sees them (string value, xs:decimal, round()).</summary>
internal static class XmlValues
{
    /// <summary>The string value of an element, or null when it is absent.</summary>
    public static string? Text(this XElement? e) => e is null ? null : StringValue(e);

    /// <summary>
    /// The string value of an element, as <see cref="XElement.Value"/>, without the copy that property makes of an
    /// element's single text node (the rules read the same values many times).
    /// </summary>
    public static string StringValue(XElement e) => e.FirstNode is XText text && text.NextNode is null ? text.Value : e.Value;

    /// <summary>The trimmed string value, or empty when absent (XPath <c>normalize-space</c> on a missing node).</summary>
    public static string Norm(this XElement? e) => e is null ? string.Empty : NormalizeSpace(StringValue(e));

    /// <summary>True when the element is present with a non-empty string value (Schematron <c>(x) != ''</c>).</summary>
    public static bool HasText(this XElement? e) => e is not null && StringValue(e).Length > 0;

    /// <summary>The value cast to xs:decimal, or null when absent or not a valid decimal.</summary>
    public static decimal? Dec(this XElement? e) => e is null ? null : ParseDecimal(StringValue(e));

    /// <summary>The value of an attribute, or null.</summary>
    public static string? Attr(this XElement? e, string name) => e?.Attribute(name)?.Value;

    public static string NormalizeSpace(string s)
    {
        if (IsNormalized(s))
        {
            return s;
        }

        var parts = s.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', parts);
    }

    private static bool IsNormalized(string s)
    {
        if (s.Length == 0)
        {
            return true;
        }

        if (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]))
        {
            return false;
        }

        for (var i = 1; i < s.Length; i++)
        {
            if (s[i] is '\t' or '\r' or '\n' || (s[i] == ' ' && s[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses the xs:decimal lexical space: optional sign, digits with an optional point, no exponent.</summary>
    public static decimal? ParseDecimal(string raw)
    {
        var s = raw.Trim();
        if (s.Length == 0 || s.Length > 40)
        {
            return null;
        }

        var digits = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (!((c is '+' or '-' && i == 0) || c == '.'))
            {
                return null;
            }
        }

        if (digits == 0 || s.AsSpan().Count('.') > 1)
        {
            return null;
        }

        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d
            : null;
    }

    /// <summary>Number of characters after the decimal point (the Schematron <c>substring-after(., '.')</c> length).</summary>
    public static int Decimals(this XElement? e)
    {
        if (e is null)
        {
            return 0;
        }

        var v = StringValue(e);
        var dot = v.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : v.Length - dot - 1;
    }

    /// <summary>XPath <c>round(x * 10 * 10) div 100</c>: half rounds towards positive infinity.</summary>
    public static decimal Round2(decimal value) => Math.Floor((value * 100m) + 0.5m) / 100m;

    public static string Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "—";

    /// <summary>The element's name with its conventional prefix (<c>ram:PostalTradeAddress</c>), as messages show it.</summary>
    public static string PrefixedName(XElement e) => (Namespaces.PrefixOf(e.Name.Namespace) ?? "*") + ":" + e.Name.LocalName;

    public static string Show(XElement? e) => e is null ? "—" : StringValue(e).Trim();
}
