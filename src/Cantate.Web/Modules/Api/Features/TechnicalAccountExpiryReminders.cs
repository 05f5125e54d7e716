using System.Globalization;
using Cantate.Web.Hosting;
using Cantate.Web.Modules.Accounts;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cantate.Web.Modules.Api.Features;

/// <summary>
/// Fifteen days before a technical account's password expires, e-mails the gestionnaires of its structure with the
/// link to renew it, once per password. Checks every hour of the application's clock. Each reminder is claimed with
/// a conditional update in the transaction that queues its e-mails, so several instances never send it twice.
/// </summary>
public sealed partial class TechnicalAccountExpiryReminders(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<CantateOptions> options, ILogger<TechnicalAccountExpiryReminders> logger)
    : PeriodicJob(clock, TimeSpan.FromHours(1), logger)
{
    public static readonly TimeSpan Notice = TimeSpan.FromDays(15);
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private sealed record Due(Guid Id, string Login, DateTime ExpiresAt, Guid StructureId, string StructureName, string Siret);

    protected override Task RunAsync(DateTime now, CancellationToken cancellationToken) => RemindAsync(now, cancellationToken);

    /// <summary>Sends the reminders due at that time; returns how many accounts were reminded.</summary>
    private async Task<int> RemindAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
        var limit = now + Notice;
        var due = await db.TechnicalAccounts.AsNoTracking()
            .Where(a => a.RevokedAt == null && a.ExpiryReminderSentAt == null && a.PasswordExpiresAt <= limit)
            .Join(db.Structures, a => a.StructureId, s => s.Id, (a, s) => new Due(a.Id, a.Login, a.PasswordExpiresAt, s.Id, s.RaisonSociale, s.Siret))
            .ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var account in due)
        {
            if (await RemindAsync(db, scope.ServiceProvider.GetService<SqliteWriteGate>(), account, now, cancellationToken)) reminded++;
        }
        return reminded;
    }

    private async Task<bool> RemindAsync(CantateDbContext db, SqliteWriteGate? gate, Due account, DateTime now, CancellationToken cancellationToken)
    {
        var managers = await db.Memberships.AsNoTracking()
            .Where(m => m.StructureId == account.StructureId && m.Status == MembershipStatus.Validee
                && (m.Role == StructureRole.GestionnairePrincipal || m.Role == StructureRole.GestionnaireSecondaire))
            .Join(db.Users.Where(u => u.Status == UserStatus.Actif), m => m.UserId, u => u.Id, (m, u) => u)
            .ToListAsync(cancellationToken);
        // On SQLite the process's writers queue at the gate; an explicit transaction must take it too.
        if (gate is not null) await gate.EnterAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.TechnicalAccounts.Where(a => a.Id == account.Id && a.ExpiryReminderSentAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.ExpiryReminderSentAt, now), cancellationToken);
            if (claimed == 0) return false;
            foreach (var manager in managers) db.EnqueueEmail(Email(manager, account, now), now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            gate?.Exit();
        }
        if (managers.Count == 0) LogNobodyToRemind(logger, account.Login, account.Siret);
        return true;
    }

    private EmailMessage Email(User manager, Due account, DateTime now)
    {
        var date = Paris(account.ExpiresAt).ToString("dd/MM/yyyy 'à' HH'h'mm", French);
        var expired = account.ExpiresAt <= now;
        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/espaces/raccordement-edi-api?structure={account.StructureId}";
        return new EmailMessage(manager.ContactEmail,
            expired ? $"Le mot de passe du compte technique {account.Login} a expiré" : $"Le mot de passe du compte technique {account.Login} expire le {date[..10]}",
            $"""
            Bonjour {manager.DisplayName},

            Le mot de passe du compte technique {account.Login} de la structure {account.StructureName} (SIRET {account.Siret})
            {(expired ? "a expiré le" : "expire le")} {date}. Passé cette date, les logiciels qui l'utilisent dans l'en-tête cpro-account
            reçoivent l'erreur HTTP 403 et ne peuvent plus déposer ni consulter de factures par l'API.

            Renouvelez-le dans l'espace « Raccordement EDI et API » (bouton « Renouveler le mot de passe ») :

            {link}

            Le nouveau mot de passe, valable {options.Value.Api.TechnicalPasswordLifetimeDays} jours, n'est affiché qu'une fois :
            copiez la nouvelle valeur de l'en-tête cpro-account dans la configuration de votre logiciel.
            L'ancien mot de passe cesse de fonctionner dès le renouvellement.
            """);
    }

    private static DateTime Paris(DateTime utc)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var paris) ? paris : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Password of technical account {Login} expires soon but structure {Siret} has no active gestionnaire to remind")]
    private static partial void LogNobodyToRemind(ILogger logger, string login, string siret);
}
