using Cantate.Web.Hosting;
using Cantate.Web.Modules.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cantate.Web.Persistence;

public static class PersistenceModule
{
    /// <summary>Registers <see cref="CantateDbContext"/> on SQLite (default) or PostgreSQL.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration, CantateOptions options)
    {
        var connectionString = configuration.GetConnectionString("Cantate");
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSaveChangesInterceptor>();
        services.AddSingleton<CppIdInterceptor>();
        switch (options.Database.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Cantate__Database__Provider is Postgres but ConnectionStrings__Cantate is empty: give the PostgreSQL connection string, e.g. 'Host=127.0.0.1;Port=5432;Database=cantate;Username=cantate;Password=...'.");
                }
                var postgres = PostgresConnectionString(connectionString);
                services.AddDbContext<PostgresCantateDbContext>((sp, o) => o
                    .UseNpgsql(postgres, n => n.MigrationsHistoryTable("__ef_migrations"))
                    .AddInterceptors(sp.GetRequiredService<CppIdInterceptor>(), sp.GetRequiredService<Modules.Api.Webhooks.WebhookEventCapture>(), sp.GetRequiredService<OutboxSaveChangesInterceptor>()));
                services.AddScoped<CantateDbContext>(sp => sp.GetRequiredService<PostgresCantateDbContext>());
                break;
            case DatabaseProvider.Sqlite:
                connectionString ??= SqliteConnectionString(options.ResolveDataDirectory());
                services.AddSingleton<SqliteWriteGate>();
                services.AddSingleton<SqliteWriteGateInterceptor>();
                services.AddDbContext<SqliteCantateDbContext>((sp, o) => o
                    .UseSqlite(connectionString, s => s.MigrationsHistoryTable("__ef_migrations"))
                    .AddInterceptors(sp.GetRequiredService<SqliteWriteGateInterceptor>(), sp.GetRequiredService<CppIdInterceptor>(), sp.GetRequiredService<Modules.Api.Webhooks.WebhookEventCapture>(), sp.GetRequiredService<OutboxSaveChangesInterceptor>()));
                services.AddScoped<CantateDbContext>(sp => sp.GetRequiredService<SqliteCantateDbContext>());
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Database.Provider}': use Sqlite or Postgres.");
        }
        return services;
    }

    /// <summary>Server-side prepared statements kept per connection when the connection string does not say.</summary>
    public const int DefaultMaxAutoPrepare = 256;

    /// <summary>
    /// The PostgreSQL connection string used: the configured one, with two settings added when it does not give them.
    /// <c>Max Auto Prepare</c>: the statements the platform repeats (deposit, routing, lists) are prepared once per
    /// connection instead of parsed and planned by the server on every call. <c>No Reset On Close</c>: a connection
    /// going back to the pool is not sent DISCARD ALL (one round trip per use); the platform sets no session state
    /// that could leak. A value given in the configured string always wins (behind a PgBouncer older than 1.21 in
    /// transaction mode, give <c>Max Auto Prepare=0</c>).
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        var keys = given.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (!keys.Contains("MAXAUTOPREPARE")) builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        if (!keys.Contains("NORESETONCLOSE")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    public static string SqliteConnectionString(string dataDirectory) =>
        $"Data Source={Path.Combine(dataDirectory, "cantate.db")};Pooling=True;Default Timeout=30";

    /// <summary>Brings the schema up to date. Safe to call from several instances (migrations take a lock).</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db is SqliteCantateDbContext)
        {
            // WAL lets readers work while the outbox worker writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}

/// <summary>Used by `dotnet ef migrations add ... --context SqliteCantateDbContext`.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCantateDbContext>
{
    public SqliteCantateDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCantateDbContext>()
            .UseSqlite("Data Source=design.db", s => s.MigrationsHistoryTable("__ef_migrations")).Options);
}

/// <summary>Used by `dotnet ef migrations add ... --context PostgresCantateDbContext`.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCantateDbContext>
{
    public PostgresCantateDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCantateDbContext>()
            .UseNpgsql("Host=localhost;Database=design", n => n.MigrationsHistoryTable("__ef_migrations")).Options);
}
