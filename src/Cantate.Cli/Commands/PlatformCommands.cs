using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Annuaire.Features.ExportAnnuaire;
using Cantate.Web.Modules.Annuaire.Features.ImportAnnuaire;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Cli.Commands;

/// <summary>
/// Verbs that act on the platform's database (annuaire, api clients...), found as the portal finds it.
/// <c>annuaire import FILE</c> and <c>annuaire export FILE</c>: exit 0 done (rejected lines are listed), 1 the file
/// cannot be read or imported (nothing changed), 2 usage error.
/// </summary>
internal static class PlatformCommands
{
    private const int Failed = 1;
    private const int UsageError = 2;
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var importFile = new Argument<string>("file") { Description = "Fichier CSV de l'annuaire (UTF-8, en-tête " + AnnuaireCsv.Header + ")." };
        var import = new Command("import", "Importe les structures publiques et leurs services (ajoute et met à jour, ne supprime rien ; tout ou rien).") { importFile };
        import.Action = new PlatformAction(parse => ImportAsync(parse, parse.GetValue(importFile)!));

        var exportFile = new Argument<string>("file") { Description = "Fichier CSV à écrire." };
        var export = new Command("export", "Exporte toutes les structures publiques et leurs services au format d'import.") { exportFile };
        export.Action = new PlatformAction(parse => ExportAsync(parse, parse.GetValue(exportFile)!));

        var annuaire = new Command("annuaire", "Annuaire des structures publiques (destinataires des factures).") { import, export };
        annuaire.Action = new PlatformAction(async parse =>
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync("Précisez « annuaire import FICHIER » ou « annuaire export FICHIER ».");
            return UsageError;
        });
        root.Subcommands.Add(annuaire);
    }

    private static async Task<int> ImportAsync(ParseResult parse, string path)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await error.WriteLineAsync($"Impossible de lire {path} : {e.Message}");
            return Failed;
        }
        await using (file)
        {
            await using var services = await PlatformHost.StartAsync(CancellationToken.None);
            await using var scope = services.CreateAsyncScope();
            AnnuaireImportReport report;
            try
            {
                report = await scope.ServiceProvider.GetRequiredService<ImportAnnuaire>().HandleAsync(file, Path.GetFileName(path), CancellationToken.None);
            }
            catch (AnnuaireFileException ex)
            {
                await error.WriteLineAsync($"Import refusé, l'annuaire est inchangé. {path} :");
                foreach (var message in ex.Errors) await error.WriteLineAsync("  " + message);
                return Failed;
            }
            catch (IOException ex)
            {
                await error.WriteLineAsync($"Import interrompu, l'annuaire est inchangé. {path} : {ex.Message}");
                return Failed;
            }
            await output.WriteLineAsync($"Annuaire importé depuis {path}");
            await output.WriteLineAsync(string.Create(French,
                $"  structures : {report.StructuresCreated:N0} créée(s), {report.StructuresUpdated:N0} mise(s) à jour, {report.StructuresUnchanged:N0} inchangée(s)"));
            await output.WriteLineAsync(string.Create(French,
                $"  services : {report.ServicesCreated:N0} créé(s), {report.ServicesUpdated:N0} mis à jour, {report.ServicesUnchanged:N0} inchangé(s)"));
            await output.WriteLineAsync(string.Create(French, $"  lignes rejetées : {report.RejectedRows:N0}"));
            foreach (var rejection in report.Rejections) await output.WriteLineAsync("    " + rejection);
            if (report.RejectedRows > report.Rejections.Count)
                await output.WriteLineAsync(string.Create(French, $"    ... et {report.RejectedRows - report.Rejections.Count:N0} autre(s)"));
            return 0;
        }
    }

    private static async Task<int> ExportAsync(ParseResult parse, string path)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        await using var services = await PlatformHost.StartAsync(CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        var temporary = path + ".part";
        try
        {
            int count;
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                count = await scope.ServiceProvider.GetRequiredService<ExportAnnuaire>().HandleAsync(file, CancellationToken.None);
            }
            File.Move(temporary, path, overwrite: true);
            await output.WriteLineAsync(string.Create(French, $"Annuaire exporté vers {path} : {count:N0} structure(s) publique(s)"));
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await error.WriteLineAsync($"Impossible d'écrire {path} : {e.Message}");
            try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            return Failed;
        }
    }
}
