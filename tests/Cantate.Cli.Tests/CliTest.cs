using System.CommandLine;
using Cantate.Cli.Commands;
using Cantate.Testing;

namespace Cantate.Cli.Tests;

/// <summary>
/// Runs the platform verbs in-process, configured by environment variables as a user would
/// (Cantate__DataDirectory and, for PostgreSQL, the provider and connection string), on a fresh data directory.
/// </summary>
public abstract class CliTest : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cantate-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _environment = new();
    private readonly string? _postgresDatabase;

    protected CliTest(TestDatabase database)
    {
        Directory.CreateDirectory(_directory);
        Set("Cantate__DataDirectory", Path.Combine(_directory, "data"));
        if (database == TestDatabase.Postgres)
        {
            Set("Cantate__Database__Provider", "Postgres");
            _postgresDatabase = "cantate_cli_" + Guid.NewGuid().ToString("N")[..12];
            Set("ConnectionStrings__Cantate", CantateFactory.PostgresConnectionString(_postgresDatabase));
        }
    }

    protected void Set(string name, string value)
    {
        _environment.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    protected string PathOf(string name) => Path.Combine(_directory, name);

    protected string DataDirectory => Path.Combine(_directory, "data");

    protected string? PostgresConnectionString => Environment.GetEnvironmentVariable("ConnectionStrings__Cantate");

    protected static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand();
        PlatformCommands.AddTo(root);
        ApiCommands.AddTo(root);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        foreach (var (name, value) in _environment) Environment.SetEnvironmentVariable(name, value);
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            var admin = new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(CantateFactory.PostgresVariable)) { Database = "postgres", Pooling = false };
            using var connection = new Npgsql.NpgsqlConnection(admin.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }
}
