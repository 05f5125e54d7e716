using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Cantate.Testing;

/// <summary>A real SMTP server on loopback that keeps what it receives, for tests to read.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly ConcurrentQueue<MimeMessage> _messages = new();

    public int Port { get; }

    public TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public IReadOnlyList<MimeMessage> Messages => _messages.ToArray();

    /// <summary>Waits for a message to this address whose subject contains the text.</summary>
    public async Task<MimeMessage> WaitForAsync(string to, string subjectContains, int skip = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var found = Matching(to, subjectContains).Skip(skip).FirstOrDefault();
            if (found is not null) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No e-mail to {to} with subject containing '{subjectContains}' (skip {skip}). Received: "
            + string.Join(" | ", _messages.Select(m => $"{m.To} : {m.Subject}")));
    }

    public IEnumerable<MimeMessage> Matching(string to, string subjectContains) =>
        _messages.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))
            && (m.Subject ?? string.Empty).Contains(subjectContains, StringComparison.Ordinal));

    /// <summary>The first link of the message that starts with the path, e.g. "/compte/activer".</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.TextBody ?? string.Empty;
        var start = text.IndexOf(path + "?", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"No link to {path} in: {text}");
        var urlStart = text.LastIndexOf("http", start, StringComparison.Ordinal);
        var end = text.IndexOfAny([' ', '\r', '\n'], start);
        return text[urlStart..(end < 0 ? text.Length : end)];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
