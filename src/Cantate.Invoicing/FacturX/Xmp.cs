using System.Globalization;
using System.Xml.Linq;

namespace Cantate.Invoicing.FacturX;

/// <summary>The XMP metadata packet of a Factur-X PDF/A-3B file.</summary>
internal static class Xmp
{
    private static readonly XNamespace X = "adobe:ns:meta/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace PdfAId = "http://www.aiim.org/pdfa/ns/id/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Pdf = "http://ns.adobe.com/pdf/1.3/";
    private static readonly XNamespace XmpBasic = "http://ns.adobe.com/xap/1.0/";
    private static readonly XNamespace Extension = "http://www.aiim.org/pdfa/ns/extension/";
    private static readonly XNamespace Schema = "http://www.aiim.org/pdfa/ns/schema#";
    private static readonly XNamespace Property = "http://www.aiim.org/pdfa/ns/property#";

    /// <summary>The Factur-X XMP namespace (prefix <c>fx</c>).</summary>
    public static readonly XNamespace Fx = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

    /// <summary>Document information the XMP must repeat (PDF/A requires both to agree).</summary>
    public sealed record Info(string? Title, string? Author, string? Subject, string? Creator, string? Producer, DateTimeOffset? Created, DateTimeOffset? Modified);

    public static byte[] Create(Info info, FacturXProfile profile)
    {
        XElement Description(XNamespace ns, string prefix, params object?[] content) =>
            new(Rdf + "Description", new XAttribute(Rdf + "about", string.Empty), new XAttribute(XNamespace.Xmlns + prefix, ns.NamespaceName), content);

        XElement? Date(XName name, DateTimeOffset? date) =>
            date is null ? null : new XElement(name, date.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

        XElement FxProperty(string name, string description) => new(
            Rdf + "li",
            new XAttribute(Rdf + "parseType", "Resource"),
            new XElement(Property + "name", name),
            new XElement(Property + "valueType", "Text"),
            new XElement(Property + "category", "external"),
            new XElement(Property + "description", description));

        var rdf = new XElement(
            Rdf + "RDF",
            new XAttribute(XNamespace.Xmlns + "rdf", Rdf.NamespaceName),
            Description(PdfAId, "pdfaid", new XElement(PdfAId + "part", "3"), new XElement(PdfAId + "conformance", "B")),
            Description(
                Dc,
                "dc",
                new XElement(Dc + "format", "application/pdf"),
                info.Title is null ? null : new XElement(Dc + "title", new XElement(Rdf + "Alt", new XElement(Rdf + "li", new XAttribute(XNamespace.Xml + "lang", "x-default"), info.Title))),
                string.IsNullOrEmpty(info.Author) ? null : new XElement(Dc + "creator", new XElement(Rdf + "Seq", new XElement(Rdf + "li", info.Author))),
                info.Subject is null ? null : new XElement(Dc + "description", new XElement(Rdf + "Alt", new XElement(Rdf + "li", new XAttribute(XNamespace.Xml + "lang", "x-default"), info.Subject)))),
            Description(Pdf, "pdf", info.Producer is null ? null : new XElement(Pdf + "Producer", info.Producer)),
            Description(
                XmpBasic,
                "xmp",
                info.Creator is null ? null : new XElement(XmpBasic + "CreatorTool", info.Creator),
                Date(XmpBasic + "CreateDate", info.Created),
                Date(XmpBasic + "ModifyDate", info.Modified),
                Date(XmpBasic + "MetadataDate", info.Modified)),
            new XElement(
                Rdf + "Description",
                new XAttribute(Rdf + "about", string.Empty),
                new XAttribute(XNamespace.Xmlns + "pdfaExtension", Extension.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "pdfaSchema", Schema.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "pdfaProperty", Property.NamespaceName),
                new XElement(
                    Extension + "schemas",
                    new XElement(
                        Rdf + "Bag",
                        new XElement(
                            Rdf + "li",
                            new XAttribute(Rdf + "parseType", "Resource"),
                            new XElement(Schema + "schema", "Factur-X PDFA Extension Schema"),
                            new XElement(Schema + "namespaceURI", Fx.NamespaceName),
                            new XElement(Schema + "prefix", "fx"),
                            new XElement(
                                Schema + "property",
                                new XElement(
                                    Rdf + "Seq",
                                    FxProperty("DocumentFileName", "name of the embedded XML invoice file"),
                                    FxProperty("DocumentType", "INVOICE"),
                                    FxProperty("Version", "The actual version of the Factur-X XML schema"),
                                    FxProperty("ConformanceLevel", "The conformance level of the embedded Factur-X data"))))))),
            Description(
                Fx,
                "fx",
                new XElement(Fx + "DocumentType", "INVOICE"),
                new XElement(Fx + "DocumentFileName", FacturXWriter.AttachmentNameOf(profile)),
                new XElement(Fx + "Version", "1.0"),
                new XElement(Fx + "ConformanceLevel", profile.ConformanceLevel())));

        var meta = new XElement(X + "xmpmeta", new XAttribute(XNamespace.Xmlns + "x", X.NamespaceName), rdf);
        var packet = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            + meta.ToString(SaveOptions.None)
            + "\n<?xpacket end=\"w\"?>";
        return new System.Text.UTF8Encoding(false).GetBytes(packet);
    }
}
