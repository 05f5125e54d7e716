using System.Runtime.CompilerServices;
using Cantate.Sirene;
using Cantate.Web.Hosting;
using Cantate.Web.Modules.Api;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

[assembly: InternalsVisibleTo("Cantate.Cli.Tests")]

namespace Cantate.Cli;

/// <summary>
/// The services of the portal that the platform verbs need, configured as the portal configures them
/// (./appsettings.json, then environment variables such as Cantate__DataDirectory or ConnectionStrings__Cantate),
/// so the command line acts on the same database. The schema is migrated first.
/// </summary>
internal static class PlatformHost
{
    public static async Task<ServiceProvider> StartAsync(CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = configuration.GetSection(CantateOptions.Section).Get<CantateOptions>() ?? new CantateOptions();
        Directory.CreateDirectory(options.ResolveDataDirectory());

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddPersistence(configuration, options);
        services.Configure<CantateOptions>(configuration.GetSection(CantateOptions.Section));
        services.AddAnnuaire();
        services.AddApi(options);
        services.AddCantateSirene(new SireneOptions
        {
            Source = Enum.TryParse<SireneSource>(options.Sirene.Source, ignoreCase: true, out var source) ? source : SireneSource.Offline,
            BaseUrl = options.Sirene.BaseUrl,
            ApiKey = options.Sirene.ApiKey,
            OfflineStorePath = Path.Combine(options.ResolveDataDirectory(), "sirene.db"),
            SeedDemoData = options.SeedDemoData,
        });
        var provider = services.BuildServiceProvider();
        try
        {
            await provider.MigrateDatabaseAsync(cancellationToken);
            await provider.GetRequiredService<ISireneDirectory>().EnsureSireneStoreAsync(cancellationToken);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }
}
