using Cantate.Web.Modules.Accounts.Security;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Accounts.Features.ActivateAccount;

/// <summary>Step 4, "Activez votre compte utilisateur": password and secret question, through a single-use link.</summary>
public sealed class ActivateAccount(CantateDbContext db, SecretHasher hasher, PasswordPolicy policy, TimeProvider clock)
{
    public sealed record Input(string? Token, string? Password, string? PasswordConfirmation, string? SecretQuestion, string? SecretAnswer);

    public async Task<bool> IsLinkLiveAsync(string? token, CancellationToken cancellationToken) =>
        await db.FindLiveAsync(token, TokenPurpose.Activation, clock.GetUtcNow().UtcDateTime, cancellationToken) is not null;

    /// <summary>Returns the errors by field ("Token" when the link is dead); empty when the account is now active.</summary>
    public async Task<Dictionary<string, string>> HandleAsync(Input input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string>();
        var live = await db.FindLiveAsync(input.Token, TokenPurpose.Activation, now, cancellationToken);
        if (live is not { } found)
        {
            errors["Token"] = "Ce lien d'activation n'est plus valable : il a expiré (24 heures) ou a déjà servi. Demandez un nouveau courriel d'activation.";
            return errors;
        }
        CredentialRules.Check(errors, policy, input.Password, input.PasswordConfirmation, found.User.LoginEmail);
        if (SecretQuestions.LabelOf(input.SecretQuestion) is null) errors["SecretQuestion"] = "Choisissez une question secrète dans la liste.";
        var answer = SecretQuestions.NormalizeAnswer(input.SecretAnswer);
        if (answer.Length < 2) errors["SecretAnswer"] = "Saisissez la réponse à la question secrète (au moins 2 caractères).";
        else if (answer.Length > 100) errors["SecretAnswer"] = "La réponse à la question secrète est trop longue (100 caractères au plus).";
        if (errors.Count > 0) return errors;

        var user = found.User;
        user.PasswordHash = hasher.Hash(input.Password!);
        user.SecretQuestion = input.SecretQuestion;
        user.SecretAnswerHash = hasher.Hash(answer);
        user.Status = UserStatus.Actif;
        user.ActivatedAt = now;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        found.Token.UsedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }
}

public static class CredentialRules
{
    public static void Check(Dictionary<string, string> errors, PasswordPolicy policy, string? password, string? confirmation, string loginEmail)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(policy);
        var problem = policy.Check(password, loginEmail);
        if (problem is not null) errors["Password"] = problem;
        else if (password != confirmation) errors["PasswordConfirmation"] = "La confirmation ne correspond pas au mot de passe : saisissez deux fois le même mot de passe.";
    }
}

/// <summary>Sends a new activation link to an account still waiting for activation.</summary>
public sealed class ResendActivation(CantateDbContext db, AccountEmails emails, TimeProvider clock)
{
    public async Task HandleAsync(string? loginEmail, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(loginEmail)) return;
        var normalized = User.Normalize(loginEmail);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedLoginEmail == normalized && u.Status == UserStatus.EnAttenteActivation, cancellationToken);
        if (user is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var structureName = await db.Memberships.Where(m => m.UserId == user.Id)
            .Select(m => m.Structure!.RaisonSociale).FirstOrDefaultAsync(cancellationToken) ?? "votre structure";
        await db.RevokeAsync(user.Id, TokenPurpose.Activation, now, cancellationToken);
        var token = db.Issue(user.Id, TokenPurpose.Activation, now, AccountEmails.ActivationLifetime);
        Notifications.EmailOutbox.EnqueueEmail(db, emails.Activation(user, structureName, token), now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
