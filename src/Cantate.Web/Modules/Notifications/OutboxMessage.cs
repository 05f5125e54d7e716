namespace Cantate.Web.Modules.Notifications;

/// <summary>
/// Work to do after a transaction commits (send an e-mail, deliver a webhook...). Written in the same
/// transaction as the change that caused it, so nothing acknowledged is held only in memory.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public required string Kind { get; init; }
    public required string Payload { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime AvailableAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Instance that claimed the message, and until when; another instance may take it after.</summary>
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
}
