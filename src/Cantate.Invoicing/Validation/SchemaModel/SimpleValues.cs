using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Schema;

namespace Cantate.Invoicing.Validation.SchemaModel;

/// <summary>Why a value is not in its simple type, in the order System.Xml checks: pattern, lexical space, then value facets.</summary>
internal enum ValueProblem
{
    None,
    Pattern,
    Lexical,
    Length,
    MinLength,
    MaxLength,
    Enumeration,
}

/// <summary>
/// Checks a text against a <see cref="SimpleType"/>: whitespace, patterns, the lexical space of its built-in type
/// (checked by the runtime's own built-in datatype, so exactly as System.Xml checks it), then lengths and enumerations.
/// Patterns are compiled on first use and shared.
/// </summary>
internal sealed class SimpleValues
{
    private readonly SimpleType[] types;
    private readonly Regex[]?[] patterns;
    private readonly XmlSchemaDatatype?[] builtIns;

    public SimpleValues(SimpleType[] types)
    {
        this.types = types;
        patterns = new Regex[]?[types.Length];
        builtIns = new XmlSchemaDatatype?[types.Length];
    }

    /// <summary>Checks <paramref name="text"/>; <paramref name="normalized"/> is the value after whitespace processing.</summary>
    public ValueProblem Check(int typeIndex, string text, out string normalized)
    {
        var type = types[typeIndex];
        normalized = Normalize(text, type.WhiteSpace);
        if (type.Patterns.Length != 0)
        {
            foreach (var regex in Patterns(typeIndex))
            {
                if (!regex.IsMatch(normalized))
                {
                    return ValueProblem.Pattern;
                }
            }
        }

        var length = normalized.Length;
        if (!IsFreeText(type.BuiltIn))
        {
            object value;
            try
            {
                var datatype = builtIns[typeIndex] ??= XmlSchemaType.GetBuiltInSimpleType(type.BuiltIn)!.Datatype!;
                // The name types (xsd:ID, NCName...) atomize their value: they get a table of their own, as a
                // shared one is not thread-safe and one kept per thread would grow with every identifier seen.
                value = datatype.ParseValue(normalized, NeedsNameTable(type.BuiltIn) ? new NameTable() : null, null);
            }
            catch (XmlSchemaException)
            {
                return ValueProblem.Lexical;
            }
            catch (FormatException)
            {
                return ValueProblem.Lexical;
            }
            catch (OverflowException)
            {
                return ValueProblem.Lexical;
            }

            if (value is byte[] bytes)
            {
                length = bytes.Length;
            }
        }

        if (type.Length >= 0 && length != type.Length)
        {
            return ValueProblem.Length;
        }

        if (type.MinLength >= 0 && length < type.MinLength)
        {
            return ValueProblem.MinLength;
        }

        if (type.MaxLength >= 0 && length > type.MaxLength)
        {
            return ValueProblem.MaxLength;
        }

        if (type.Enumeration.Length != 0 && Array.IndexOf(type.Enumeration, normalized) < 0)
        {
            return ValueProblem.Enumeration;
        }

        return ValueProblem.None;
    }

    /// <summary>String types whose lexical space is every string: nothing to parse (xsd:token refuses a lone space).</summary>
    private static bool IsFreeText(XmlTypeCode code) => code is XmlTypeCode.String or XmlTypeCode.NormalizedString;

    private static bool NeedsNameTable(XmlTypeCode code) => code is XmlTypeCode.Id or XmlTypeCode.Idref or XmlTypeCode.NCName
        or XmlTypeCode.Name or XmlTypeCode.NmToken or XmlTypeCode.Entity or XmlTypeCode.QName or XmlTypeCode.Notation;

    private Regex[] Patterns(int typeIndex)
    {
        var compiled = Volatile.Read(ref patterns[typeIndex]);
        if (compiled is null)
        {
            compiled = [.. types[typeIndex].Patterns.Select(p => new Regex(p, RegexOptions.None))];
            Volatile.Write(ref patterns[typeIndex], compiled);
        }

        return compiled;
    }

    /// <summary>XSD whitespace processing: replace turns tabs and line ends into spaces; collapse also trims and merges runs.</summary>
    public static string Normalize(string text, WhiteSpace whiteSpace)
    {
        if (whiteSpace == WhiteSpace.Preserve || text.Length == 0)
        {
            return text;
        }

        if (whiteSpace == WhiteSpace.Replace)
        {
            return text.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 ? text : text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        }

        if (!NeedsCollapse(text))
        {
            return text;
        }

        if (IsWhitespace(text))
        {
            // System.Xml collapses whitespace alone to one space (not to nothing), which xsd:token then refuses.
            return " ";
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool NeedsCollapse(string text)
    {
        if (text[0] == ' ' || text[^1] == ' ')
        {
            return true;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            if (c is '\t' or '\n' or '\r')
            {
                return true;
            }

            if (c == ' ')
            {
                if (previousSpace)
                {
                    return true;
                }

                previousSpace = true;
            }
            else
            {
                previousSpace = false;
            }
        }

        return false;
    }

    /// <summary>True when the text holds only XML whitespace (space, tab, line ends).</summary>
    public static bool IsWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (c is not (' ' or '\t' or '\n' or '\r'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The tokenized type (ID, IDREF) of a simple type.</summary>
    public XmlTokenizedType Tokenized(int typeIndex) => types[typeIndex].Tokenized;

    public SimpleType this[int typeIndex] => types[typeIndex];
}
