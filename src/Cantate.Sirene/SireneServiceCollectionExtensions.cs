using Cantate.Sirene.Insee;
using Cantate.Sirene.Offline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cantate.Sirene;

/// <summary>Registers SIRENE lookups.</summary>
public static class SireneServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISireneDirectory"/> (singleton) for the configured source, and the
    /// <see cref="SireneOptions"/> instance itself.
    /// </summary>
    /// <remarks>
    /// Offline: the store at <see cref="SireneOptions.OfflineStorePath"/> is created on the first lookup, seeded
    /// with the demo extract when <see cref="SireneOptions.SeedDemoData"/> is set. To create it at startup
    /// instead (so the first request does not pay for it), call
    /// <c>await app.Services.GetRequiredService&lt;ISireneDirectory&gt;().EnsureSireneStoreAsync()</c> or
    /// <see cref="OfflineSireneStore.EnsureCreatedAsync"/> with the same path.
    /// Insee: calls go through a named <see cref="HttpClient"/> ("Cantate.Sirene.Insee") and one shared rate
    /// limiter of <see cref="SireneOptions.RequestsPerMinute"/>.
    /// </remarks>
    public static IServiceCollection AddCantateSirene(this IServiceCollection services, SireneOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);

        switch (options.Source)
        {
            case SireneSource.Offline:
                services.AddSingleton<OfflineSireneDirectory>(_ => new OfflineSireneDirectory(options.OfflineStorePath, options.SeedDemoData));
                services.AddSingleton<ISireneDirectory>(sp => sp.GetRequiredService<OfflineSireneDirectory>());
                break;
            case SireneSource.Insee:
                if (string.IsNullOrWhiteSpace(options.ApiKey))
                    throw new InvalidOperationException("SIRENE : la source Insee demande une clé d'API (ApiKey), à obtenir sur portail-api.insee.fr.");
                services.AddHttpClient(InseeSireneDirectory.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
                services.AddSingleton<ISireneDirectory>(sp => new InseeSireneDirectory(
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(InseeSireneDirectory.HttpClientName),
                    options,
                    sp.GetService<ILoggerFactory>()?.CreateLogger<InseeSireneDirectory>() ?? NullLogger<InseeSireneDirectory>.Instance));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Source, "Source SIRENE inconnue.");
        }
        return services;
    }

    /// <summary>
    /// Creates the offline store now if the directory is offline and the store is missing; does nothing for the
    /// INSEE source. Meant for application startup.
    /// </summary>
    public static Task EnsureSireneStoreAsync(this ISireneDirectory directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return directory is OfflineSireneDirectory offline ? offline.EnsureCreatedAsync(cancellationToken) : Task.CompletedTask;
    }
}
