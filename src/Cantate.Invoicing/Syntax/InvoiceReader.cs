using System.Xml.Linq;
using Cantate.Invoicing.Model;

namespace Cantate.Invoicing.Syntax;

/// <summary>Reads any supported XML syntax (UBL 2.1 Invoice / CreditNote, CII) into the EN 16931 model.</summary>
public static class InvoiceReader
{
    /// <summary>Reads the document with the reader that matches its root element.</summary>
    /// <exception cref="InvoiceReadException">The root is neither UBL nor CII, or a value does not fit its type.</exception>
    public static Invoice Read(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (UblReader.CanRead(document))
        {
            return UblReader.Read(document);
        }

        if (CiiReader.CanRead(document))
        {
            return CiiReader.Read(document);
        }

        throw new InvoiceReadException(
            $"The root element {document.Root?.Name.ToString() ?? "(none)"} is neither a UBL 2.1 Invoice/CreditNote nor a UN/CEFACT CrossIndustryInvoice.");
    }
}
