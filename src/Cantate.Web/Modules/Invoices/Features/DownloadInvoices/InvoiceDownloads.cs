using System.IO.Compression;
using Cantate.Invoicing.Rendering;
using Cantate.Invoicing.Syntax;

namespace Cantate.Web.Modules.Invoices.Features.DownloadInvoices;

/// <summary>How the invoice itself is delivered.</summary>
public enum DownloadFormat
{
    /// <summary>A PDF: the Factur-X as deposited, or the rendering of a UBL or CII invoice.</summary>
    Pdf,
    /// <summary>The invoice XML: the UBL or CII as deposited, or the XML inside a Factur-X.</summary>
    Xml,
}

/// <summary>A file to hand over.</summary>
public sealed record DownloadedFile(string FileName, string ContentType, byte[] Content);

/// <summary>One invoice to download, with the supporting documents to join (none when they are not asked for).</summary>
public sealed record InvoiceToDownload(Invoice Invoice, IReadOnlyList<InvoiceAttachment> Attachments);

/// <summary>
/// Downloads of invoices (Chorus Pro's telecharger/groupe): one invoice without attachments is its document itself;
/// several, or attachments, make a zip with one document per invoice and its attachments in a folder beside it.
/// The whole is at most 120 Mo, Chorus Pro's limit for a dossier de facturation.
/// </summary>
public sealed class InvoiceDownloads(DocumentStore documents)
{
    public const long MaxBytes = 120L * 1024 * 1024;

    /// <summary>The file, or null when it would exceed <paramref name="maxBytes"/>.</summary>
    public async Task<DownloadedFile?> BundleAsync(IReadOnlyList<InvoiceToDownload> items, DownloadFormat format, bool zip, long maxBytes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var entries = new List<DownloadedFile>();
        long total = 0;
        foreach (var (invoice, attachments) in items)
        {
            var document = await DocumentAsync(invoice, format, cancellationToken);
            entries.Add(document);
            total += document.Content.Length;
            foreach (var attachment in attachments)
            {
                // Sizes are known before reading: an oversized download stops before loading the files.
                total += attachment.Size;
                if (total > maxBytes) return null;
                var folder = Path.GetFileNameWithoutExtension(document.FileName) + "_pieces_jointes";
                entries.Add(new DownloadedFile($"{folder}/{attachment.CppId}-{attachment.FileName}", attachment.MimeType,
                    await documents.ReadAsync(attachment.StoragePath, cancellationToken)));
            }
            if (total > maxBytes) return null;
        }
        if (entries.Count == 1 && !zip) return entries[0];
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                await using var stream = await archive.CreateEntry(entry.FileName, CompressionLevel.Fastest).OpenAsync(cancellationToken);
                await stream.WriteAsync(entry.Content, cancellationToken);
            }
        }
        return buffer.Length > maxBytes ? null : new DownloadedFile("factures.zip", "application/zip", buffer.ToArray());
    }

    /// <summary>The invoice's document in the format asked for.</summary>
    public async Task<DownloadedFile> DocumentAsync(Invoice invoice, DownloadFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var content = await documents.ReadAsync(invoice.DocumentPath, cancellationToken);
        var name = "facture-" + string.Concat(invoice.Number.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        var facturX = invoice.Syntax == "FACTURX";
        if (format == DownloadFormat.Pdf && facturX) return new DownloadedFile(name + ".pdf", "application/pdf", content);
        if (format == DownloadFormat.Xml && !facturX) return new DownloadedFile(name + ".xml", "application/xml", content);
        var read = InvoiceFile.Read(content);
        if (format == DownloadFormat.Xml && read.Xml is { } xml) return new DownloadedFile(name + ".xml", "application/xml", InvoiceXml.ToBytes(xml));
        if (format == DownloadFormat.Pdf && read.Invoice is { } model) return new DownloadedFile(name + ".pdf", "application/pdf", InvoicePdfRenderer.Render(model));
        // A document the reader cannot read back (it was valid when deposited) is handed over as deposited.
        return new DownloadedFile(name + (facturX ? ".pdf" : ".xml"), facturX ? "application/pdf" : "application/xml", content);
    }
}
