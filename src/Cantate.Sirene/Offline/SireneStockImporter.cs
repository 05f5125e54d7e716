using System.Diagnostics;
using System.Globalization;
using Cantate.Sirene.Stock;
using Microsoft.Data.Sqlite;

namespace Cantate.Sirene.Offline;

/// <summary>
/// Builds the offline store from the INSEE stock files (StockEtablissement_utf8 and StockUniteLegale_utf8, CSV
/// or zip). Streams both files with bounded memory, writes a new store next to the target and renames it over
/// the target only once complete: a running portal keeps answering from the old store meanwhile.
/// </summary>
public static class SireneStockImporter
{
    /// <summary>Rows per transaction.</summary>
    public const int BatchSize = 50_000;

    private const int MaxSamples = 20;

    /// <summary>Imports the two stock files (paths to .csv or .zip) into the store at <paramref name="storePath"/>.</summary>
    /// <exception cref="FileNotFoundException">A stock file does not exist.</exception>
    /// <exception cref="StockFileFormatException">A stock file is malformed; the store is left unchanged.</exception>
    public static Task<SireneImportResult> ImportAsync(
        string etablissementsCsv, string unitesLegalesCsv, string storePath,
        IProgress<SireneImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync(StockFile.FromPath(etablissementsCsv), StockFile.FromPath(unitesLegalesCsv), storePath, progress, "stock", cancellationToken);

    /// <summary>
    /// Imports stock files from any source. A null file imports nothing of that kind (an empty store is made
    /// from two nulls). <paramref name="source"/> is recorded in the store ("stock" by default).
    /// </summary>
    public static async Task<SireneImportResult> ImportAsync(
        StockFile? etablissements, StockFile? unitesLegales, string storePath,
        IProgress<SireneImportProgress>? progress = null, string source = "stock", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storePath);
        var target = Path.GetFullPath(storePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.import-{Guid.NewGuid():N}";
        var clock = Stopwatch.StartNew();
        long uniteLegaleRows = 0, etablissementRows = 0;
        var tally = new Tally((etablissements?.Length ?? 0) + (unitesLegales?.Length ?? 0), progress);

        try
        {
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString()))
            {
                await connection.OpenAsync(cancellationToken);
                // The file is private until renamed: durability is pointless, a crash just means importing again.
                await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536; PRAGMA temp_store=FILE;", cancellationToken);
                await ExecuteAsync(connection, OfflineSireneStore.Schema, cancellationToken);

                if (unitesLegales is not null)
                    uniteLegaleRows = await Task.Run(() => LoadUnitesLegales(connection, unitesLegales, tally, cancellationToken), cancellationToken);
                if (etablissements is not null)
                    etablissementRows = await Task.Run(() => LoadEtablissements(connection, etablissements, tally, cancellationToken), cancellationToken);

                tally.Phase = SireneImportPhase.BuildingIndexes;
                tally.Report(force: true);
                await ExecuteAsync(connection, OfflineSireneStore.Indexes, cancellationToken);

                await using (var info = connection.CreateCommand())
                {
                    info.CommandText = "INSERT INTO store_info (key, value) VALUES ('schema_version', $v), ('source', $s), ('imported_at', $at), ('etablissements', $e), ('unites_legales', $u), ('etablissements_file', $ef), ('unites_legales_file', $uf)";
                    info.Parameters.AddWithValue("$v", OfflineSireneStore.SchemaVersion.ToString(CultureInfo.InvariantCulture));
                    info.Parameters.AddWithValue("$s", source);
                    info.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                    info.Parameters.AddWithValue("$e", etablissementRows.ToString(CultureInfo.InvariantCulture));
                    info.Parameters.AddWithValue("$u", uniteLegaleRows.ToString(CultureInfo.InvariantCulture));
                    info.Parameters.AddWithValue("$ef", (object?)etablissements?.Name ?? DBNull.Value);
                    info.Parameters.AddWithValue("$uf", (object?)unitesLegales?.Name ?? DBNull.Value);
                    await info.ExecuteNonQueryAsync(cancellationToken);
                }
                // Readers open the store read-only with a rollback journal: no -wal file must come with it.
                await ExecuteAsync(connection, "PRAGMA journal_mode=DELETE;", cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
            tally.Phase = SireneImportPhase.Done;
            tally.Report(force: true);
            return new SireneImportResult(etablissementRows, uniteLegaleRows, tally.Rejected, tally.RejectionsByReason, tally.Samples, clock.Elapsed);
        }
        finally
        {
            foreach (var leftover in new[] { temporary, temporary + "-wal", temporary + "-shm", temporary + "-journal" })
                if (File.Exists(leftover)) File.Delete(leftover);
        }
    }

    /// <summary>Writes the current record, or says why it is rejected.</summary>
    private delegate string? RowWriter(StockCsvReader reader);

    private static long LoadUnitesLegales(SqliteConnection connection, StockFile file, Tally tally, CancellationToken cancellationToken) =>
        Load(connection, file, tally, SireneImportPhase.UnitesLegales,
            "INSERT INTO unite_legale (siren, active, masked, name, categorie_juridique, naf) VALUES ($1, $2, $3, $4, $5, $6)", 6,
            (header, insert) =>
            {
                const string expected = "StockUniteLegale";
                var siren = header.Required("siren", expected);
                var etat = header.Required("etatAdministratifUniteLegale", expected);
                var statut = header.Optional("statutDiffusionUniteLegale");
                var denomination = header.Optional("denominationUniteLegale");
                var prenomUsuel = header.Optional("prenomUsuelUniteLegale");
                var prenom1 = header.Optional("prenom1UniteLegale");
                var nomUsage = header.Optional("nomUsageUniteLegale");
                var nom = header.Optional("nomUniteLegale");
                var categorie = header.Optional("categorieJuridiqueUniteLegale");
                var naf = header.Optional("activitePrincipaleUniteLegale");
                return reader =>
                {
                    if (!TryParseDigits(reader[siren], 9, out var sirenValue)) return "SIREN absent ou différent de 9 chiffres";
                    var masked = SireneValues.IsPartialDiffusionStatus(Field(reader, statut));
                    var name = SireneValues.BuildName(
                        Clean(reader, denomination, ref masked), Clean(reader, prenomUsuel, ref masked), Clean(reader, prenom1, ref masked),
                        Clean(reader, nomUsage, ref masked), Clean(reader, nom, ref masked));
                    var categorieValue = Clean(reader, categorie, ref masked);
                    var nafValue = Clean(reader, naf, ref masked);
                    insert.Execute(sirenValue, reader[etat].SequenceEqual("A") ? 1 : 0, masked ? 1 : 0, name, categorieValue, nafValue);
                    return null;
                };
            }, cancellationToken);

    private static long LoadEtablissements(SqliteConnection connection, StockFile file, Tally tally, CancellationToken cancellationToken) =>
        Load(connection, file, tally, SireneImportPhase.Etablissements,
            "INSERT INTO etablissement (siret, siren, active, siege, masked, address_line, address_complement, postal_code, city, country_code, country_name, naf) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", 12,
            (header, insert) =>
            {
                const string expected = "StockEtablissement";
                var siret = header.Required("siret", expected);
                var etat = header.Required("etatAdministratifEtablissement", expected);
                var statut = header.Optional("statutDiffusionEtablissement");
                var siege = header.Optional("etablissementSiege");
                var complement = header.Optional("complementAdresseEtablissement");
                var numero = header.Optional("numeroVoieEtablissement");
                var indice = header.Optional("indiceRepetitionEtablissement");
                var typeVoie = header.Optional("typeVoieEtablissement");
                var libelleVoie = header.Optional("libelleVoieEtablissement");
                var codePostal = header.Optional("codePostalEtablissement");
                var commune = header.Optional("libelleCommuneEtablissement");
                var communeEtranger = header.Optional("libelleCommuneEtrangerEtablissement");
                var distribution = header.Optional("distributionSpecialeEtablissement");
                var paysEtranger = header.Optional("libellePaysEtrangerEtablissement");
                var naf = header.Optional("activitePrincipaleEtablissement");
                return reader =>
                {
                    if (!TryParseDigits(reader[siret], 14, out var siretValue)) return "SIRET absent ou différent de 14 chiffres";
                    var masked = SireneValues.IsPartialDiffusionStatus(Field(reader, statut));
                    var line = SireneValues.BuildAddressLine(Clean(reader, numero, ref masked), Clean(reader, indice, ref masked),
                        Clean(reader, typeVoie, ref masked), Clean(reader, libelleVoie, ref masked));
                    var foreignCity = Clean(reader, communeEtranger, ref masked);
                    var country = Clean(reader, paysEtranger, ref masked);
                    var complementLine = SireneValues.BuildComplement(Clean(reader, complement, ref masked), Clean(reader, distribution, ref masked));
                    var postalCode = Clean(reader, codePostal, ref masked);
                    var city = Clean(reader, commune, ref masked) ?? foreignCity;
                    var nafValue = Clean(reader, naf, ref masked);
                    insert.Execute(
                        siretValue,
                        siretValue / 100_000,
                        reader[etat].SequenceEqual("A") ? 1 : 0,
                        siege >= 0 && reader[siege].Equals("true", StringComparison.OrdinalIgnoreCase) ? 1 : 0,
                        masked ? 1 : 0,
                        line,
                        complementLine,
                        postalCode,
                        city,
                        SireneValues.CountryCodeOf(country),
                        country,
                        nafValue);
                    return null;
                };
            }, cancellationToken);

    private static long Load(
        SqliteConnection connection, StockFile file, Tally tally, SireneImportPhase phase, string insertSql, int parameterCount,
        Func<StockHeader, BatchInsert, RowWriter> bind, CancellationToken cancellationToken)
    {
        using var stream = file.Open();
        using var reader = new StockCsvReader(stream, file.Name);
        var header = StockHeader.Read(reader);
        using var insert = new BatchInsert(connection, insertSql, parameterCount);
        var write = bind(header, insert);
        tally.Phase = phase;
        tally.FileName = file.Name;
        long before = tally.BytesBefore, rows = 0;

        while (reader.ReadRecord())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var problem = reader.FieldCount != header.Count
                ? $"{reader.FieldCount} champs au lieu de {header.Count}"
                : write(reader);
            if (problem is null)
            {
                rows++;
                tally.Rows++;
            }
            else
            {
                tally.Reject(file.Name, reader.RecordLine, problem);
            }
            tally.BytesRead = before + reader.BytesRead;
            tally.Report();
        }
        insert.Complete();
        tally.BytesBefore = before + file.Length;
        tally.BytesRead = tally.BytesBefore;
        return rows;
    }

    private static string? Field(StockCsvReader reader, int index) =>
        index < 0 ? null : reader[index].Trim() is { IsEmpty: false } v ? v.ToString() : null;

    private static string? Clean(StockCsvReader reader, int index, ref bool masked)
    {
        if (index < 0) return null;
        var value = reader[index].Trim();
        if (value.IsEmpty) return null;
        if (value.SequenceEqual(SireneValues.NotDiffused))
        {
            masked = true;
            return null;
        }
        return value.ToString();
    }

    private static bool TryParseDigits(ReadOnlySpan<char> value, int length, out long number)
    {
        number = 0;
        value = value.Trim();
        if (value.Length != length) return false;
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c)) return false;
            number = number * 10 + (c - '0');
        }
        return true;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A prepared INSERT committed every <see cref="BatchSize"/> rows.</summary>
    private sealed class BatchInsert : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _parameters;
        private SqliteTransaction? _transaction;
        private int _pending;

        public BatchInsert(SqliteConnection connection, string sql, int parameterCount)
        {
            _connection = connection;
            _command = connection.CreateCommand();
            _command.CommandText = sql;
            _parameters = new SqliteParameter[parameterCount];
            for (var i = 0; i < parameterCount; i++)
                _parameters[i] = _command.Parameters.Add(new SqliteParameter("$" + (i + 1).ToString(CultureInfo.InvariantCulture), null));
            Begin();
            _command.Prepare();
        }

        public void Execute(params ReadOnlySpan<object?> values)
        {
            for (var i = 0; i < _parameters.Length; i++) _parameters[i].Value = values[i] ?? DBNull.Value;
            _command.ExecuteNonQuery();
            if (++_pending >= BatchSize)
            {
                _transaction!.Commit();
                _transaction.Dispose();
                Begin();
            }
        }

        private void Begin()
        {
            _transaction = _connection.BeginTransaction();
            _command.Transaction = _transaction;
            _pending = 0;
        }

        public void Complete()
        {
            _transaction!.Commit();
            _transaction.Dispose();
            _transaction = null;
        }

        public void Dispose()
        {
            _transaction?.Dispose();
            _command.Dispose();
        }
    }

    private sealed class Tally(long totalBytes, IProgress<SireneImportProgress>? progress)
    {
        private long _lastReport = -1_000;
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public SireneImportPhase Phase { get; set; }
        public string? FileName { get; set; }
        public long BytesBefore { get; set; }
        public long BytesRead { get; set; }
        public long Rows { get; set; }
        public long Rejected { get; private set; }
        public Dictionary<string, long> RejectionsByReason { get; } = new(StringComparer.Ordinal);
        public List<SireneRejectedRow> Samples { get; } = [];

        public void Reject(string file, long line, string reason)
        {
            Rejected++;
            RejectionsByReason[reason] = RejectionsByReason.GetValueOrDefault(reason) + 1;
            if (Samples.Count < MaxSamples) Samples.Add(new SireneRejectedRow(file, line, reason));
        }

        public void Report(bool force = false)
        {
            if (progress is null) return;
            // Checking the clock on every row costs more than the report itself; look every 4096 rows.
            if (!force && ((Rows + Rejected) & 4095) != 0) return;
            var now = _clock.ElapsedMilliseconds;
            if (!force && now - _lastReport < 250) return;
            _lastReport = now;
            progress.Report(new SireneImportProgress(Phase, FileName, Math.Min(BytesRead, totalBytes), totalBytes, Rows, Rejected, _clock.Elapsed));
        }
    }
}

/// <summary>Stage of an import.</summary>
public enum SireneImportPhase
{
    /// <summary>Reading StockUniteLegale.</summary>
    UnitesLegales,
    /// <summary>Reading StockEtablissement.</summary>
    Etablissements,
    /// <summary>Building the lookup indexes (no byte progress during this stage).</summary>
    BuildingIndexes,
    /// <summary>The new store is in place.</summary>
    Done,
}

/// <summary>Progress of an import, by bytes of CSV read over both files.</summary>
/// <param name="Phase">Current stage.</param>
/// <param name="FileName">File being read.</param>
/// <param name="BytesRead">Bytes read so far, both files.</param>
/// <param name="TotalBytes">Bytes of both files.</param>
/// <param name="Rows">Rows imported so far.</param>
/// <param name="Rejected">Rows rejected so far.</param>
/// <param name="Elapsed">Time since the import started.</param>
public readonly record struct SireneImportProgress(
    SireneImportPhase Phase, string? FileName, long BytesRead, long TotalBytes, long Rows, long Rejected, TimeSpan Elapsed)
{
    /// <summary>Fraction of bytes read, 0 to 1.</summary>
    public double Fraction => TotalBytes <= 0 ? 1 : (double)BytesRead / TotalBytes;
}

/// <summary>A row the import left out, and why.</summary>
public sealed record SireneRejectedRow(string FileName, long Line, string Reason);

/// <summary>Outcome of an import.</summary>
/// <param name="Etablissements">Établissement rows imported.</param>
/// <param name="UnitesLegales">Unité légale rows imported.</param>
/// <param name="Rejected">Rows left out.</param>
/// <param name="RejectionsByReason">Count of rows left out per reason.</param>
/// <param name="RejectionSamples">The first rows left out (at most 20), with file and line.</param>
/// <param name="Duration">Wall time of the import.</param>
public sealed record SireneImportResult(
    long Etablissements, long UnitesLegales, long Rejected,
    IReadOnlyDictionary<string, long> RejectionsByReason, IReadOnlyList<SireneRejectedRow> RejectionSamples, TimeSpan Duration);
