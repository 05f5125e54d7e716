using Cantate.Web.Hosting;
using Cantate.Web.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Testing;

/// <summary>
/// The platform's services in a benchmark's own process: its settings (a data directory, and SQLite or a new database on
/// the PostgreSQL server named by <see cref="PostgresVariable"/>) and the registrations every benchmark needs.
/// </summary>
public static class BenchServices
{
    /// <summary>The PostgreSQL server of the benchmarks, e.g. <c>Host=127.0.0.1;Port=55433;Username=cantate</c>.</summary>
    public const string PostgresVariable = "CANTATE_BENCH_POSTGRES";

    /// <summary>Settings for a run on <paramref name="provider"/> (sqlite or postgres); with PostgreSQL, a new database is created.</summary>
    public static Dictionary<string, string?> Settings(string provider, string dataDirectory, string databasePrefix, int maximumPoolSize)
    {
        var settings = new Dictionary<string, string?> { ["Cantate:DataDirectory"] = dataDirectory };
        if (provider == "postgres")
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable) ?? throw new InvalidOperationException($"Set {PostgresVariable}.");
            Environment.SetEnvironmentVariable(CantateFactory.PostgresVariable, server);
            settings["Cantate:Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Cantate"] = CantateFactory.PostgresConnectionString(databasePrefix + Guid.NewGuid().ToString("N")[..8])
                + $";Maximum Pool Size={maximumPoolSize}";
        }
        return settings;
    }

    /// <summary>Configuration, options, logging, the system clock and persistence, then what <paramref name="modules"/> adds.</summary>
    public static ServiceProvider Build(IDictionary<string, string?> settings, Action<IServiceCollection, CantateOptions> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = configuration.GetSection(CantateOptions.Section).Get<CantateOptions>()!;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.Configure<CantateOptions>(configuration.GetSection(CantateOptions.Section));
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddPersistence(configuration, options);
        modules(services, options);
        return services.BuildServiceProvider();
    }
}
