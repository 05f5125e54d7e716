using Cantate.Web.Persistence;

namespace Cantate.Web.Modules.Api;

/// <summary>
/// An OAuth client ("application PISTE"): exchanges its id and secret for Bearer tokens. Created by a gestionnaire
/// in the "Raccordement EDI et API" workspace (then owned by that structure) or by an operator with the CLI.
/// </summary>
public sealed class ApiClient
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>client_id, public.</summary>
    public required string ClientId { get; init; }
    /// <summary>SHA-256 (hex) of the secret. Secrets are 256 random bits, so a fast hash is enough.</summary>
    public required string SecretHash { get; set; }
    public required string Name { get; set; }
    /// <summary>The structure whose gestionnaire created the client; null when an operator created it.</summary>
    public Guid? StructureId { get; init; }
    public Guid? CreatedByUserId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? SecretRotatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>A Bearer token issued to an <see cref="ApiClient"/>; only its hash is stored.</summary>
public sealed class ApiAccessToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string TokenHash { get; init; }
    public Guid ApiClientId { get; init; }
    public DateTime IssuedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
}

/// <summary>
/// A technical account ("compte technique"): the identity an API client acts as, sent in the <c>cpro-account</c>
/// header as base64(login:password). It is attached to one structure and acts only for it.
/// </summary>
public sealed class TechnicalAccount : IHasCppId
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>idUtilisateur in the API.</summary>
    public int CppId { get; set; }
    /// <summary>TECH_...@cantate.api, unique.</summary>
    public required string Login { get; init; }
    /// <summary>SHA-256 (hex) of the password. Passwords are generated with 190 random bits.</summary>
    public required string PasswordHash { get; set; }
    public Guid StructureId { get; init; }
    public Guid? CreatedByUserId { get; init; }
    public DateTime CreatedAt { get; init; }
    /// <summary>dateExpirationMotPasseCompteTech: the password must be rotated before this date.</summary>
    public DateTime PasswordExpiresAt { get; set; }
    public DateTime? PasswordRotatedAt { get; set; }
    /// <summary>When the gestionnaires were reminded that the password expires soon.</summary>
    public DateTime? ExpiryReminderSentAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>A file added with <c>transverses/v1/ajouter/fichier</c>, then referenced by <c>soumettre</c> or <c>completer</c>.</summary>
public sealed class ApiFile : IHasCppId
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>pieceJointeId.</summary>
    public int CppId { get; set; }
    public Guid StructureId { get; init; }
    public Guid? TechnicalAccountId { get; init; }
    public required string FileName { get; init; }
    public required string MimeType { get; init; }
    public required string Extension { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    /// <summary>Where the bytes are, relative to the documents root.</summary>
    public required string StoragePath { get; init; }
    public DateTime UploadedAt { get; init; }
    /// <summary>The invoice the file became part of, once used.</summary>
    public Guid? InvoiceId { get; set; }
}

/// <summary>A URL a structure subscribed to: flow results and invoice status changes are POSTed to it, signed.</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid StructureId { get; init; }
    public required string Url { get; set; }
    /// <summary>Comma-separated event types (<see cref="WebhookEvents"/>).</summary>
    public required string Events { get; set; }
    /// <summary>The HMAC-SHA256 key, protected with the platform's data-protection keys.</summary>
    public required string ProtectedSecret { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid? CreatedByUserId { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>The event types a webhook may subscribe to.</summary>
public static class WebhookEvents
{
    /// <summary>A deposit flow reached a final state (IN_INTEGRE, IN_INTEGRE_PARTIEL, IN_REJETE).</summary>
    public const string FlowProcessed = "flux.traite";
    /// <summary>An invoice changed status.</summary>
    public const string InvoiceStatusChanged = "facture.statut";

    public static IReadOnlyList<string> All { get; } = [FlowProcessed, InvoiceStatusChanged];
}

/// <summary>The state of one webhook delivery.</summary>
public enum WebhookDeliveryStatus
{
    EnAttente,
    Livree,
    Abandonnee,
}

/// <summary>One event sent (or being sent) to one subscription, with the last answer received.</summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SubscriptionId { get; init; }
    public required string EventType { get; init; }
    /// <summary>The JSON body sent, the same on every attempt.</summary>
    public required string Payload { get; init; }
    public WebhookDeliveryStatus Status { get; set; } = WebhookDeliveryStatus.EnAttente;
    public int Attempts { get; set; }
    public int? LastStatusCode { get; set; }
    /// <summary>The start of the receiver's last answer, or the network error.</summary>
    public string? LastResponse { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? LastAttemptAt { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
}
