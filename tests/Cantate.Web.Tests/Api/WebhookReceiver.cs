using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Cantate.Web.Tests.Api;

/// <summary>One POST the receiver got, as it came over the wire.</summary>
public sealed record ReceivedWebhook(string Path, string Body, string? Signature, string? Event, string? Delivery, string? ContentType)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public JsonElement Data => Json.GetProperty("data");

    /// <summary>Checks Cantate-Signature as the screen tells integrators to: HMAC-SHA256 of "t.body" keyed with the secret.</summary>
    public bool IsSignedWith(string secret)
    {
        var parts = (Signature ?? string.Empty).Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1) || !long.TryParse(t, out _)) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + Body));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(v1));
    }
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) standing for an integrator's endpoint. It answers the queued status
/// codes in order, then <see cref="DefaultStatus"/>; it can be started late, on a port chosen up front, to play a
/// receiver that is down.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentQueue<int> _answers = new();
    private HttpListener? _listener;

    public int Port { get; } = FreePort();
    public int DefaultStatus { get; set; } = 200;
    /// <summary>What the receiver writes in its answers.</summary>
    public string AnswerBody { get; set; } = "bien reçu";
    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public string UrlFor(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    public static WebhookReceiver Started()
    {
        var receiver = new WebhookReceiver();
        receiver.Start();
        return receiver;
    }

    public void Start()
    {
        _listener = new HttpListener();
        // HttpListener routes on the Host header: a delivery to http://localhost:port/ names the listener that way.
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Prefixes.Add($"http://localhost:{Port}/");
        _listener.Start();
        _ = ServeAsync(_listener);
    }

    /// <summary>The next answers, in order (e.g. 500, 500: two failures, then the default).</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses) _answers.Enqueue(status);
    }

    public async Task<ReceivedWebhook> WaitForAsync(Func<ReceivedWebhook, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var found = _received.Where(match).ToList();
            if (found.Count >= count) return found[count - 1];
            await Task.Delay(50);
        }
        throw new TimeoutException($"The receiver did not get {count} matching request(s); it got: {string.Join(" | ", _received.Select(r => r.Path + " " + r.Body))}");
    }

    private async Task ServeAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (HttpListenerException) { return; }
            catch (ObjectDisposedException) { return; }
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                var body = await reader.ReadToEndAsync();
                var headers = context.Request.Headers;
                _received.Enqueue(new ReceivedWebhook(context.Request.Url!.AbsolutePath, body, headers["Cantate-Signature"], headers["Cantate-Event"],
                    headers["Cantate-Delivery"], context.Request.ContentType));
            }
            context.Response.StatusCode = _answers.TryDequeue(out var status) ? status : DefaultStatus;
            var answer = Encoding.UTF8.GetBytes(AnswerBody);
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_listener is null) return;
        _listener.Stop();
        _listener.Close();
    }
}
