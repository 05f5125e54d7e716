using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Cantate.Testing;

/// <summary>
/// Reads what arrived at the smtp4dev server that ./test.sh starts (SMTP on CANTATE_TEST_SMTP_PORT, HTTP API on
/// CANTATE_TEST_SMTP4DEV_URL): the browser tests read their e-mails from a separate, real mail server.
/// </summary>
public sealed class Smtp4devMailbox : IDisposable
{
    public const string UrlVariable = "CANTATE_TEST_SMTP4DEV_URL";
    public const string PortVariable = "CANTATE_TEST_SMTP_PORT";

    private readonly HttpClient _http;

    public int SmtpPort { get; }

    public Smtp4devMailbox()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        var port = Environment.GetEnvironmentVariable(PortVariable);
        if (string.IsNullOrWhiteSpace(url) || !int.TryParse(port, out var smtpPort))
        {
            throw new InvalidOperationException(
                $"{UrlVariable} and {PortVariable} are not set: the browser tests read e-mails from smtp4dev, which ./test.sh starts (e.g. {UrlVariable}=http://127.0.0.1:5181 {PortVariable}=2525).");
        }
        SmtpPort = smtpPort;
        _http = new HttpClient { BaseAddress = new Uri(url) };
    }

    /// <summary>The plain-text body of the newest message to this address whose subject contains the text.</summary>
    public async Task<string> WaitForAsync(string to, string subjectContains, int skip = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var list = await _http.GetFromJsonAsync<MessageList>(new Uri("/api/messages?pageSize=1000", UriKind.Relative));
            var match = (list?.Results ?? [])
                .Where(m => m.To.Any(t => string.Equals(t, to, StringComparison.OrdinalIgnoreCase)) && m.Subject.Contains(subjectContains, StringComparison.Ordinal))
                .OrderBy(m => m.ReceivedDate).Skip(skip).FirstOrDefault();
            if (match is not null) return await _http.GetStringAsync(new Uri($"/api/messages/{match.Id}/plaintext", UriKind.Relative));
            await Task.Delay(200);
        }
        throw new TimeoutException($"smtp4dev received no e-mail to {to} with subject containing '{subjectContains}'.");
    }

    /// <summary>The first link in the text that goes to the path.</summary>
    public static Uri LinkIn(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.IndexOf(path + "?", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"No link to {path} in: {text}");
        var urlStart = text.LastIndexOf("http", start, StringComparison.Ordinal);
        var end = text.IndexOfAny([' ', '\r', '\n'], start);
        return new Uri(text[urlStart..(end < 0 ? text.Length : end)]);
    }

    public void Dispose() => _http.Dispose();

    private sealed record MessageList([property: JsonPropertyName("results")] List<MessageSummary> Results);

    private sealed record MessageSummary(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("to")] List<string> To,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("receivedDate")] DateTime ReceivedDate);
}
