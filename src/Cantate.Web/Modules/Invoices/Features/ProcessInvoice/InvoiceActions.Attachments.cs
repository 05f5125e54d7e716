using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Invoices.Features.ProcessInvoice;

/// <summary>A supporting document offered to complete a suspended invoice (uploaded on the portal, or an API file).</summary>
public sealed record CompletionFile(string FileName, long Size, string? MimeType, byte[] Content);

/// <summary>
/// The supporting documents a supplier joins when completing a suspended invoice, under Chorus Pro's rules: each file
/// 10 Mo at most and not empty, a name of 50 characters at most with an extension from Chorus Pro's list, and the
/// invoice's documents 120 Mo at most together. Files are stored here; the attachments are saved with the new status.
/// </summary>
public sealed partial class InvoiceActions
{
    public const long MaxAttachmentBytes = 10L * 1024 * 1024;
    public const long MaxAttachmentsTotalBytes = 120L * 1024 * 1024;
    public const int MaxAttachmentNameLength = 50;

    /// <summary>The extensions Chorus Pro accepts for an attachment.</summary>
    public static readonly FrozenSet<string> AttachmentExtensions = new[]
    {
        "bmp", "gif", "fax", "odt", "ppt", "tiff", "xls", "bz2", "gz", "jpeg", "p7s", "rtf", "txt", "xml", "csv", "gzip", "jpg", "pdf", "svg",
        "xhtml", "xlsx", "doc", "htm", "odp", "png", "tgz", "xlc", "zip", "docx", "html", "ods", "pps", "tif", "xlm", "pptx",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> MimeTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pdf"] = "application/pdf", ["png"] = "image/png", ["jpg"] = "image/jpeg", ["jpeg"] = "image/jpeg", ["gif"] = "image/gif",
        ["tif"] = "image/tiff", ["tiff"] = "image/tiff", ["bmp"] = "image/bmp", ["svg"] = "image/svg+xml", ["txt"] = "text/plain",
        ["csv"] = "text/csv", ["xml"] = "application/xml", ["htm"] = "text/html", ["html"] = "text/html", ["xhtml"] = "application/xhtml+xml",
        ["zip"] = "application/zip", ["gz"] = "application/gzip", ["gzip"] = "application/gzip", ["tgz"] = "application/gzip",
        ["rtf"] = "application/rtf", ["doc"] = "application/msword", ["xls"] = "application/vnd.ms-excel",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ["odt"] = "application/vnd.oasis.opendocument.text", ["ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        ["odp"] = "application/vnd.oasis.opendocument.presentation",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>One French sentence per problem, naming the file and what to do; empty when the files may be joined.</summary>
    public async Task<IReadOnlyList<string>> CheckAttachmentsAsync(Guid invoiceId, IReadOnlyList<CompletionFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            var extension = ExtensionOf(name);
            if (file.Size == 0) problems.Add($"Le fichier « {name} » est vide : joignez le document lui-même.");
            else if (file.Size > MaxAttachmentBytes) problems.Add($"Le fichier « {name} » dépasse 10 Mo, la limite de Chorus Pro pour une pièce jointe : réduisez-le ou découpez-le.");
            if (name.Length > MaxAttachmentNameLength)
                problems.Add($"Le nom du fichier « {name} » compte {name.Length} caractères : {MaxAttachmentNameLength} au plus, extension comprise. Renommez-le.");
            if (!AttachmentExtensions.Contains(extension))
                problems.Add(extension.Length == 0
                    ? $"Le fichier « {name} » n'a pas d'extension : nommez-le avec son extension (.pdf, .jpg, .xlsx…)."
                    : $"Le fichier « {name} » n'a pas une extension acceptée par Chorus Pro (PDF, images, documents bureautiques, TXT, CSV, XML, ZIP…).");
        }
        var already = await db.InvoiceAttachments.Where(a => a.InvoiceId == invoiceId).SumAsync(a => a.Size, cancellationToken);
        var total = already + files.Sum(f => f.Size);
        if (total > MaxAttachmentsTotalBytes)
            problems.Add($"Les pièces jointes de la facture totaliseraient {total / (1024 * 1024)} Mo : 120 Mo au plus. Retirez ou réduisez des fichiers.");
        return problems;
    }

    /// <summary>Stores the uploaded files and returns the attachments to save with the completion (checked first by <see cref="CheckAttachmentsAsync"/>).</summary>
    public async Task<IReadOnlyList<InvoiceAttachment>> StoreAttachmentsAsync(Guid invoiceId, IReadOnlyList<CompletionFile> files, string addedBy,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var now = clock.GetUtcNow().UtcDateTime;
        var attachments = new List<InvoiceAttachment>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            var extension = ExtensionOf(name);
            var path = await documents.SaveAsync(file.Content, "." + extension, cancellationToken);
            attachments.Add(new InvoiceAttachment
            {
                InvoiceId = invoiceId,
                Kind = InvoiceAttachment.Complementary,
                FileName = name,
                MimeType = string.IsNullOrWhiteSpace(file.MimeType) ? MimeTypes.GetValueOrDefault(extension, "application/octet-stream") : file.MimeType,
                Size = file.Size,
                StoragePath = path,
                AddedAt = now,
                AddedBy = addedBy,
            });
        }
        return attachments;
    }

    private static string ExtensionOf(string name) => Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
}
