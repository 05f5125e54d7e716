using Microsoft.Data.Sqlite;

namespace Cantate.Sirene.Offline;

/// <summary>
/// <see cref="ISireneDirectory"/> over the offline store (see <see cref="OfflineSireneStore"/>). The store is
/// created (and seeded with the demo extract when asked) on the first lookup if the portal has not called
/// <see cref="OfflineSireneStore.EnsureCreatedAsync"/> at startup.
/// </summary>
public sealed class OfflineSireneDirectory : ISireneDirectory
{
    private const string LookupSql = """
        SELECT e.active, e.siege, e.masked, e.address_line, e.address_complement, e.postal_code, e.city,
               e.country_code, e.country_name, e.naf,
               u.active, u.masked, u.name, u.categorie_juridique, u.naf
        FROM etablissement e LEFT JOIN unite_legale u ON u.siren = e.siren
        WHERE e.siret = $siret
        LIMIT 1
        """;

    private readonly bool _seedDemoData;
    private volatile bool _created;

    /// <summary>A directory reading the store at <paramref name="storePath"/>.</summary>
    public OfflineSireneDirectory(string storePath, bool seedDemoData = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storePath);
        StorePath = Path.GetFullPath(storePath);
        _seedDemoData = seedDemoData;
    }

    /// <summary>Full path of the SQLite store.</summary>
    public string StorePath { get; }

    /// <inheritdoc />
    public async Task<SireneLookup> FindEtablissementAsync(string siret, CancellationToken cancellationToken = default)
    {
        var normalized = SiretRules.Normalize(siret);
        if (normalized.Length != 14 || !long.TryParse(normalized, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var key))
            return SireneLookup.NotFound;

        try
        {
            await EnsureCreatedAsync(cancellationToken);
            await using var connection = OfflineSireneStore.OpenReadOnly(StorePath);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = LookupSql;
            command.Parameters.AddWithValue("$siret", key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await reader.DisposeAsync();
                return await IsEmptyAsync(connection, cancellationToken)
                    ? SireneLookup.Unavailable("La base SIRENE locale est vide : importez les fichiers stock de l'INSEE avec « cantate sirene import ».")
                    : SireneLookup.NotFound;
            }

            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var hasUniteLegale = !reader.IsDBNull(10);
            return SireneLookup.Found(new SireneEtablissement
            {
                Siret = normalized,
                IsActive = reader.GetInt64(0) == 1,
                IsSiege = reader.GetInt64(1) == 1,
                PartiallyDiffusible = reader.GetInt64(2) == 1 || (hasUniteLegale && reader.GetInt64(11) == 1),
                AddressLine = Text(3),
                AddressComplement = Text(4),
                PostalCode = Text(5),
                City = Text(6),
                CountryCode = Text(7) ?? "FR",
                CountryName = Text(8),
                ActivitePrincipale = Text(9) ?? Text(14),
                UniteLegaleIsActive = !hasUniteLegale || reader.GetInt64(10) == 1,
                RaisonSociale = Text(12),
                CategorieJuridique = Text(13),
            });
        }
        catch (SqliteException ex)
        {
            return SireneLookup.Unavailable($"La base SIRENE locale ({StorePath}) est illisible : {ex.Message}");
        }
        catch (IOException ex)
        {
            return SireneLookup.Unavailable($"La base SIRENE locale ({StorePath}) n'a pas pu être créée : {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return SireneLookup.Unavailable($"La base SIRENE locale ({StorePath}) n'est pas accessible : {ex.Message}");
        }
    }

    /// <summary>Creates the store if missing (see <see cref="OfflineSireneStore.EnsureCreatedAsync"/>).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (_created) return;
        await OfflineSireneStore.EnsureCreatedAsync(StorePath, _seedDemoData, cancellationToken);
        _created = true;
    }

    private static async Task<bool> IsEmptyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM store_info WHERE key = 'etablissements'";
        return await command.ExecuteScalarAsync(cancellationToken) is "0" or null;
    }
}
