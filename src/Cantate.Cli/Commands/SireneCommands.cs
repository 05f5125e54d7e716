using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using Cantate.Sirene;
using Cantate.Sirene.Offline;
using Cantate.Sirene.Stock;
using Microsoft.Extensions.Configuration;

namespace Cantate.Cli.Commands;

/// <summary>
/// <c>sirene import</c>: builds the offline SIRENE store from the INSEE stock files; <c>sirene lookup</c>: reads it.
/// Exit codes: 0 done, 1 import failed (malformed or unreadable file; the previous store is kept), 2 usage error.
/// </summary>
internal static class SireneCommands
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var etablissements = new Option<FileInfo>("--etablissements")
        {
            Description = "StockEtablissement_utf8.csv (ou le .zip publié par l'INSEE).",
            Required = true,
        };
        var unitesLegales = new Option<FileInfo>("--unites-legales")
        {
            Description = "StockUniteLegale_utf8.csv (ou le .zip publié par l'INSEE).",
            Required = true,
        };
        var store = new Option<FileInfo?>("--store")
        {
            Description = "Base SIRENE à écrire (défaut : <Cantate:DataDirectory>/sirene.db, DataDirectory valant ./.cantate par défaut).",
        };
        var import = new Command("import", "Importe les fichiers stock SIRENE de l'INSEE dans la base locale (remplacée seulement une fois l'import terminé).")
        {
            etablissements,
            unitesLegales,
            store,
        };
        import.Action = new ImportAction(etablissements, unitesLegales, store);

        var siret = new Argument<string>("siret") { Description = "SIRET à rechercher (14 chiffres, espaces acceptés)." };
        var lookupStore = new Option<FileInfo?>("--store") { Description = "Base SIRENE à lire (même défaut que pour import)." };
        var lookup = new Command("lookup", "Affiche l'établissement de ce SIRET tel que la base locale le connaît.") { siret, lookupStore };
        lookup.Action = new LookupAction(siret, lookupStore);

        root.Subcommands.Add(new Command("sirene", "Base SIRENE locale (établissements et unités légales).") { import, lookup });
    }

    /// <summary><c>Cantate:DataDirectory</c> from the environment (<c>Cantate__DataDirectory</c>) or ./appsettings.json.</summary>
    private static string DefaultStorePath()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var dataDirectory = configuration["Cantate:DataDirectory"];
        return Path.Combine(string.IsNullOrWhiteSpace(dataDirectory) ? ".cantate" : dataDirectory, "sirene.db");
    }

    private static async Task<int> UsageErrorsAsync(ParseResult parseResult)
    {
        foreach (var error in parseResult.Errors) await Console.Error.WriteLineAsync(error.Message);
        return 2;
    }

    private sealed class ImportAction(Option<FileInfo> etablissementsOption, Option<FileInfo> unitesLegalesOption, Option<FileInfo?> storeOption)
        : AsynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            if (parseResult.Errors.Count > 0) return await UsageErrorsAsync(parseResult);
            var stderr = Console.Error;
            var etablissements = parseResult.GetValue(etablissementsOption)!;
            var unitesLegales = parseResult.GetValue(unitesLegalesOption)!;
            foreach (var file in new[] { etablissements, unitesLegales })
            {
                if (!file.Exists)
                {
                    await stderr.WriteLineAsync($"Fichier introuvable : {file.FullName}");
                    return 2;
                }
            }
            var store = parseResult.GetValue(storeOption)?.FullName ?? Path.GetFullPath(DefaultStorePath());

            await stderr.WriteLineAsync($"Import SIRENE vers {store}");
            var bar = new ProgressBar(stderr);
            try
            {
                var result = await SireneStockImporter.ImportAsync(
                    StockFile.FromPath(etablissements.FullName), StockFile.FromPath(unitesLegales.FullName), store, bar, "stock", cancellationToken);
                bar.Finish();
                await PrintSummaryAsync(result, store);
                return 0;
            }
            catch (StockFileFormatException ex)
            {
                bar.Finish();
                await stderr.WriteLineAsync($"Import interrompu, la base précédente est conservée. {ex.Message}");
                return 1;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                bar.Finish();
                await stderr.WriteLineAsync($"Import interrompu, la base précédente est conservée. {ex.Message}");
                return 1;
            }
            catch (OperationCanceledException)
            {
                bar.Finish();
                await stderr.WriteLineAsync("Import annulé, la base précédente est conservée.");
                return 1;
            }
        }

        private static async Task PrintSummaryAsync(SireneImportResult result, string store)
        {
            var output = Console.Out;
            await output.WriteLineAsync(string.Create(French, $"Base SIRENE : {store}"));
            await output.WriteLineAsync(string.Create(French, $"  établissements importés : {result.Etablissements:N0}"));
            await output.WriteLineAsync(string.Create(French, $"  unités légales importées : {result.UnitesLegales:N0}"));
            await output.WriteLineAsync(string.Create(French, $"  lignes rejetées : {result.Rejected:N0}"));
            foreach (var (reason, count) in result.RejectionsByReason.OrderByDescending(r => r.Value))
                await output.WriteLineAsync(string.Create(French, $"    {count:N0} × {reason}"));
            foreach (var sample in result.RejectionSamples.Take(5))
                await output.WriteLineAsync(string.Create(French, $"    par exemple {sample.FileName}, ligne {sample.Line} : {sample.Reason}"));
            await output.WriteLineAsync(string.Create(French, $"  durée : {result.Duration:hh\\:mm\\:ss}"));
        }
    }

    private sealed class LookupAction(Argument<string> siretArgument, Option<FileInfo?> storeOption) : AsynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            if (parseResult.Errors.Count > 0) return await UsageErrorsAsync(parseResult);
            var siret = parseResult.GetValue(siretArgument)!;
            if (SiretRules.Check(siret) is not SiretProblem.None and var problem)
            {
                await Console.Error.WriteLineAsync($"SIRET refusé ({problem}) : {siret}");
                return 2;
            }
            var store = parseResult.GetValue(storeOption)?.FullName ?? Path.GetFullPath(DefaultStorePath());
            if (!File.Exists(store))
            {
                await Console.Error.WriteLineAsync($"Pas de base SIRENE à {store} : lancez « cantate sirene import ».");
                return 1;
            }
            var lookup = await new OfflineSireneDirectory(store).FindEtablissementAsync(siret, cancellationToken);
            if (lookup.Etablissement is not { } e)
            {
                await Console.Error.WriteLineAsync(lookup.Status == SireneLookupStatus.NotFound ? "SIRET inconnu de la base SIRENE locale." : lookup.Detail);
                return 1;
            }
            var output = Console.Out;
            await output.WriteLineAsync($"{e.Siret}  {e.RaisonSociale ?? "[non diffusé]"}");
            await output.WriteLineAsync($"  {(e.IsActive ? "actif" : "fermé")}{(e.UniteLegaleIsActive ? "" : ", unité légale cessée")}{(e.IsSiege ? ", siège" : "")}{(e.PartiallyDiffusible ? ", diffusion partielle" : "")}");
            foreach (var line in new[] { e.AddressLine, e.AddressComplement, $"{e.PostalCode} {e.City}".Trim(), e.CountryName })
                if (!string.IsNullOrWhiteSpace(line)) await output.WriteLineAsync($"  {line}");
            await output.WriteLineAsync($"  catégorie juridique {e.CategorieJuridique ?? "?"}, NAF {e.ActivitePrincipale ?? "?"}");
            return 0;
        }
    }

    /// <summary>A bar redrawn in place on a terminal; plain lines every 5 % when stderr is redirected.</summary>
    private sealed class ProgressBar(TextWriter stderr) : IProgress<SireneImportProgress>
    {
        private const int Width = 30;
        private readonly bool _interactive = !Console.IsErrorRedirected;
        private readonly object _gate = new();
        private int _lastStep = -1;
        private SireneImportPhase? _lastPhase;
        private bool _drawn;

        public void Report(SireneImportProgress value)
        {
            lock (_gate)
            {
                var percent = value.Fraction * 100;
                var rate = value.Elapsed.TotalSeconds > 0 ? value.Rows / value.Elapsed.TotalSeconds : 0;
                var eta = value.Fraction is > 0 and < 1
                    ? TimeSpan.FromSeconds(value.Elapsed.TotalSeconds * (1 - value.Fraction) / value.Fraction)
                    : TimeSpan.Zero;
                var stage = value.Phase switch
                {
                    SireneImportPhase.UnitesLegales => "unités légales",
                    SireneImportPhase.Etablissements => "établissements",
                    SireneImportPhase.BuildingIndexes => "index",
                    _ => "terminé",
                };
                var text = string.Create(French,
                    $"{percent,5:0.0} %  {value.Rows:N0} lignes  {rate:N0} lignes/s  reste ~{eta:hh\\:mm\\:ss}  ({stage})");
                if (_interactive)
                {
                    var filled = (int)Math.Round(value.Fraction * Width);
                    stderr.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {text}   ");
                    _drawn = true;
                }
                else
                {
                    var step = (int)(percent / 5);
                    if (step == _lastStep && value.Phase == _lastPhase) return;
                    _lastStep = step;
                    _lastPhase = value.Phase;
                    stderr.WriteLine(text);
                }
            }
        }

        public void Finish()
        {
            lock (_gate)
            {
                if (_drawn) stderr.WriteLine();
                _drawn = false;
            }
        }
    }
}
