using System.Text;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Annuaire.Features.ExportAnnuaire;

/// <summary>
/// Writes every public structure and its services in the annuaire format (UTF-8 without BOM), in SIRET order,
/// reading the database by pages of structures so memory stays bounded.
/// </summary>
public sealed class ExportAnnuaire(CantateDbContext db)
{
    private const int PageSize = 1000;

    /// <summary>Returns the number of structures written.</summary>
    public async Task<int> HandleAsync(Stream output, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
        await using (writer)
        {
            await writer.WriteAsync(AnnuaireCsv.Header + "\n");
            var count = 0;
            var after = string.Empty;
            while (true)
            {
                var last = after;
                // Keyset paging on the unique SIRET index.
                var page = await db.Structures.AsNoTracking()
                    .Where(s => s.IsPublic && string.Compare(s.Siret, last) > 0)
                    .OrderBy(s => s.Siret).Take(PageSize).ToListAsync(cancellationToken);
                if (page.Count == 0) break;
                var ids = page.Select(s => s.Id).ToList();
                var services = (await db.StructureServices.AsNoTracking().Where(x => ids.Contains(x.StructureId)).ToListAsync(cancellationToken))
                    .ToLookup(x => x.StructureId);
                foreach (var s in page)
                {
                    var row = new AnnuaireRow(s.Siret, s.RaisonSociale, s.AddressLine, s.PostalCode, s.City, s.ServiceCodeRequired,
                        s.EngagementRequired, s.ServiceOrEngagementRequired, s.PaymentStatusNotReported, s.IsActive, null, null, false, true);
                    var own = services[s.Id].OrderBy(x => x.Code, StringComparer.Ordinal).ToList();
                    if (own.Count == 0) AnnuaireCsv.WriteRow(writer, row);
                    foreach (var service in own)
                    {
                        AnnuaireCsv.WriteRow(writer, row with
                        {
                            ServiceCode = service.Code, ServiceLabel = service.Label,
                            ServiceEngagementRequired = service.EngagementRequired, ServiceIsActive = service.IsActive,
                        });
                    }
                }
                count += page.Count;
                after = page[^1].Siret;
                await writer.FlushAsync(cancellationToken);
            }
            return count;
        }
    }
}
