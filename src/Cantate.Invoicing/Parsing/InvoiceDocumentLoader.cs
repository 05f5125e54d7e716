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
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth >= MaxDepth)
                    {
                        throw new XmlDepthException();
                    }

                    var element = new XElement(XNamespace.Get(reader.NamespaceURI) + reader.LocalName);
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
        string head;
        var prefix = bytes[..Math.Min(bytes.Length, 64 * 1024)];
        if (prefix.Length >= 2 && ((prefix[0] == 0xFF && prefix[1] == 0xFE) || (prefix[0] == 0xFE && prefix[1] == 0xFF)))
        {
            head = (prefix[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(prefix[2..]);
        }
        else
        {
            head = Encoding.Latin1.GetString(prefix);
        }

        var i = 0;
        while (i < head.Length)
        {
            var c = head[i];
            if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF' or 'ï' or '»' or '¿')
            {
                i++;
                continue;
            }

            if (c != '<')
            {
                return false;
            }

            if (string.CompareOrdinal(head, i, "<?", 0, 2) == 0)
            {
                var end = head.IndexOf("?>", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                i = end + 2;
            }
            else if (string.CompareOrdinal(head, i, "<!--", 0, 4) == 0)
            {
                var end = head.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                i = end + 3;
            }
            else
            {
                return string.Compare(head, i, "<!DOCTYPE", 0, 9, StringComparison.OrdinalIgnoreCase) == 0;
            }
        }

        return false;
    }

    private sealed class XmlDepthException : Exception
    {
    }
}
