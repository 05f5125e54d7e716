using System.Security.Cryptography;
using Cantate.Web.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Webhooks;

/// <summary>
/// A structure's webhooks, as its gestionnaires manage them: subscribe a URL (its signing secret is shown once and
/// stored protected with the platform's data-protection keys), switch it off and on, send a delivery again. Callers
/// have checked the user manages the structure; every method only touches that structure's rows.
/// </summary>
public sealed class WebhookSubscriptions(CantateDbContext db, WebhookAddresses addresses, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string SecretPurpose = "Cantate.Webhooks.SigningSecret";
    public const int MaxActivePerStructure = 10;
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public sealed record Subscribed(WebhookSubscription Subscription, string Secret);

    /// <summary>A delivery as the screen lists it.</summary>
    public sealed record DeliveryRow(WebhookDelivery Delivery, string Url);

    public static bool Covers(WebhookSubscription subscription, string type) =>
        (subscription ?? throw new ArgumentNullException(nameof(subscription))).Events.Split(',').Contains(type, StringComparer.Ordinal);

    public async Task<Subscribed> SubscribeAsync(Guid structureId, Guid userId, string? url, IReadOnlyCollection<string> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var chosen = WebhookEvents.All.Where(events.Contains).ToList();
        if (chosen.Count == 0) throw new WebhookRefusedException("Evenements", "Choisissez au moins un événement à recevoir.");
        var uri = await addresses.CheckAsync(url, cancellationToken);
        var active = await db.WebhookSubscriptions.Where(s => s.StructureId == structureId && s.IsActive).Select(s => s.Url).ToListAsync(cancellationToken);
        if (active.Contains(uri.AbsoluteUri))
            throw WebhookRefusedException.Url("Cette adresse est déjà abonnée : désactivez l'abonnement existant pour en créer un nouveau (avec un nouveau secret).");
        if (active.Count >= MaxActivePerStructure)
            throw WebhookRefusedException.Url($"Une structure peut avoir au plus {MaxActivePerStructure} abonnements actifs : désactivez-en un d'abord.");
        var secret = "whsec_" + RandomNumberGenerator.GetString(Alphabet, 40);
        var subscription = new WebhookSubscription
        {
            StructureId = structureId,
            Url = uri.AbsoluteUri,
            Events = string.Join(',', chosen),
            ProtectedSecret = protection.CreateProtector(SecretPurpose).Protect(secret),
            CreatedByUserId = userId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new Subscribed(subscription, secret);
    }

    /// <summary>Switches a subscription off (its pending deliveries stop) or on again; false when the structure has no such subscription.</summary>
    public async Task<bool> SetActiveAsync(Guid structureId, Guid subscriptionId, bool active, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == subscriptionId && s.StructureId == structureId, cancellationToken);
        if (subscription is null) return false;
        subscription.IsActive = active;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Sends a delivery again now, whatever its state, with the same id and body; false when the structure has no such delivery.</summary>
    public async Task<bool> ResendAsync(Guid structureId, Guid deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId && s.StructureId == structureId && s.IsActive))
            .FirstOrDefaultAsync(cancellationToken);
        if (delivery is null) return false;
        var now = WebhookSender.Truncate(clock.GetUtcNow().UtcDateTime);
        (delivery.Status, delivery.NextAttemptAt) = (WebhookDeliveryStatus.EnAttente, now);
        WebhookSender.Schedule(db, delivery.Id, now, now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<List<WebhookSubscription>> ListAsync(Guid structureId, CancellationToken cancellationToken) =>
        db.WebhookSubscriptions.AsNoTracking().Where(s => s.StructureId == structureId)
            .OrderByDescending(s => s.IsActive).ThenByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>The structure's latest deliveries, newest first.</summary>
    public async Task<List<DeliveryRow>> LatestDeliveriesAsync(Guid structureId, int count, CancellationToken cancellationToken)
    {
        var rows = await db.WebhookDeliveries.AsNoTracking()
            .Join(db.WebhookSubscriptions.Where(s => s.StructureId == structureId), d => d.SubscriptionId, s => s.Id, (d, s) => new { Delivery = d, s.Url })
            .OrderByDescending(r => r.Delivery.CreatedAt).Take(count).ToListAsync(cancellationToken);
        return rows.Select(r => new DeliveryRow(r.Delivery, r.Url)).ToList();
    }
}
