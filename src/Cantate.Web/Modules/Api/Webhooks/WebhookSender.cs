using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Webhooks;

/// <summary>
/// One attempt of one delivery, from the outbox: POST the signed body, record the answer, then either stop
/// (a 2xx, or 24 hours after the event) or queue the next attempt for later (1 min, 5 min, 30 min, 2 h, 6 h, then
/// every 12 h). The next attempt is an outbox message of its own, so a restart loses none.
/// </summary>
public sealed partial class WebhookSender(
    CantateDbContext db, IHttpClientFactory http, IDataProtectionProvider protection, TimeProvider clock, ILogger<WebhookSender> logger) : IOutboxHandler
{
    public const string Kind = "webhook-livraison";
    public const string HttpClientName = "webhooks";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan RetryWindow = TimeSpan.FromHours(24);
    private const int MaxAnswer = 2000;
    private static readonly TimeSpan[] Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(12)];

    /// <summary>An attempt of a delivery due at <c>Due</c>: a message whose delivery was rescheduled since (Renvoyer) does nothing.</summary>
    public sealed record Message(Guid DeliveryId, DateTime Due);

    string IOutboxHandler.Kind => Kind;

    OutboxLane IOutboxHandler.Lane => OutboxLane.External;

    /// <summary>Queues an attempt of the delivery at <paramref name="due"/>, in the current unit of work.</summary>
    public static void Schedule(CantateDbContext db, Guid deliveryId, DateTime due, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = Kind,
            Payload = JsonSerializer.Serialize(new Message(deliveryId, due)),
            CreatedAt = now,
            AvailableAt = due,
        });
    }

    /// <summary>Whole milliseconds, so that a time read back from either database compares equal to the one written.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    /// <summary>When to try again after a failed attempt, or null when the 24 hours are over.</summary>
    public static DateTime? NextAttempt(DateTime createdAt, int attempts, DateTime now)
    {
        var deadline = createdAt + RetryWindow;
        if (now >= deadline) return null;
        var next = now + Backoff[Math.Clamp(attempts, 1, Backoff.Length) - 1];
        return Truncate(next < deadline ? next : deadline);
    }

    /// <summary>The Cantate-Signature header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>, keyed with the secret's UTF-8 bytes.</summary>
    public static string Signature(string secret, long timestamp, string body)
    {
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize<Message>(payload) ?? throw new InvalidOperationException("Empty webhook delivery message.");
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == message.DeliveryId, cancellationToken);
        if (delivery is null || delivery.Status != WebhookDeliveryStatus.EnAttente || delivery.NextAttemptAt != message.Due) return;
        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        var now = Truncate(clock.GetUtcNow().UtcDateTime);
        if (!subscription.IsActive)
        {
            (delivery.Status, delivery.NextAttemptAt, delivery.LastResponse) = (WebhookDeliveryStatus.Abandonnee, null, "Abonnement désactivé : la notification n'a pas été envoyée.");
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        var (status, answer) = await PostAsync(subscription, delivery, now, cancellationToken);
        delivery.Attempts++;
        (delivery.LastAttemptAt, delivery.LastStatusCode, delivery.LastResponse) = (now, status, answer);
        if (status is >= 200 and < 300)
        {
            (delivery.Status, delivery.DeliveredAt, delivery.NextAttemptAt) = (WebhookDeliveryStatus.Livree, now, null);
            LogDelivered(logger, delivery.Id, subscription.Url, status.Value, delivery.Attempts);
        }
        else if (NextAttempt(delivery.CreatedAt, delivery.Attempts, now) is { } next)
        {
            delivery.NextAttemptAt = next;
            Schedule(db, delivery.Id, next, now);
            LogRetry(logger, delivery.Id, subscription.Url, delivery.Attempts, answer, next);
        }
        else
        {
            (delivery.Status, delivery.NextAttemptAt) = (WebhookDeliveryStatus.Abandonnee, null);
            LogAbandoned(logger, delivery.Id, subscription.Url, delivery.Attempts, answer);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The HTTP status and the start of the answer, or no status and what went wrong on the way.</summary>
    private async Task<(int? Status, string Answer)> PostAsync(WebhookSubscription subscription, WebhookDelivery delivery, DateTime now, CancellationToken cancellationToken)
    {
        string secret;
        try
        {
            secret = protection.CreateProtector(WebhookSubscriptions.SecretPurpose).Unprotect(subscription.ProtectedSecret);
        }
        catch (CryptographicException)
        {
            return (null, "Le secret de signature ne peut plus être lu (les clés de protection des données de la plateforme ont changé) : créez un nouvel abonnement.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Cantate-Signature", Signature(secret, new DateTimeOffset(now).ToUnixTimeSeconds(), delivery.Payload));
        request.Headers.Add("Cantate-Event", delivery.EventType);
        request.Headers.Add("Cantate-Delivery", delivery.Id.ToString());
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Cantate-Webhooks", "1.0"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ((int)response.StatusCode, await ReadStartAsync(response, timeout.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"Pas de réponse complète en {Timeout.TotalSeconds:0} s : le serveur doit répondre 2xx dans ce délai (traitez la notification après avoir répondu).");
        }
        catch (HttpRequestException e)
        {
            var cause = e.InnerException is WebhookRefusedException refused ? "Adresse refusée : " + refused.Message : "Erreur réseau : " + Innermost(e).Message;
            return (null, Shorten(cause));
        }
    }

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxAnswer * 4];
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0) read += n;
        return Shorten(Encoding.UTF8.GetString(buffer, 0, read));
    }

    private static string Shorten(string text) => text.Length > MaxAnswer ? text[..MaxAnswer] : text;

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {Id} to {Url}: HTTP {Status} at attempt {Attempts}")]
    private static partial void LogDelivered(ILogger logger, Guid id, string url, int status, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Id} to {Url} failed at attempt {Attempts} ({Answer}); next attempt at {Next:o}")]
    private static partial void LogRetry(ILogger logger, Guid id, string url, int attempts, string answer, DateTime next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Id} to {Url} abandoned after {Attempts} attempts over 24 hours ({Answer})")]
    private static partial void LogAbandoned(ILogger logger, Guid id, string url, int attempts, string answer);
}
