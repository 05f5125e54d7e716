using System.IO.Compression;
using Cantate.Web.Modules.Annuaire.Features.ExportAnnuaire;
using Cantate.Web.Modules.Api.Gateway;

namespace Cantate.Web.Modules.Api.Operations.Structures;

/// <summary>
/// <c>POST /cpro/transverses/v1/telecharger/annuaire/destinataire</c>: the annuaire of public structures and their
/// services in <c>fichierResultat</c>, base64 of a ZIP (as Chorus Pro sends it: "UEsDB...") holding one file,
/// <see cref="EntryName"/>, in the platform's annuaire CSV format (the export of the portal, which imports back).
/// </summary>
public sealed class DownloadAnnuaire(ExportAnnuaire export)
{
    public const string EntryName = "annuaire-destinataires.csv";

    public async Task<IResult> HandleAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = zip.CreateEntry(EntryName, CompressionLevel.Optimal).Open();
            await export.HandleAsync(entry, cancellationToken);
        }
        return CproResults.Ok(new { fichierResultat = Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length) });
    }
}
