using System.Globalization;
using Cantate.Sirene.Stock;
using Microsoft.Data.Sqlite;

namespace Cantate.Sirene.Offline;

/// <summary>
/// The offline SIRENE store: one SQLite file holding établissements and unités légales, built from the INSEE
/// stock files by <see cref="SireneStockImporter"/> or from the demo extract shipped in this library.
/// </summary>
/// <remarks>
/// The portal calls <see cref="EnsureCreatedAsync"/> once at startup (the quick start then works with no
/// download); <see cref="OfflineSireneDirectory"/> also calls it lazily on its first lookup. A store is never
/// modified in place: an import writes a new file and renames it over the old one, so readers keep a complete
/// store at all times.
/// </remarks>
public static class OfflineSireneStore
{
    /// <summary>Version of the table layout written in <c>store_info</c>.</summary>
    public const int SchemaVersion = 1;

    private static readonly SemaphoreSlim CreationLock = new(1, 1);

    internal const string Schema = """
        CREATE TABLE etablissement (
            siret INTEGER NOT NULL,
            siren INTEGER NOT NULL,
            active INTEGER NOT NULL,
            siege INTEGER NOT NULL,
            masked INTEGER NOT NULL,
            address_line TEXT,
            address_complement TEXT,
            postal_code TEXT,
            city TEXT,
            country_code TEXT NOT NULL,
            country_name TEXT,
            naf TEXT
        );
        CREATE TABLE unite_legale (
            siren INTEGER NOT NULL,
            active INTEGER NOT NULL,
            masked INTEGER NOT NULL,
            name TEXT,
            categorie_juridique TEXT,
            naf TEXT
        );
        CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT);
        """;

    internal const string Indexes = """
        CREATE INDEX etablissement_siret ON etablissement (siret);
        CREATE INDEX unite_legale_siren ON unite_legale (siren);
        """;

    /// <summary>
    /// Creates the store at <paramref name="path"/> when no file is there yet: with the demo extract when
    /// <paramref name="seedDemoData"/> is true, empty otherwise (lookups then answer Unavailable until
    /// <c>cantate sirene import</c> has run). An existing store is left untouched. Safe to call concurrently.
    /// </summary>
    public static async Task EnsureCreatedAsync(string path, bool seedDemoData, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path)) return;
        await CreationLock.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(path)) return;
            if (seedDemoData)
                await SireneStockImporter.ImportAsync(DemoEtablissements(), DemoUnitesLegales(), path, null, "demo", cancellationToken);
            else
                await SireneStockImporter.ImportAsync(null, null, path, null, "empty", cancellationToken);
        }
        finally
        {
            CreationLock.Release();
        }
    }

    /// <summary>The demo StockEtablissement extract embedded in this library (real INSEE CSV format).</summary>
    public static StockFile DemoEtablissements() => Embedded("StockEtablissement_demo.csv");

    /// <summary>The demo StockUniteLegale extract embedded in this library (real INSEE CSV format).</summary>
    public static StockFile DemoUnitesLegales() => Embedded("StockUniteLegale_demo.csv");

    /// <summary>What the store holds (row counts, origin, import date), or null when there is no store at <paramref name="path"/>.</summary>
    public static async Task<SireneStoreInfo?> ReadInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path)) return null;
        await using var connection = OpenReadOnly(path);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM store_info";
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                values[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }
        return new SireneStoreInfo(
            values.GetValueOrDefault("source") ?? "unknown",
            Long(values, "etablissements"),
            Long(values, "unites_legales"),
            values.GetValueOrDefault("imported_at") is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : null);
    }

    private static long Long(Dictionary<string, string?> values, string key) =>
        values.GetValueOrDefault(key) is { } v ? long.Parse(v, CultureInfo.InvariantCulture) : 0;

    /// <summary>
    /// A read-only connection. Not pooled: after an import renames a new file over the store, the next lookup
    /// opens the new file instead of a pooled handle on the old one.
    /// </summary>
    internal static SqliteConnection OpenReadOnly(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());

    private static StockFile Embedded(string fileName)
    {
        var assembly = typeof(OfflineSireneStore).Assembly;
        var resource = $"Cantate.Sirene.DemoData.{fileName}";
        using var probe = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Ressource {resource} absente de {assembly.GetName().Name}.");
        return new StockFile(fileName, () => assembly.GetManifestResourceStream(resource)!, probe.Length);
    }
}

/// <summary>What an offline store holds.</summary>
/// <param name="Source">"stock" (INSEE files), "demo" (embedded extract) or "empty".</param>
/// <param name="Etablissements">Établissement rows.</param>
/// <param name="UnitesLegales">Unité légale rows.</param>
/// <param name="ImportedAt">When the store was built.</param>
public sealed record SireneStoreInfo(string Source, long Etablissements, long UnitesLegales, DateTimeOffset? ImportedAt);
