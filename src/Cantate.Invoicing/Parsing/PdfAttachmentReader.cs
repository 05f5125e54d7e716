using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Cantate.Invoicing.Parsing;

/// <summary>Finds the invoice XML attached to a Factur-X / ZUGFeRD PDF and loads it with the hardened XML loader.</summary>
internal static class PdfAttachmentReader
{
    /// <summary>Attachment names in order of preference; the first two are the conforming ones.</summary>
    private static readonly string[] InvoiceAttachmentNames =
        ["factur-x.xml", "xrechnung.xml", "zugferd-invoice.xml", "ZUGFeRD-invoice.xml"];

    /// <summary>True when a PDF header appears in the first KiB, as PDF readers accept.</summary>
    public static bool LooksLikePdf(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        return head.IndexOf("%PDF-"u8) >= 0;
    }

    public static LoadedDocument Load(ReadOnlyMemory<byte> content, Validation.SchemaCheck? schemaCheck = null)
    {
        EmbeddedFile? attachment;
        try
        {
            attachment = FindInvoiceAttachment(content);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PdfPig reports damaged files with many exception types; all of them mean "no readable invoice".
            return NoXml("Le PDF est illisible (" + ex.GetType().Name + ").", "The PDF cannot be read (" + ex.GetType().Name + ").");
        }

        if (attachment is null)
        {
            return NoXml(
                "Le PDF ne contient pas de pièce jointe factur-x.xml (ni xrechnung.xml, ni zugferd-invoice.xml).",
                "The PDF holds no factur-x.xml attachment (nor xrechnung.xml nor zugferd-invoice.xml).");
        }

        var xml = InvoiceDocumentLoader.LoadXml(attachment.Bytes.ToArray(), out _, schemaCheck);
        var name = AttachmentName(attachment);
        return new LoadedDocument(InvoiceSyntax.FacturX, xml.Xml, xml.Problem, name);
    }

    private static LoadedDocument NoXml(string fr, string en) =>
        new(InvoiceSyntax.FacturX, null, new LoadProblem("FX-NO-XML", fr, en));

    private static EmbeddedFile? FindInvoiceAttachment(ReadOnlyMemory<byte> content)
    {
        using var pdf = PdfDocument.Open(content.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        if (!pdf.Advanced.TryGetEmbeddedFiles(out var files) || files.Count == 0)
        {
            return null;
        }

        foreach (var wanted in InvoiceAttachmentNames)
        {
            var match = files.FirstOrDefault(f => string.Equals(AttachmentName(f), wanted, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    private static string AttachmentName(EmbeddedFile file)
    {
        var name = string.IsNullOrEmpty(file.FileSpecification) ? file.Name : file.FileSpecification;
        return Path.GetFileName(name ?? string.Empty);
    }
}
