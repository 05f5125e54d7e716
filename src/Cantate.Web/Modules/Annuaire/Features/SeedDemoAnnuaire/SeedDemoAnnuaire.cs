using System.Text;
using Cantate.Sirene;
using Cantate.Web.Hosting;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cantate.Web.Modules.Annuaire.Features.SeedDemoAnnuaire;

/// <summary>
/// Fills an empty annuaire with <see cref="DemoAnnuaire"/> when <c>Cantate:SeedDemoData</c> is on, through the
/// same import as <c>cantate annuaire import</c>. <c>Cantate:Annuaire:SeedDemoStructures</c> (true/false), when set,
/// decides on its own (tests start with an empty annuaire and choose its content).
/// </summary>
public sealed partial class SeedDemoAnnuaire(CantateDbContext db, ImportAnnuaire.ImportAnnuaire import, ISireneDirectory sirene,
    IOptions<CantateOptions> options, IConfiguration configuration, ILogger<SeedDemoAnnuaire> logger)
{
    public const string SettingName = "Cantate:Annuaire:SeedDemoStructures";

    /// <summary>True when the demo annuaire was loaded.</summary>
    public async Task<bool> HandleAsync(CancellationToken cancellationToken)
    {
        var wanted = configuration.GetValue<bool?>(SettingName) ?? options.Value.SeedDemoData;
        if (!wanted || await db.Structures.AnyAsync(s => s.IsPublic, cancellationToken)) return false;

        using var csv = new MemoryStream();
        await using (var writer = new StreamWriter(csv, new UTF8Encoding(false), leaveOpen: true))
        {
            await writer.WriteAsync(AnnuaireCsv.Header + "\n");
            using var reader = new AnnuaireFileReader(new MemoryStream(Encoding.UTF8.GetBytes(DemoAnnuaire.Csv)), "annuaire de démonstration");
            while (reader.Next() is { Row: { } row })
            {
                var lookup = await sirene.FindEtablissementAsync(row.Siret, cancellationToken);
                AnnuaireCsv.WriteRow(writer, lookup.Etablissement is { RaisonSociale: { } name } e
                    ? row with { RaisonSociale = name, AddressLine = e.AddressLine, PostalCode = e.PostalCode, City = e.City }
                    : row);
            }
        }
        csv.Position = 0;
        try
        {
            var report = await import.HandleAsync(csv, "annuaire de démonstration", cancellationToken);
            LogSeeded(logger, report.StructuresCreated, report.ServicesCreated);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance seeded at the same moment: its annuaire is the same.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Annuaire de démonstration chargé : {Structures} structures publiques, {Services} services.")]
    private static partial void LogSeeded(ILogger logger, int structures, int services);
}
