namespace Cantate.Web.Modules.Accounts;

public enum UserStatus
{
    /// <summary>Created; waiting for the user to follow the activation link and choose a password.</summary>
    EnAttenteActivation,
    Actif,
    Desactive,
}

/// <summary>A person who signs in to the portal.</summary>
public sealed class User
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>Login address as typed (for display and e-mails).</summary>
    public required string LoginEmail { get; set; }
    /// <summary>Login address trimmed and lower-cased: unique.</summary>
    public required string NormalizedLoginEmail { get; set; }
    /// <summary>Where notifications go; the login address unless the user chose another.</summary>
    public required string ContactEmail { get; set; }
    public required string LastName { get; set; }
    public required string FirstName { get; set; }
    public UserStatus Status { get; set; }
    public string? PasswordHash { get; set; }
    public string? SecretQuestion { get; set; }
    public string? SecretAnswerHash { get; set; }
    public int FailedSignInCount { get; set; }
    public DateTime? LockedUntil { get; set; }
    /// <summary>Changes when the password changes, so that older sessions end.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public DateTime CreatedAt { get; init; }
    public DateTime? ActivatedAt { get; set; }
    /// <summary>E-mails when an invoice of the user's structures is rejected, suspended, to recycle or paid.</summary>
    public bool InvoiceNotifications { get; set; } = true;

    public string DisplayName => $"{FirstName} {LastName}";

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}

public enum TokenPurpose
{
    Activation,
    PasswordReset,
}

/// <summary>
/// A single-use, expiring secret sent by e-mail. Only its SHA-256 is stored, so a database leak does not
/// let anyone activate or recover an account.
/// </summary>
public sealed class OneTimeToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public TokenPurpose Purpose { get; init; }
    public required string TokenHash { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime? UsedAt { get; set; }
    /// <summary>Wrong secret answers given with this token; the token dies after a few.</summary>
    public int FailedAttempts { get; set; }
}
