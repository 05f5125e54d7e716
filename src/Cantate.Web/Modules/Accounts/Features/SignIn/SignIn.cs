using System.Globalization;
using Cantate.Web.Modules.Accounts.Security;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Accounts.Features.SignIn;

/// <summary>Checks the login address and password; five failures lock the account for one hour.</summary>
public sealed class SignIn(CantateDbContext db, SecretHasher hasher, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromHours(1);
    public const string WrongCredentials =
        "Adresse électronique de connexion ou mot de passe incorrect. Si vous venez de créer votre compte, activez-le d'abord avec le lien reçu par courriel.";

    // Verified when the address is unknown, so that the answer takes as long as for a known address.
    private static readonly Lazy<string> DummyHash = new(() => new SecretHasher().Hash(Guid.NewGuid().ToString()));

    public sealed record Result(User? User, string? Error);

    public async Task<Result> HandleAsync(string? loginEmail, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(loginEmail) || string.IsNullOrEmpty(password))
            return new Result(null, "Saisissez votre adresse électronique de connexion et votre mot de passe.");
        if (loginEmail.Length > 254 || password.Length > 1024) return new Result(null, WrongCredentials);

        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = User.Normalize(loginEmail);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedLoginEmail == normalized, cancellationToken);
        if (user is null || user.Status != UserStatus.Actif || user.PasswordHash is null)
        {
            hasher.Verify(password, DummyHash.Value);
            return new Result(null, WrongCredentials);
        }
        if (user.LockedUntil is { } until && until > now) return new Result(null, LockedMessage(until));

        if (!hasher.Verify(password, user.PasswordHash))
        {
            user.FailedSignInCount++;
            string message = WrongCredentials;
            if (user.FailedSignInCount >= MaxFailures)
            {
                user.FailedSignInCount = 0;
                user.LockedUntil = now + LockoutDuration;
                message = LockedMessage(user.LockedUntil.Value);
            }
            else if (user.FailedSignInCount == MaxFailures - 1)
            {
                message += " Attention : une nouvelle erreur verrouillera votre compte pendant une heure.";
            }
            await db.SaveChangesAsync(cancellationToken);
            return new Result(null, message);
        }

        user.FailedSignInCount = 0;
        user.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        return new Result(user, null);
    }

    public static string LockedMessage(DateTime untilUtc) =>
        string.Create(CultureInfo.GetCultureInfo("fr-FR"),
            $"Votre compte est verrouillé pendant une heure après {MaxFailures} tentatives de connexion infructueuses. Réessayez après {ParisTime.Format(untilUtc)}, ou réinitialisez votre mot de passe avec « Mot de passe oublié ».");
}

/// <summary>Times shown to users are in Paris time.</summary>
public static class ParisTime
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static string Format(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
        return local.ToString("HH' h 'mm' (heure de Paris)'", CultureInfo.GetCultureInfo("fr-FR"));
    }

    public static string FormatDateTime(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
        return local.ToString("dd/MM/yyyy HH:mm", CultureInfo.GetCultureInfo("fr-FR"));
    }

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
