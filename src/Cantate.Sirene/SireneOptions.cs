namespace Cantate.Sirene;

/// <summary>Where SIRENE lookups go.</summary>
public enum SireneSource
{
    /// <summary>The offline store built from the INSEE stock files (or the demo extract). The default.</summary>
    Offline,
    /// <summary>The INSEE API Sirene 3.11 (needs an API key from portail-api.insee.fr).</summary>
    Insee,
}

/// <summary>Configuration of <see cref="SireneServiceCollectionExtensions.AddCantateSirene"/>.</summary>
public sealed class SireneOptions
{
    /// <summary>Default INSEE API base address.</summary>
    public const string DefaultBaseUrl = "https://api.insee.fr/api-sirene/3.11";

    /// <summary>Offline (default) or Insee.</summary>
    public SireneSource Source { get; set; } = SireneSource.Offline;

    /// <summary>INSEE API base address; <see cref="DefaultBaseUrl"/> when null.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>INSEE API key, sent as <c>X-INSEE-Api-Key-Integration</c>. Required for <see cref="SireneSource.Insee"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Path of the offline SQLite store, typically <c>&lt;DataDirectory&gt;/sirene.db</c>.</summary>
    public string OfflineStorePath { get; set; } = Path.Combine(".cantate", "sirene.db");

    /// <summary>Load the demo extract when the offline store is created (quick start without download).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Client-side limit on INSEE calls; INSEE allows 30 per minute per key.</summary>
    public int RequestsPerMinute { get; set; } = 30;

    /// <summary>How many times a 429 or a transient failure is retried before the lookup answers Unavailable.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Timeout of one INSEE call.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First backoff after a 429 without Retry-After; doubled at each retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait accepted before a retry (a longer Retry-After answers Unavailable at once).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
