using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Annuaire.Features.ImportAnnuaire;

/// <summary>What an import changed. Only the first <see cref="ImportAnnuaire.KeptRejections"/> rejections are kept.</summary>
public sealed class AnnuaireImportReport
{
    public int StructuresCreated { get; set; }
    public int StructuresUpdated { get; set; }
    public int StructuresUnchanged { get; set; }
    public int ServicesCreated { get; set; }
    public int ServicesUpdated { get; set; }
    public int ServicesUnchanged { get; set; }
    public int RejectedRows { get; set; }
    public List<string> Rejections { get; } = [];
}

/// <summary>
/// Imports an annuaire file into the public structures and their services, in one transaction: a malformed file
/// changes nothing. Lines are read as a stream and written by batches; a line that breaks a rule is rejected and
/// reported, the others are imported. Structures are added or updated, never removed; every one has the default
/// service. Importing the same file twice changes nothing the second time.
/// </summary>
public sealed class ImportAnnuaire(CantateDbContext db, TimeProvider clock)
{
    public const int KeptRejections = 1000;
    private const int BatchStructures = 500;

    /// <exception cref="AnnuaireFileException">The file cannot be imported; the database is unchanged.</exception>
    public async Task<AnnuaireImportReport> HandleAsync(Stream csv, string fileName, CancellationToken cancellationToken)
    {
        var report = new AnnuaireImportReport();
        // One entry per SIRET seen, so a structure spread over the file is counted once and read consistently.
        var structures = new Dictionary<string, (long Line, int Fingerprint)>(StringComparer.Ordinal);
        var services = new HashSet<(string Siret, string Code)>();
        var batch = new Dictionary<string, List<AnnuaireRow>>(StringComparer.Ordinal);
        var firstSeen = new HashSet<string>(StringComparer.Ordinal);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using (var reader = new AnnuaireFileReader(csv, fileName))
        {
            while (reader.Next() is { } line)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = line.Row;
                var rejection = line.Rejection;
                if (row is not null)
                {
                    if (structures.TryGetValue(row.Siret, out var seen) && seen.Fingerprint != row.StructureFingerprint())
                        rejection = $"ligne {line.Number} : les colonnes de la structure {row.Siret} diffèrent de celles de la ligne {seen.Line}";
                    else if (row.ServiceCode is { } code && !services.Add((row.Siret, code)))
                        rejection = $"ligne {line.Number} : le service {code} de la structure {row.Siret} figure déjà plus haut";
                }
                if (rejection is not null)
                {
                    report.RejectedRows++;
                    if (report.Rejections.Count < KeptRejections) report.Rejections.Add(rejection);
                    continue;
                }
                if (structures.TryAdd(row!.Siret, (line.Number, row.StructureFingerprint()))) firstSeen.Add(row.Siret);
                if (!batch.TryGetValue(row.Siret, out var rows)) batch[row.Siret] = rows = [];
                rows.Add(row);
                if (batch.Count >= BatchStructures)
                {
                    await ApplyAsync(batch, firstSeen, report, cancellationToken);
                    batch.Clear();
                    firstSeen.Clear();
                }
            }
        }
        await ApplyAsync(batch, firstSeen, report, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    private async Task ApplyAsync(Dictionary<string, List<AnnuaireRow>> batch, HashSet<string> firstSeen, AnnuaireImportReport report, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return;
        var sirets = batch.Keys.ToList();
        var existing = await db.Structures.Where(s => sirets.Contains(s.Siret)).ToDictionaryAsync(s => s.Siret, StringComparer.Ordinal, cancellationToken);
        var ids = existing.Values.Select(s => s.Id).ToList();
        var existingServices = (await db.StructureServices.Where(x => ids.Contains(x.StructureId)).ToListAsync(cancellationToken))
            .ToLookup(x => x.StructureId);
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var (siret, rows) in batch)
        {
            var first = rows[0];
            var counted = firstSeen.Contains(siret);
            if (!existing.TryGetValue(siret, out var structure))
            {
                structure = new Structure { Siret = siret, RaisonSociale = first.RaisonSociale, CreatedAt = now };
                Assign(structure, first);
                db.Structures.Add(structure);
                if (counted) report.StructuresCreated++;
            }
            else if (Assign(structure, first))
            {
                if (counted) report.StructuresUpdated++;
            }
            else if (counted)
            {
                report.StructuresUnchanged++;
            }

            var current = existingServices[structure.Id].ToDictionary(x => x.Code, StringComparer.Ordinal);
            foreach (var row in rows.Where(r => r.ServiceCode is not null))
            {
                if (!current.TryGetValue(row.ServiceCode!, out var service))
                {
                    service = new StructureService { StructureId = structure.Id, Code = row.ServiceCode!, Label = row.ServiceLabel! };
                    service.Apply(row.ServiceLabel!, row.ServiceEngagementRequired, row.ServiceIsActive);
                    db.StructureServices.Add(service);
                    current[service.Code] = service;
                    report.ServicesCreated++;
                }
                else if (service.Apply(row.ServiceLabel!, row.ServiceEngagementRequired, row.ServiceIsActive))
                {
                    report.ServicesUpdated++;
                }
                else
                {
                    report.ServicesUnchanged++;
                }
            }
            if (!current.ContainsKey(StructureService.DefaultCode))
            {
                db.StructureServices.Add(StructureService.Default(structure.Id));
                report.ServicesCreated++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Copies the line's structure columns; true when something changed.</summary>
    private static bool Assign(Structure s, AnnuaireRow row)
    {
        var changed = !s.IsPublic || s.RaisonSociale != row.RaisonSociale || s.AddressLine != row.AddressLine
            || s.PostalCode != row.PostalCode || s.City != row.City || s.IsActive != row.IsActive
            || s.ServiceCodeRequired != row.ServiceCodeRequired || s.EngagementRequired != row.EngagementRequired
            || s.ServiceOrEngagementRequired != row.ServiceOrEngagementRequired || s.PaymentStatusNotReported != row.PaymentStatusNotReported;
        s.IsPublic = true;
        s.RaisonSociale = row.RaisonSociale;
        s.AddressLine = row.AddressLine;
        s.PostalCode = row.PostalCode;
        s.City = row.City;
        s.IsActive = row.IsActive;
        s.ServiceCodeRequired = row.ServiceCodeRequired;
        s.EngagementRequired = row.EngagementRequired;
        s.ServiceOrEngagementRequired = row.ServiceOrEngagementRequired;
        s.PaymentStatusNotReported = row.PaymentStatusNotReported;
        return changed;
    }
}
