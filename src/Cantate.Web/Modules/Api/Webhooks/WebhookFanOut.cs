using System.Security.Cryptography;
using System.Text.Json;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Webhooks;

/// <summary>
/// Turns the events of one transaction into one delivery per subscription that wants them, each with its body fixed
/// once and its first attempt queued. Handling the same message again (the process stopped before marking it done)
/// creates nothing twice: a delivery's id is derived from its event and its subscription.
/// </summary>
public sealed class WebhookFanOut(CantateDbContext db, TimeProvider clock) : IOutboxHandler
{
    public const string Kind = "webhook-evenements";

    public sealed record Message(IReadOnlyList<WebhookEvent> Events);

    string IOutboxHandler.Kind => Kind;

    bool IOutboxHandler.OnlyWritesDatabase => true;

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize<Message>(payload) ?? throw new InvalidOperationException("Empty webhook event message.");
        var structureIds = message.Events.SelectMany(e => e.StructureIds).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.IsActive && structureIds.Contains(s.StructureId)).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0) return;
        var structures = await db.Structures.AsNoTracking().Where(s => structureIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new WebhookStructure(s.CppId, s.Siret), cancellationToken);
        var now = WebhookSender.Truncate(clock.GetUtcNow().UtcDateTime);

        var planned = new List<WebhookDelivery>();
        foreach (var e in message.Events)
        {
            object? data = null;
            foreach (var structureId in e.StructureIds.Where(structures.ContainsKey))
            {
                foreach (var subscription in subscriptions.Where(s => s.StructureId == structureId && WebhookSubscriptions.Covers(s, e.Type)))
                {
                    data ??= (object?)e.Invoice ?? (e.FlowId is { } flowId ? await WebhookBodies.FlowAsync(db, flowId, cancellationToken) : null);
                    if (data is null) break;
                    var id = DeliveryId(e.Id, subscription.Id);
                    planned.Add(new WebhookDelivery
                    {
                        Id = id,
                        SubscriptionId = subscription.Id,
                        EventType = e.Type,
                        Payload = WebhookBodies.Serialize(new WebhookBody(id, e.Type, CproDates.Timestamp(e.Date), structures[structureId], data)),
                        CreatedAt = now,
                        NextAttemptAt = now,
                    });
                }
            }
        }
        if (planned.Count == 0) return;
        var ids = planned.Select(d => d.Id).ToList();
        var existing = (await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var delivery in planned.Where(d => !existing.Contains(d.Id)))
        {
            db.WebhookDeliveries.Add(delivery);
            WebhookSender.Schedule(db, delivery.Id, now, now);
        }
        // Database-only: the outbox worker saves the deliveries with the message's bookkeeping.
    }

    /// <summary>A UUID (version 8, RFC 9562) computed from the event and the subscription.</summary>
    private static Guid DeliveryId(Guid eventId, Guid subscriptionId)
    {
        Span<byte> input = stackalloc byte[32];
        eventId.TryWriteBytes(input, bigEndian: true, out _);
        subscriptionId.TryWriteBytes(input[16..], bigEndian: true, out _);
        var hash = SHA256.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
