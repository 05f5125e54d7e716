using Cantate.Invoicing.Syntax;
using Cantate.Invoicing.Validation;
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
    public static LoadedDocument Load(ReadOnlyMemory<byte> content) => Load(content, null);

    /// <summary>
    /// Loads an XML or PDF invoice; with a <paramref name="schemaCheck"/>, the invoice XML is validated against the
    /// XSD of its syntax while it is read (its findings count only when the document loads without problem).
    /// </summary>
    internal static LoadedDocument Load(ReadOnlyMemory<byte> content, SchemaCheck? schemaCheck)
    {
        var span = content.Span;
        if (PdfAttachmentReader.LooksLikePdf(span))
        {
            return PdfAttachmentReader.Load(content, schemaCheck);
        }

        return LoadXml(content, out _, schemaCheck);
    }

    /// <summary>Loads an XML invoice; <paramref name="syntax"/> tells what was found even when it is unusable.</summary>
    internal static LoadedDocument LoadXml(ReadOnlyMemory<byte> content, out InvoiceSyntax syntax, SchemaCheck? schemaCheck = null)
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
            document = ParseXml(content, schemaCheck);
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

    /// <summary>Builds the tree by hand so that nesting depth is bounded while reading; drives the schema check, if any.</summary>
    private static XDocument ParseXml(ReadOnlyMemory<byte> content, SchemaCheck? check)
    {
        using var stream = new ReadOnlyMemoryStream(content);
        var names = ElementNames.ForThisThread();
        using var reader = XmlReader.Create(stream, names.Settings);
        var document = new XDocument();
        XContainer current = document;
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
                    current.Add(element);
                    check?.StartElement(reader, element);
                    var hasAttributes = reader.MoveToFirstAttribute();
                    if (hasAttributes)
                    {
                        do
                        {
                            var attribute = new XAttribute(names.Attribute(reader), reader.Value);
                            element.Add(attribute);
                            check?.Attribute(reader, attribute);
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }

                    check?.EndOfAttributes(element, hasAttributes);
                    if (!reader.IsEmptyElement)
                    {
                        current = element;
                    }
                    else
                    {
                        check?.EndElement(element);
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (current is XElement closed)
                    {
                        check?.EndElement(closed);
                    }

                    current = current.Parent ?? (XContainer)document;
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                    var text = reader.Value;
                    current.Add(new XText(text));
                    check?.Text(text);
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

        check?.EndDocument();
        names.Release();
        return document;
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
    /// The reader atomizes names, so the same strings come back for every element or attribute of a kind: a cache
    /// keyed by reference saves the global <see cref="XName"/> table lookup for each of them. Each thread keeps its
    /// name table and cache from one document to the next (invoices use the same few hundred names); a document that
    /// brings too many new names (hostile or unusual input) makes the thread start afresh with the next one, so
    /// what is kept stays bounded.
    /// </summary>
    private sealed class ElementNames
    {
        private const int MaxKeptNames = 4096;

        [ThreadStatic]
        private static ElementNames? current;

        private readonly Dictionary<(object Namespace, object Local), XName> cache = new(new ReferencePairComparer());
        private readonly string xmlns;

        private ElementNames()
        {
            var nameTable = new NameTable();
            Settings = ReaderSettings.Clone();
            Settings.NameTable = nameTable;
            xmlns = nameTable.Add(XNamespace.Xmlns.NamespaceName);
        }

        /// <summary>The reader settings, sharing this thread's name table.</summary>
        public XmlReaderSettings Settings { get; }

        /// <summary>This thread's names; a document that fails half-way leaves them out, as if they had grown too many.</summary>
        public static ElementNames ForThisThread()
        {
            var names = current ?? new ElementNames();
            current = null;
            return names;
        }

        /// <summary>Gives the names back to the thread after a document was read to its end.</summary>
        public void Release()
        {
            if (cache.Count <= MaxKeptNames)
            {
                current = this;
            }
        }

        public XName Get(string namespaceUri, string localName)
        {
            if (!cache.TryGetValue((namespaceUri, localName), out var name))
            {
                name = XNamespace.Get(namespaceUri) + localName;
                cache.Add((namespaceUri, localName), name);
            }

            return name;
        }

        /// <summary>The name of the attribute the reader is on; a default namespace declaration is <c>xmlns</c>, in no namespace.</summary>
        public XName Attribute(XmlReader reader)
        {
            var namespaceUri = reader.NamespaceURI;
            if (ReferenceEquals(namespaceUri, xmlns) && reader.Prefix.Length == 0)
            {
                return XName.Get("xmlns");
            }

            return Get(namespaceUri, reader.LocalName);
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
