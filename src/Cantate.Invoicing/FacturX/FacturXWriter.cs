using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cantate.Invoicing.Model;
using Cantate.Invoicing.Rendering;
using Cantate.Invoicing.Syntax;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Cantate.Invoicing.FacturX;

/// <summary>
/// Writes a Factur-X invoice: the French PDF rendering of the invoice (PDF/A-3B) with its CII XML embedded
/// as <c>factur-x.xml</c> (<c>xrechnung.xml</c> for XRECHNUNG), referenced from the catalog's <c>/AF</c>
/// array and <c>/Names /EmbeddedFiles</c> with <c>/AFRelationship</c>, and XMP metadata declaring <c>pdfaid:part 3</c>, conformance B and the
/// Factur-X extension schema (<c>fx:DocumentType</c>, <c>fx:DocumentFileName</c>, <c>fx:Version</c>,
/// <c>fx:ConformanceLevel</c>).
/// </summary>
/// <remarks>
/// PDFsharp regenerates PDF/A-1 metadata whenever it saves; the XMP is therefore written after the save, as
/// an incremental update that replaces the metadata stream object.
/// </remarks>
public static partial class FacturXWriter
{
    /// <summary>The attachment name Factur-X requires.</summary>
    public const string AttachmentName = "factur-x.xml";

    /// <summary>The attachment name of the XRECHNUNG reference profile, the only exception to <see cref="AttachmentName"/>.</summary>
    public const string XRechnungAttachmentName = "xrechnung.xml";

    /// <summary>The attachment name for a profile: <c>xrechnung.xml</c> for XRECHNUNG, else <c>factur-x.xml</c>.</summary>
    public static string AttachmentNameOf(FacturXProfile profile) => profile == FacturXProfile.XRechnung ? XRechnungAttachmentName : AttachmentName;

    /// <summary>
    /// Writes the invoice as a Factur-X PDF. The profile is the one named by the invoice's BT-24, or
    /// EN 16931 when BT-24 names none (BT-24 of the embedded XML is then set to the EN 16931 identifier).
    /// </summary>
    public static byte[] Write(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var profile = FacturXProfiles.FromSpecificationId(invoice.SpecificationId);
        var xml = CiiWriter.Write(invoice);
        if (profile == FacturXProfile.Unknown)
        {
            profile = FacturXProfile.En16931;
            var id = xml.Root!.Element(Namespaces.Rsm + "ExchangedDocumentContext")!
                .Element(Namespaces.Ram + "GuidelineSpecifiedDocumentContextParameter")!;
            id.ReplaceNodes(new XElement(Namespaces.Ram + "ID", profile.SpecificationId()));
        }

        return Write(invoice, InvoiceXml.ToBytes(xml), profile);
    }

    private static byte[] Write(Invoice invoice, byte[] xml, FacturXProfile profile)
    {
        var now = DateTimeOffset.Now;
        using var document = InvoicePdfRenderer.CreateDocument(invoice);
        document.SetPdfA();
        document.Language = "fr-FR";
        document.Info.CreationDate = now.LocalDateTime;
        document.Info.ModificationDate = now.LocalDateTime;
        Embed(document, xml, profile, now);

        using var saved = new MemoryStream();
        document.Save(saved, false);
        var pdf = saved.ToArray();
        var info = new Xmp.Info(
            document.Info.Title, document.Info.Author, document.Info.Subject, document.Info.Creator, InfoString(pdf, "Producer"),
            ParsePdfDate(InfoString(pdf, "CreationDate")) ?? now, ParsePdfDate(InfoString(pdf, "ModDate")) ?? now);
        var xmp = Xmp.Create(info, profile);
        return IncrementalUpdate.ReplaceMetadata(pdf, xmp);
    }

    private static void Embed(PdfDocument document, byte[] xml, FacturXProfile profile, DateTimeOffset now)
    {
        var file = new PdfDictionary(document);
        file.Elements.SetName("/Type", "/EmbeddedFile");
        // The MIME type name needs its '/' escaped as #2F, which PDFsharp's name writer would escape again.
        file.Elements["/Subtype"] = new PdfLiteral("/text#2Fxml");
        var parameters = new PdfDictionary(document);
        parameters.Elements.SetString("/ModDate", PdfDate(now));
        parameters.Elements.SetInteger("/Size", xml.Length);
        file.Elements["/Params"] = parameters;
        file.CreateStream(xml);
        document.Internals.AddObject(file);

        var references = new PdfDictionary(document);
        references.Elements.SetReference("/F", file);
        references.Elements.SetReference("/UF", file);
        var spec = new PdfDictionary(document);
        spec.Elements.SetName("/Type", "/Filespec");
        var name = AttachmentNameOf(profile);
        spec.Elements.SetString("/F", name);
        spec.Elements.SetString("/UF", name);
        spec.Elements.SetString("/Desc", "Factur-X invoice");
        // MINIMUM and BASIC WL carry less than the PDF shows: their XML is data, the others an alternative.
        spec.Elements.SetName("/AFRelationship", profile is FacturXProfile.Minimum or FacturXProfile.BasicWl ? "/Data" : "/Alternative");
        spec.Elements["/EF"] = references;
        document.Internals.AddObject(spec);

        var catalog = document.Internals.Catalog;
        var af = new PdfArray(document);
        af.Elements.Add(spec.Reference!);
        catalog.Elements["/AF"] = af;
        var names = new PdfArray(document);
        names.Elements.Add(new PdfString(name));
        names.Elements.Add(spec.Reference!);
        var embedded = new PdfDictionary(document);
        embedded.Elements["/Names"] = names;
        var nameTree = new PdfDictionary(document);
        nameTree.Elements["/EmbeddedFiles"] = embedded;
        catalog.Elements["/Names"] = nameTree;
    }

    /// <summary>A PDF date string, <c>D:20260331120000+02'00'</c>.</summary>
    internal static string PdfDate(DateTimeOffset time)
    {
        var offset = time.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return string.Create(
            CultureInfo.InvariantCulture,
            $"D:{time:yyyyMMddHHmmss}{sign}{Math.Abs(offset.Hours):00}'{Math.Abs(offset.Minutes):00}'");
    }

    /// <summary>A literal string PDFsharp wrote in the document information dictionary (the XMP must repeat it).</summary>
    private static string? InfoString(byte[] pdf, string key)
    {
        var match = new Regex($@"/{key}\s*\(((?:\\.|[^\\)])*)\)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5)).Match(Encoding.Latin1.GetString(pdf));
        return match.Success ? Unescape().Replace(match.Groups[1].Value, "$1") : null;
    }

    [GeneratedRegex(@"\\([()\\])")]
    private static partial Regex Unescape();

    /// <summary>Reads <c>D:YYYYMMDDHHmmSS+HH'mm'</c>.</summary>
    private static DateTimeOffset? ParsePdfDate(string? value)
    {
        var match = value is null ? null : PdfDatePattern().Match(value);
        if (match is null || !match.Success)
        {
            return null;
        }

        var local = DateTime.ParseExact(match.Groups[1].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var offset = match.Groups[2].Success
            ? new TimeSpan(int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture), 0)
            : TimeSpan.Zero;
        return new DateTimeOffset(local, match.Groups[2].Value == "-" ? -offset : offset);
    }

    [GeneratedRegex(@"^D:(\d{14})(?:([+-])(\d{2})'(\d{2}))?")]
    private static partial Regex PdfDatePattern();
}
