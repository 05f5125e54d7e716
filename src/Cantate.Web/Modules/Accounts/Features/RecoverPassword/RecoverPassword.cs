using Cantate.Web.Modules.Accounts.Features.ActivateAccount;
using Cantate.Web.Modules.Accounts.Security;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Accounts.Features.RecoverPassword;

/// <summary>"Mot de passe oublié": an e-mailed link, then the secret answer and a new password.</summary>
public sealed class RecoverPassword(CantateDbContext db, SecretHasher hasher, PasswordPolicy policy, AccountEmails emails, TimeProvider clock)
{
    /// <summary>Sends a recovery link when an active account has this address; says nothing either way.</summary>
    public async Task RequestAsync(string? loginEmail, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(loginEmail) || loginEmail.Length > 254) return;
        var normalized = User.Normalize(loginEmail);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedLoginEmail == normalized && u.Status == UserStatus.Actif, cancellationToken);
        if (user is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.RevokeAsync(user.Id, TokenPurpose.PasswordReset, now, cancellationToken);
        var token = db.Issue(user.Id, TokenPurpose.PasswordReset, now, AccountEmails.RecoveryLifetime);
        db.EnqueueEmail(emails.PasswordRecovery(user, token), now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The secret question to show for a live link, or null when the link is dead.</summary>
    public async Task<string?> QuestionForAsync(string? token, CancellationToken cancellationToken)
    {
        var live = await db.FindLiveAsync(token, TokenPurpose.PasswordReset, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return live is { } found ? SecretQuestions.LabelOf(found.User.SecretQuestion) : null;
    }

    public sealed record Input(string? Token, string? SecretAnswer, string? Password, string? PasswordConfirmation);

    /// <summary>Errors by field ("Token" when the link is dead); empty when the password was changed.</summary>
    public async Task<Dictionary<string, string>> ResetAsync(Input input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string>();
        var live = await db.FindLiveAsync(input.Token, TokenPurpose.PasswordReset, now, cancellationToken);
        if (live is not { } found)
        {
            errors["Token"] = "Ce lien de réinitialisation n'est plus valable : il a expiré (une heure), a déjà servi, ou trop de réponses fausses ont été données. Refaites une demande avec « Mot de passe oublié ».";
            return errors;
        }
        var user = found.User;
        if (!hasher.Verify(SecretQuestions.NormalizeAnswer(input.SecretAnswer), user.SecretAnswerHash))
        {
            found.Token.FailedAttempts++;
            await db.SaveChangesAsync(cancellationToken);
            var left = OneTimeTokens.MaxFailedAttempts - found.Token.FailedAttempts;
            errors["SecretAnswer"] = left > 0
                ? $"La réponse à la question secrète est incorrecte. Il vous reste {left} essai(s) avec ce lien."
                : "La réponse à la question secrète est incorrecte et ce lien n'est plus valable. Refaites une demande avec « Mot de passe oublié ».";
            return errors;
        }
        CredentialRules.Check(errors, policy, input.Password, input.PasswordConfirmation, user.LoginEmail);
        if (errors.Count > 0) return errors;

        user.PasswordHash = hasher.Hash(input.Password!);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.FailedSignInCount = 0;
        user.LockedUntil = null;
        found.Token.UsedAt = now;
        db.EnqueueEmail(AccountEmails.PasswordChanged(user), now);
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }
}
