using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Syntax;

namespace Cantate.Invoicing.FacturX;

/// <summary>
/// Reads the invoice embedded in a Factur-X / ZUGFeRD PDF: the attachment named <c>factur-x.xml</c> (or
/// <c>xrechnung.xml</c>, or the ZUGFeRD 2.0 <c>zugferd-invoice.xml</c>), with the profile named by its BT-24.
/// A corrupt PDF, or one without such an attachment, gives the problem <c>FX-NO-XML</c>; never throws on bad input.
/// </summary>
public static class FacturXReader
{
    /// <summary>Reads the PDF's invoice.</summary>
    public static InvoiceReadResult Read(ReadOnlyMemory<byte> pdf)
    {
        if (!PdfAttachmentReader.LooksLikePdf(pdf.Span))
        {
            return new InvoiceReadResult(InvoiceSyntax.Unknown, new LoadProblem(
                "FX-NO-XML", "Le fichier n'est pas un PDF.", "The file is not a PDF."));
        }

        return InvoiceFile.Read(pdf);
    }
}
