using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Cantate.Invoicing.Syntax;

/// <summary>Serializes written invoice documents the way they are exchanged: UTF-8 without BOM, indented.</summary>
public static class InvoiceXml
{
    /// <summary>The document as UTF-8 bytes (no byte order mark), with its XML declaration, indented.</summary>
    public static byte[] ToBytes(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }

        return buffer.ToArray();
    }
}
