using System.Xml.Linq;
using Cantate.Invoicing.Model;

namespace Cantate.Invoicing.Syntax;

/// <summary>Base64 attachments (BT-125), shared by both syntaxes.</summary>
internal static class Binary
{
    public static Attachment Read(XElement binary)
    {
        var text = binary.Value;
        byte[] content;
        try
        {
            content = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException e)
        {
            throw new InvoiceReadException($"The attached document is not valid base64 (at {XmlLocation.Of(binary)}).", e);
        }

        return new Attachment
        {
            Content = content,
            MimeCode = binary.Attr("mimeCode"),
            FileName = binary.Attr("filename"),
        };
    }

    public static string Write(Attachment attachment) => Convert.ToBase64String(attachment.Content);
}
