using Cantate.Web.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Cantate.Testing;

public enum TestDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The whole application on a fresh data directory and a fresh database (SQLite file, or a new database on the
/// PostgreSQL server named by CANTATE_TEST_POSTGRES), sending e-mail to a real SMTP server on loopback.
/// </summary>
public class CantateFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "CANTATE_TEST_POSTGRES";

    private readonly Dictionary<string, string?> _settings;
    private readonly string? _postgresDatabase;

    public TestDatabase Database { get; }
    public string DataDirectory { get; }
    public TestSmtpServer Smtp { get; } = new();
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public ErrorLog ErrorLog { get; } = new();

    private readonly Action<IServiceCollection>? _services;

    public CantateFactory(TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Database = database;
        DataDirectory = Path.Combine(Path.GetTempPath(), "cantate-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings = new Dictionary<string, string?>
        {
            ["Cantate:DataDirectory"] = DataDirectory,
            ["Cantate:PublicBaseUrl"] = "http://localhost",
            ["Cantate:SeedDemoData"] = "true",
            // Tests choose the content of the annuaire; the demo SIRENE extract stays.
            ["Cantate:Annuaire:SeedDemoStructures"] = "false",
            ["Cantate:Smtp:Host"] = "127.0.0.1",
            ["Cantate:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cantate:Smtp:Security"] = "None",
            ["Cantate:RateLimits:AccountCreationPerMinute"] = "10000",
            ["Cantate:RateLimits:SignInPerMinute"] = "10000",
            ["Cantate:RateLimits:RecoveryPerMinute"] = "10000",
        };
        if (database == TestDatabase.Postgres)
        {
            _postgresDatabase = "cantate_" + Guid.NewGuid().ToString("N")[..16];
            _settings["Cantate:Database:Provider"] = "Postgres";
            _settings["ConnectionStrings:Cantate"] = PostgresConnectionString(_postgresDatabase);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    /// <summary>Connection string to a database of the test PostgreSQL server (created when missing).</summary>
    public static string PostgresConnectionString(string database)
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set: the PostgreSQL tests need a server (./test.sh starts one), e.g. {PostgresVariable}='Host=127.0.0.1;Port=55432;Username=cantate'.");
        }
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{database}\"";
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
        });
        builder.ConfigureLogging(logging => logging.AddProvider(ErrorLog));
    }

    /// <summary>A scope on the application's services, to read the database in assertions.</summary>
    public async Task<T> QueryAsync<T>(Func<CantateDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CantateDbContext>());
    }

    /// <summary>Moves the application's clock and waits until the periodic job <typeparamref name="TJob"/> has checked at the new time.</summary>
    public async Task AdvanceClockAsync<TJob>(TimeSpan by) where TJob : Cantate.Web.Modules.Notifications.PeriodicJob
    {
        Clock.Advance(by);
        var target = Clock.GetUtcNow().UtcDateTime;
        var job = Services.GetRequiredService<TJob>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (job.LastCheckAt is not { } checkedAt || checkedAt < target)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{typeof(TJob).Name} last checked at {job.LastCheckAt:o}, not at {target:o}.");
            await Task.Delay(20);
        }
    }

    public PortalClient CreatePortalClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true, BaseAddress = new Uri("http://localhost") }));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = "postgres", Pooling = false };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }
}
