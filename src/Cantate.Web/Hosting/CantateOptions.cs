namespace Cantate.Web.Hosting;

/// <summary>The "Cantate" configuration section (environment: Cantate__DataDirectory, ...).</summary>
public sealed class CantateOptions
{
    public const string Section = "Cantate";

    /// <summary>Where the SQLite database, documents, the SIRENE store and the e-mail outbox live.</summary>
    public string DataDirectory { get; set; } = ".cantate";

    /// <summary>Base address used in links sent by e-mail (activation, password recovery).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Load demo data (SIRENE extract, public structures) when the data directory is new.</summary>
    public bool SeedDemoData { get; set; } = true;

    public DatabaseOptions Database { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();
    public SireneSettings Sirene { get; set; } = new();
    public RateLimitOptions RateLimits { get; set; } = new();
    public ApiOptions Api { get; set; } = new();

    public string ResolveDataDirectory() => Path.GetFullPath(DataDirectory);
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public sealed class SmtpOptions
{
    /// <summary>SMTP server; when empty, e-mails are written as .eml files under DataDirectory/outbox.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "Cantate <ne-pas-repondre@cantate.localhost>";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>None, StartTls, SslOnConnect or Auto (STARTTLS when the server offers it).</summary>
    public string Security { get; set; } = "Auto";
}

public sealed class SireneSettings
{
    /// <summary>Offline (default: the store under DataDirectory) or Insee (the API Sirene 3.11).</summary>
    public string Source { get; set; } = "Offline";
    public string? BaseUrl { get; set; }
    public string? ApiKey { get; set; }
}

/// <summary>Requests per minute and per client address.</summary>
public sealed class RateLimitOptions
{
    public int AccountCreationPerMinute { get; set; } = 10;
    public int SignInPerMinute { get; set; } = 20;
    public int RecoveryPerMinute { get; set; } = 5;
}

/// <summary>The Chorus Pro-compatible API (/api/oauth/token and /cpro/...).</summary>
public sealed class ApiOptions
{
    /// <summary>Lifetime of a Bearer token, in seconds (300 to 32767: some clients read it as a 16-bit integer).</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;
    /// <summary>Calls per minute allowed to one OAuth client before HTTP 429.</summary>
    public int RequestsPerMinutePerClient { get; set; } = 60_000;
    /// <summary>Token requests per minute from one address (failed or not).</summary>
    public int TokenRequestsPerMinutePerAddress { get; set; } = 600;
    /// <summary>A technical account's password expires after this many days; gestionnaires are reminded 15 days before.</summary>
    public int TechnicalPasswordLifetimeDays { get; set; } = 365;
}
