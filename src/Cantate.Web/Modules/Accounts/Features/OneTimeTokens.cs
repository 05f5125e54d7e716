using Cantate.Web.Modules.Accounts.Security;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Accounts.Features;

/// <summary>Finds the live token behind a link, and issues new ones.</summary>
public static class OneTimeTokens
{
    public const int MaxFailedAttempts = 5;

    /// <summary>The token and its user when the token exists, has this purpose, is unused and unexpired.</summary>
    public static async Task<(OneTimeToken Token, User User)?> FindLiveAsync(
        this CantateDbContext db, string? token, TokenPurpose purpose, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrEmpty(token) || token.Length > 200) return null;
        var hash = Tokens.HashOf(token);
        var found = await db.OneTimeTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, cancellationToken);
        if (found is null || found.UsedAt is not null || found.ExpiresAt <= now || found.FailedAttempts >= MaxFailedAttempts) return null;
        var user = await db.Users.FirstAsync(u => u.Id == found.UserId, cancellationToken);
        return (found, user);
    }

    /// <summary>Ends every live token of this purpose for the user (a new link replaces the old ones).</summary>
    public static Task RevokeAsync(this CantateDbContext db, Guid userId, TokenPurpose purpose, DateTime now, CancellationToken cancellationToken) =>
        db.OneTimeTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), cancellationToken);

    /// <summary>Adds a new token to the unit of work and returns its clear value, for the e-mail.</summary>
    public static string Issue(this CantateDbContext db, Guid userId, TokenPurpose purpose, DateTime now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(db);
        var token = Tokens.NewToken();
        db.OneTimeTokens.Add(new OneTimeToken
        {
            UserId = userId,
            Purpose = purpose,
            TokenHash = Tokens.HashOf(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
        return token;
    }
}
