using System.Security.Cryptography;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features.ProcessInvoice;
using Cantate.Web.Persistence;
using Microsoft.AspNetCore.StaticFiles;

namespace Cantate.Web.Modules.Api.Operations.Deposits;

/// <summary>
/// <c>POST /cpro/transverses/v1/ajouter/fichier</c>: a file for a later soumettre (the PDF of a DEPOT_PDF_API invoice,
/// or a pièce jointe), kept for the caller's structure and named by its pieceJointeId. Chorus Pro's rules for pièces
/// jointes apply, the same as the portal's (<see cref="InvoiceActions"/>): 10 Mo at most (error 20003), no empty file,
/// a name of 50 characters at most with its extension, from its list of extensions. pieceJointeExtension is read
/// upper-case and without its dot ("PDF"), as fe and go send it.
/// </summary>
public static class AjouterFichier
{
    private static readonly FileExtensionContentTypeProvider MimeTypes = new();

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
        if (!InvoiceActions.AttachmentExtensions.Contains(extension.ToLowerInvariant()))
        {
            var accepted = string.Join(", ", InvoiceActions.AttachmentExtensions.Select(e => e.ToUpperInvariant()).Order(StringComparer.Ordinal));
            throw new CproException(CproCodes.InvalidField, $"L'extension « {extension} » (pieceJointeExtension) n'est pas acceptée. Extensions acceptées : {accepted}.");
        }
        // Chorus Pro wants the extension in the name too; a name sent without one gets it.
        if (Path.GetExtension(name).Length == 0) name += "." + extension.ToLowerInvariant();
        if (name.Length > InvoiceActions.MaxAttachmentNameLength)
        {
            throw new CproException(CproCodes.InvalidField,
                $"Le nom « {name} » (pieceJointeNom) compte {name.Length} caractères : {InvoiceActions.MaxAttachmentNameLength} au plus, extension comprise. Raccourcissez-le.");
        }
        var content = request.Base64("pieceJointeFichier") ?? throw request.Missing("pieceJointeFichier", "joignez le fichier encodé en base64");
        if (content.Length == 0)
            throw new CproException(CproCodes.InvalidField, $"Le fichier « {name} » (pieceJointeFichier) est vide : joignez le document lui-même.");
        if (content.Length > InvoiceActions.MaxAttachmentBytes)
            throw new CproException(CproCodes.FileTooLarge, $"Le fichier « {name} » dépasse 10 Mo, la taille maximale d'une pièce jointe : réduisez-le ou scindez-le.");
        var mime = request.Text("pieceJointeTypeMime") ?? (MimeTypes.TryGetContentType(name, out var type) ? type : "application/octet-stream");

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
