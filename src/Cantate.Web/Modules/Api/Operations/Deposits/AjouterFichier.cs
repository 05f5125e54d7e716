using System.Collections.Frozen;
using System.Security.Cryptography;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Persistence;

namespace Cantate.Web.Modules.Api.Operations.Deposits;

/// <summary>
/// <c>POST /cpro/transverses/v1/ajouter/fichier</c>: a file for a later soumettre (the PDF of a DEPOT_PDF_API invoice,
/// or a pièce jointe), kept for the caller's structure and named by its pieceJointeId. Chorus Pro's rules apply:
/// 10 Mo at most (error 20003), no empty file, a name of 50 characters at most with its extension, from its list
/// of extensions. pieceJointeExtension is read upper-case and without its dot ("PDF"), as fe and go send it.
/// </summary>
public static class AjouterFichier
{
    public const long MaxBytes = 10L * 1024 * 1024;
    public const int MaxNameLength = 50;

    /// <summary>The extensions Chorus Pro accepts for a pièce jointe.</summary>
    public static readonly FrozenSet<string> Extensions = new[]
    {
        "BMP", "GIF", "FAX", "ODT", "PPT", "TIFF", "XLS", "BZ2", "GZ", "JPEG", "P7S", "RTF", "TXT", "XML", "CSV", "GZIP", "JPG", "PDF", "SVG",
        "XHTML", "XLSX", "DOC", "HTM", "ODP", "PNG", "TGZ", "XLC", "ZIP", "DOCX", "HTML", "ODS", "PPS", "TIF", "XLM", "PPTX",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> MimeTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PDF"] = "application/pdf", ["PNG"] = "image/png", ["JPG"] = "image/jpeg", ["JPEG"] = "image/jpeg", ["GIF"] = "image/gif",
        ["TIF"] = "image/tiff", ["TIFF"] = "image/tiff", ["BMP"] = "image/bmp", ["SVG"] = "image/svg+xml", ["XML"] = "application/xml",
        ["CSV"] = "text/csv", ["TXT"] = "text/plain", ["HTML"] = "text/html", ["HTM"] = "text/html", ["ZIP"] = "application/zip",
        ["XLSX"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ["ODS"] = "application/vnd.oasis.opendocument.spreadsheet",
        ["DOCX"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ["ODT"] = "application/vnd.oasis.opendocument.text",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static async Task<IResult> HandleAsync(HttpContext http, CantateDbContext db, DocumentStore documents, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(clock);
        var caller = CproCaller.Of(http);
        var request = CproCaller.RequestOf(http);
        var name = FileNames.Clean(request.Text("pieceJointeNom"))
            ?? throw request.Missing("pieceJointeNom", "indiquez le nom du fichier avec son extension (par exemple facture.pdf)");
        var extension = (request.Text("pieceJointeExtension") ?? Path.GetExtension(name)).TrimStart('.').ToUpperInvariant();
        if (extension.Length == 0)
            throw request.Missing("pieceJointeExtension", "indiquez l'extension du fichier, en majuscules et sans point (par exemple PDF)");
        if (!Extensions.Contains(extension))
        {
            throw new CproException(CproCodes.InvalidField,
                $"L'extension « {extension} » (pieceJointeExtension) n'est pas acceptée. Extensions acceptées : {string.Join(", ", Extensions.Order(StringComparer.Ordinal))}.");
        }
        // Chorus Pro wants the extension in the name too; a name sent without one gets it.
        if (Path.GetExtension(name).Length == 0) name += "." + extension.ToLowerInvariant();
        if (name.Length > MaxNameLength)
        {
            throw new CproException(CproCodes.InvalidField,
                $"Le nom « {name} » (pieceJointeNom) compte {name.Length} caractères : {MaxNameLength} au plus, extension comprise. Raccourcissez-le.");
        }
        var content = request.Base64("pieceJointeFichier") ?? throw request.Missing("pieceJointeFichier", "joignez le fichier encodé en base64");
        if (content.Length == 0)
            throw new CproException(CproCodes.InvalidField, $"Le fichier « {name} » (pieceJointeFichier) est vide : joignez le document lui-même.");
        if (content.Length > MaxBytes)
            throw new CproException(CproCodes.FileTooLarge, $"Le fichier « {name} » dépasse 10 Mo, la taille maximale d'une pièce jointe : réduisez-le ou scindez-le.");
        var mime = request.Text("pieceJointeTypeMime") ?? MimeTypes.GetValueOrDefault(extension, "application/octet-stream");

        var now = clock.GetUtcNow().UtcDateTime;
        var path = await documents.SaveAsync(content, "." + extension.ToLowerInvariant(), cancellationToken);
        var file = new ApiFile
        {
            StructureId = caller.StructureId,
            TechnicalAccountId = caller.TechnicalAccountId,
            FileName = name,
            MimeType = mime.Length > 100 ? mime[..100] : mime,
            Extension = extension,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            StoragePath = path,
            UploadedAt = now,
        };
        db.ApiFiles.Add(file);
        await db.SaveChangesAsync(cancellationToken);
        return CproResults.Ok(new { pieceJointeId = file.CppId });
    }
}
