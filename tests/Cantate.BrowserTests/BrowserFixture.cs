using Cantate.Testing;
using Microsoft.Playwright;

namespace Cantate.BrowserTests;

/// <summary>The application on real Kestrel (SQLite), sending to smtp4dev, driven by the Debian Chromium.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public Smtp4devMailbox Mailbox { get; } = new();
    public CantateFactory App { get; private set; } = default!;
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public Uri BaseAddress { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // The port is chosen first so that the links in e-mails point at this server.
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        App = new CantateFactory(TestDatabase.Sqlite, new Dictionary<string, string?>
        {
            ["Cantate:Smtp:Port"] = Mailbox.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cantate:PublicBaseUrl"] = BaseAddress.ToString().TrimEnd('/'),
        });
        App.UseKestrel(port);
        App.StartServer();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "fr-FR" });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
        Mailbox.Dispose();
    }
}
