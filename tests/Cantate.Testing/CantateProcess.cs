using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cantate.Testing;

/// <summary>
/// The portal as a real operating-system process (the built Cantate.Web.dll, the given data directory; SQLite unless
/// the environment says otherwise),
/// so a test can kill it with SIGKILL and start it again.
/// </summary>
public sealed class CantateProcess : IDisposable
{
    private readonly Process _process;

    public Uri BaseAddress { get; }

    private CantateProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public static async Task<CantateProcess> StartAsync(string dataDirectory, int smtpPort, int? port = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = WebAssemblyPath();
        var chosen = port ?? FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{chosen}");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", baseAddress.ToString()])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Cantate__DataDirectory"] = dataDirectory;
        start.Environment["Cantate__PublicBaseUrl"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["Cantate__Smtp__Host"] = "127.0.0.1";
        start.Environment["Cantate__Smtp__Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Cantate__Smtp__Security"] = "None";
        start.Environment["Cantate__RateLimits__AccountCreationPerMinute"] = "10000";
        start.Environment["Cantate__RateLimits__SignInPerMinute"] = "10000";
        start.Environment["Cantate__RateLimits__RecoveryPerMinute"] = "10000";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"Cantate.Web exited with code {process.ExitCode}.");
            try
            {
                using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK) return new CantateProcess(process, baseAddress);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("Cantate.Web did not answer /health within 60 s.");
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a power cut or the OOM killer would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public PortalClient CreatePortalClient() =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        });

    /// <summary>Cantate.Web.dll as built next to this test run (same configuration).</summary>
    private static string WebAssemblyPath()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cantate.slnx"))) directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("Cantate.slnx not found above " + AppContext.BaseDirectory);
        var dll = Path.Combine(directory.FullName, "src", "Cantate.Web", "bin", configuration, "net10.0", "Cantate.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is not built: build the solution first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
