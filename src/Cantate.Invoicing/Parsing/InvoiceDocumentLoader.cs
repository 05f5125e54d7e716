using Cantate.Invoicing.Syntax;
using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Cantate.Invoicing.Parsing;

/// <summary>
/// Loads untrusted invoice files (XML or Factur-X PDF) without ever processing a DTD, resolving an external
/// resource or building an unbounded tree. Never throws on bad input: every failure becomes a
/// <see cref="LoadProblem"/> carrying the pseudo rule id of the validation reports. Thread-safe.
/// </summary>
public static class InvoiceDocumentLoader
{
    /// <summary>Largest document accepted, in characters (about 64 MB of text).</summary>
    public const long MaxCharacters = 64L * 1024 * 1024;

    /// <summary>Deepest element nesting accepted; real invoices stay below 15.</summary>
    public const int MaxDepth = 64;

    /// <summary>Loads an XML or PDF invoice from its bytes.</summary>
    /// <param name="content">The file content.</param>
    public static LoadedDocument Load(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (PdfAttachmentReader.LooksLikePdf(span))
        {
            return PdfAttachmentReader.Load(content);
        }

        return LoadXml(content, out _);
    }

    /// <summary>Loads an XML invoice; <paramref name="syntax"/> tells what was found even when it is unusable.</summary>
    internal static LoadedDocument LoadXml(ReadOnlyMemory<byte> content, out InvoiceSyntax syntax)
    {
        syntax = InvoiceSyntax.Unknown;
        if (HasDoctype(content.Span))
        {
            return new LoadedDocument(InvoiceSyntax.Unknown, null, new LoadProblem(
                "XML-DOCTYPE",
                "Le document contient une déclaration DOCTYPE (DTD) : refusée, car elle permet des entités externes (XXE) et des bombes d'entités.",
                "The document contains a DOCTYPE (DTD) declaration: refused, as it enables external entities (XXE) and entity bombs."));
        }

        XDocument document;
        try
        {
            document = ParseXml(content);
        }
        catch (XmlDepthException)
        {
            return new LoadedDocument(InvoiceSyntax.Unknown, null, new LoadProblem(
                "XML-WF",
                string.Create(CultureInfo.InvariantCulture, $"Le document imbrique plus de {MaxDepth} niveaux d'éléments : refusé."),
                string.Create(CultureInfo.InvariantCulture, $"The document nests more than {MaxDepth} levels of elements: refused.")));
        }
        catch (XmlException ex)
        {
            return NotWellFormed(ex);
        }
        catch (Exception ex) when (ex is DecoderFallbackException or ArgumentException or InvalidOperationException)
        {
            return NotWellFormed(ex);
        }

        syntax = DetectSyntax(document.Root);
        if (syntax == InvoiceSyntax.Unknown)
        {
            var root = document.Root!;
            return new LoadedDocument(InvoiceSyntax.Unknown, document, new LoadProblem(
                "SYNTAX-UNKNOWN",
                $"L'élément racine {{{root.Name.NamespaceName}}}{root.Name.LocalName} n'est ni une facture UBL 2.1 (Invoice, CreditNote) ni une facture CII.",
                $"The root element {{{root.Name.NamespaceName}}}{root.Name.LocalName} is neither a UBL 2.1 Invoice/CreditNote nor a CII invoice."));
        }

        return new LoadedDocument(syntax, document, null);
    }

    /// <summary>Detects the syntax from the root element's namespace and local name.</summary>
    public static InvoiceSyntax DetectSyntax(XElement? root)
    {
        if (root is null)
        {
            return InvoiceSyntax.Unknown;
        }

        var name = root.Name;
        if (name == Namespaces.UblInvoice + "Invoice")
        {
            return InvoiceSyntax.UblInvoice;
        }

        if (name == Namespaces.UblCreditNote + "CreditNote")
        {
            return InvoiceSyntax.UblCreditNote;
        }

        return name == Namespaces.Rsm + "CrossIndustryInvoice" ? InvoiceSyntax.Cii : InvoiceSyntax.Unknown;
    }

    private static LoadedDocument NotWellFormed(Exception ex) => new(InvoiceSyntax.Unknown, null, new LoadProblem(
        "XML-WF",
        "Le document n'est pas un XML bien formé : " + ex.Message,
        "The document is not well-formed XML: " + ex.Message));

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <summary>Builds the tree by hand so that nesting depth is bounded while reading.</summary>
    private static XDocument ParseXml(ReadOnlyMemory<byte> content)
    {
        using var stream = new ReadOnlyMemoryStream(content);
        using var reader = XmlReader.Create(stream, ReaderSettings);
        var document = new XDocument();
        XContainer current = document;
        var names = new ElementNames();
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth >= MaxDepth)
                    {
                        throw new XmlDepthException();
                    }

                    var element = new XElement(names.Get(reader.NamespaceURI, reader.LocalName));
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            element.Add(new XAttribute(AttributeName(reader), reader.Value));
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }

                    current.Add(element);
                    if (!reader.IsEmptyElement)
                    {
                        current = element;
                    }

                    break;
                case XmlNodeType.EndElement:
                    current = current.Parent ?? (XContainer)document;
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                    current.Add(new XText(reader.Value));
                    break;
                case XmlNodeType.DocumentType:
                    throw new XmlException("DOCTYPE");
                default:
                    break;
            }
        }

        if (document.Root is null)
        {
            throw new XmlException("No root element.");
        }

        return document;
    }

    private static XName AttributeName(XmlReader reader)
    {
        if (reader.NamespaceURI == XNamespace.Xmlns.NamespaceName)
        {
            return reader.Prefix.Length == 0 ? XName.Get("xmlns") : XNamespace.Xmlns + reader.LocalName;
        }

        return XNamespace.Get(reader.NamespaceURI) + reader.LocalName;
    }

    /// <summary>
    /// True when the prolog (after an optional BOM, the XML declaration, comments and processing instructions)
    /// holds a DOCTYPE. Checked on the raw bytes so that no DTD ever reaches a parser.
    /// </summary>
    internal static bool HasDoctype(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            // UTF-16: the prolog is short; decode a bounded prefix only.
            var prefix = bytes[2..Math.Min(bytes.Length, 64 * 1024)];
            var text = (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(prefix);
            return PrologHasDoctype(text.AsSpan());
        }

        // UTF-8 and the ASCII-compatible encodings: scan the bytes as Latin-1 characters, without copying.
        var i = bytes.StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        return PrologHasDoctype(bytes[i..Math.Min(bytes.Length, 64 * 1024)]);
    }

    private static bool PrologHasDoctype(ReadOnlySpan<byte> head)
    {
        var i = 0;
        while (i < head.Length)
        {
            var c = head[i];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
                continue;
            }

            if (c != '<')
            {
                return false;
            }

            var rest = head[i..];
            if (rest.StartsWith("<?"u8))
            {
                var end = rest.IndexOf("?>"u8);
                if (end < 0)
                {
                    return false;
                }

                i += end + 2;
            }
            else if (rest.StartsWith("<!--"u8))
            {
                var end = rest[4..].IndexOf("-->"u8);
                if (end < 0)
                {
                    return false;
                }

                i += 4 + end + 3;
            }
            else
            {
                return rest.Length >= 9 && Ascii.EqualsIgnoreCase(rest[..9], "<!DOCTYPE"u8);
            }
        }

        return false;
    }

    private static bool PrologHasDoctype(ReadOnlySpan<char> head)
    {
        var i = 0;
        while (i < head.Length)
        {
            var c = head[i];
            if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
            {
                i++;
                continue;
            }

            if (c != '<')
            {
                return false;
            }

            var rest = head[i..];
            if (rest.StartsWith("<?", StringComparison.Ordinal))
            {
                var end = rest.IndexOf("?>", StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                i += end + 2;
            }
            else if (rest.StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = rest[4..].IndexOf("-->", StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                i += 4 + end + 3;
            }
            else
            {
                return rest.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    /// <summary>
    /// The reader atomizes names, so the same strings come back for every element of a kind: a small cache keyed
    /// by reference saves the global <see cref="XName"/> table lookup for each element.
    /// </summary>
    private sealed class ElementNames
    {
        private readonly Dictionary<(object Namespace, object Local), XName> cache = new(new ReferencePairComparer());

        public XName Get(string namespaceUri, string localName)
        {
            if (!cache.TryGetValue((namespaceUri, localName), out var name))
            {
                name = XNamespace.Get(namespaceUri) + localName;
                cache.Add((namespaceUri, localName), name);
            }

            return name;
        }

        private sealed class ReferencePairComparer : IEqualityComparer<(object Namespace, object Local)>
        {
            public bool Equals((object Namespace, object Local) x, (object Namespace, object Local) y) =>
                ReferenceEquals(x.Namespace, y.Namespace) && ReferenceEquals(x.Local, y.Local);

            public int GetHashCode((object Namespace, object Local) obj) =>
                HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Namespace), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Local));
        }
    }

    private sealed class XmlDepthException : Exception
    {
    }
}
