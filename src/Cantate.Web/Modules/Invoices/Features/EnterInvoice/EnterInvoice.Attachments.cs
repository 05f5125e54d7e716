using System.Collections.Frozen;
using System.Security.Cryptography;
using Cantate.Invoicing.Model;
using Microsoft.AspNetCore.DataProtection;

namespace Cantate.Web.Modules.Invoices.Features.EnterInvoice;

using Invoice = Cantate.Invoicing.Model.Invoice;

/// <summary>
/// Supporting documents (BG-24) joined to a typed invoice and embedded in its Factur-X XML. Chorus Pro's rules apply
/// (10 Mo, a name of 50 characters at most with its extension, no empty file, its list of extensions); EN 16931 then
/// only admits PDF, PNG, JPEG, CSV, XLSX and ODS inside the invoice (BR-CL-24), so other formats are refused with
/// that explanation.
/// </summary>
public sealed partial class EnterInvoice
{
    public const long MaxAttachmentBytes = 10L * 1024 * 1024;
    public const int MaxAttachments = 10;
    public const string AttachmentsField = "pieces";

    /// <summary>The extensions Chorus Pro accepts for attachments.</summary>
    public static readonly FrozenSet<string> ChorusExtensions = new[]
    {
        "pdf", "jpg", "jpeg", "png", "gif", "tif", "tiff", "bmp", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp",
        "txt", "csv", "xml", "zip", "rtf", "html", "htm", "p7s", "xades",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>BT-125-1: the MIME codes EN 16931 admits, by extension.</summary>
    private static readonly FrozenDictionary<string, string> EmbeddableTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pdf"] = "application/pdf", ["png"] = "image/png", ["jpg"] = "image/jpeg", ["jpeg"] = "image/jpeg", ["csv"] = "text/csv",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ["ods"] = "application/vnd.oasis.opendocument.spreadsheet",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private IDataProtector Protector => protection.CreateProtector("Cantate.Invoices.EnterInvoice.Attachment");

    /// <summary>Checks and stores a file joined to the form; the error is for the user, in French.</summary>
    public async Task<(AttachmentForm? Attachment, string? Error)> AddAttachmentAsync(Guid structureId, InvoiceForm form, string fileName, byte[] content,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName(fileName);
        var extension = Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
        if (form.Attachments.Count >= MaxAttachments) return (null, $"Une facture saisie porte {MaxAttachments} pièces jointes au plus.");
        if (content.Length == 0) return (null, $"Le fichier « {name} » est vide : joignez le document lui-même.");
        if (content.Length > MaxAttachmentBytes) return (null, $"Le fichier « {name} » dépasse 10 Mo, la limite de Chorus Pro pour une pièce jointe.");
        if (name.Length > 50) return (null, $"Le nom du fichier « {name} » compte {name.Length} caractères : 50 au plus, extension comprise. Renommez-le.");
        if (!ChorusExtensions.Contains(extension))
            return (null, $"Le fichier « {name} » n'a pas une extension acceptée (PDF, images, documents bureautiques, TXT, CSV, XML, ZIP, P7S…).");
        if (!EmbeddableTypes.ContainsKey(extension))
            return (null, $"Le format .{extension} ne peut pas être joint à une facture Factur-X : la norme EN 16931 n'y admet que PDF, PNG, JPEG, CSV, XLSX et ODS. Convertissez « {name} » en PDF.");
        var path = await documents.SaveAsync(content, "." + extension, cancellationToken);
        return (new AttachmentForm { FileName = name, Token = Protector.Protect($"{structureId:N}|{path}") }, null);
    }

    /// <summary>Embeds the form's attachments in the model; errors by field when a token is not this structure's or expired.</summary>
    private async Task<Dictionary<string, string>> AttachAsync(InvoiceForm form, Guid structureId, Invoice model, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attachment in form.Attachments)
        {
            string? path = null;
            try
            {
                var parts = Protector.Unprotect(attachment.Token ?? string.Empty).Split('|', 2);
                if (parts.Length == 2 && parts[0] == structureId.ToString("N")) path = parts[1];
            }
            catch (CryptographicException)
            {
            }
            var name = Path.GetFileName(attachment.FileName ?? string.Empty);
            // The stored file's extension, checked when it was received, gives the MIME code; the name is only shown.
            byte[]? content = null;
            if (path is not null && EmbeddableTypes.TryGetValue(Path.GetExtension(path).TrimStart('.'), out var mime))
            {
                try
                {
                    content = await documents.ReadAsync(path, cancellationToken);
                }
                catch (IOException)
                {
                }
                if (content is not null)
                {
                    model.SupportingDocuments.Add(new SupportingDocument
                    {
                        Reference = name.Length == 0 ? Path.GetFileName(path) : name,
                        Attachment = new Attachment { Content = content, MimeCode = mime, FileName = name.Length == 0 ? Path.GetFileName(path) : name },
                    });
                    continue;
                }
            }
            errors.TryAdd(AttachmentsField, $"La pièce jointe « {name} » n'est plus disponible : retirez-la et joignez-la de nouveau.");
        }
        return errors;
    }
}
