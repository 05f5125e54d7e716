using System.Xml.Linq;
using Cantate.Invoicing.FacturX;
using Cantate.Invoicing.Model;
using Cantate.Invoicing.Parsing;

namespace Cantate.Invoicing.Syntax;

/// <summary>The outcome of reading an invoice file into the model: the invoice, or why there is none.</summary>
public sealed class InvoiceReadResult
{
    internal InvoiceReadResult(LoadedDocument loaded, Invoice? invoice, LoadProblem? problem)
    {
        Invoice = invoice;
        Syntax = loaded.Syntax;
        XmlSyntax = loaded.XmlSyntax;
        Xml = loaded.Xml;
        AttachmentName = loaded.AttachmentName;
        Problem = problem;
        Profile = FacturXProfiles.FromSpecificationId(invoice?.SpecificationId);
    }

    internal InvoiceReadResult(InvoiceSyntax syntax, LoadProblem problem)
    {
        Syntax = syntax;
        Problem = problem;
    }

    /// <summary>The invoice, or null when the file could not be read (see <see cref="Problem"/>).</summary>
    public Invoice? Invoice { get; }

    /// <summary>True when <see cref="Invoice"/> is set.</summary>
    public bool Succeeded => Invoice is not null;

    /// <summary>The syntax of the file (<see cref="InvoiceSyntax.FacturX"/> for a PDF).</summary>
    public InvoiceSyntax Syntax { get; }

    /// <summary>The syntax of the XML itself (for a PDF, of its attachment).</summary>
    public InvoiceSyntax XmlSyntax { get; }

    /// <summary>The invoice XML (for a PDF: its attachment), when it could be parsed.</summary>
    public XDocument? Xml { get; }

    /// <summary>For a PDF: the name of the attachment read (<c>factur-x.xml</c>, <c>xrechnung.xml</c>...).</summary>
    public string? AttachmentName { get; }

    /// <summary>The Factur-X profile named by BT-24 (<see cref="FacturXProfile.Unknown"/> when it names none).</summary>
    public FacturXProfile Profile { get; }

    /// <summary>
    /// Why there is no invoice: the loader's problem (<c>XML-WF</c>, <c>XML-DOCTYPE</c>, <c>SYNTAX-UNKNOWN</c>,
    /// <c>FX-NO-XML</c>...) or <c>READ-VALUE</c> when a value does not fit its type. Null on success.
    /// </summary>
    public LoadProblem? Problem { get; }
}

/// <summary>
/// Reads an invoice file of any supported kind (UBL 2.1 Invoice or CreditNote, CII, Factur-X / ZUGFeRD PDF)
/// into the EN 16931 model. Loading goes through the hardened <see cref="InvoiceDocumentLoader"/> (no DTD,
/// size and depth limits); nothing is thrown on bad input.
/// </summary>
public static class InvoiceFile
{
    /// <summary>Reads an invoice from its bytes.</summary>
    public static InvoiceReadResult Read(ReadOnlyMemory<byte> content)
    {
        var loaded = InvoiceDocumentLoader.Load(content);
        if (loaded.Problem is not null || loaded.Xml is null)
        {
            return new InvoiceReadResult(loaded, null, loaded.Problem ?? new LoadProblem("XML-WF", "Document illisible.", "Unreadable document."));
        }

        try
        {
            return new InvoiceReadResult(loaded, InvoiceReader.Read(loaded.Xml), null);
        }
        catch (InvoiceReadException e)
        {
            return new InvoiceReadResult(loaded, null, new LoadProblem("READ-VALUE", "Valeur illisible : " + e.Message, e.Message));
        }
    }

    /// <summary>Reads an invoice from a stream (read to its end; at most <see cref="MaxBytes"/>).</summary>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static InvoiceReadResult Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > MaxBytes)
            {
                return new InvoiceReadResult(InvoiceSyntax.Unknown, new LoadProblem(
                    "XML-LIMIT", "Le fichier dépasse la taille maximale acceptée.", "The file is larger than the accepted maximum."));
            }

            buffer.Write(chunk, 0, n);
        }

        return Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>The largest file read from a stream: 100 MB (Factur-X PDFs carry images and fonts).</summary>
    public const int MaxBytes = 100 * 1024 * 1024;
}
