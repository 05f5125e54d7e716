using Cantate.Testing;
using Cantate.Web.Modules.Api.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Web.Tests.Api;

/// <summary>The gestionnaires hear once, 15 days ahead, that a technical account's password expires, with the link to renew it.</summary>
public abstract class TechnicalAccountExpiryTests(TestDatabase database) : PortalTest(database)
{
    private const string Siret = "84321765400014";

    /// <summary>Moves the application's clock and waits until the reminder job has checked at the new time.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        await Factory.AdvanceClockAsync<TechnicalAccountExpiryReminders>(by);
        // The e-mail leaves through the outbox once the check has queued it.
        await Task.Delay(500);
    }

    [Fact]
    public async Task The_gestionnaires_are_reminded_once_fifteen_days_before_the_password_expires_and_renewing_starts_over()
    {
        var email = NewEmail("gestionnaire");
        await AccountJourney.OnboardAsync(Factory, Client, email, Siret);
        var structureId = await RaccordementJourney.StructureIdAsync(Factory, Siret);
        var created = await RaccordementJourney.CreateAsync(Client, structureId);
        var expiresAt = await Factory.QueryAsync(db => db.TechnicalAccounts.Where(a => a.Login == created.Login).Select(a => a.PasswordExpiresAt).SingleAsync());
        var subject = $"Le mot de passe du compte technique {created.Login}";

        await AdvanceAsync(expiresAt - Factory.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(15) - TimeSpan.FromHours(2));
        Assert.Empty(Factory.Smtp.Matching(email, subject));

        await AdvanceAsync(TimeSpan.FromHours(3));
        var mail = await Factory.Smtp.WaitForAsync(email, subject);
        Assert.Contains("expire le", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(Siret, mail.TextBody, StringComparison.Ordinal);
        var link = TestSmtpServer.LinkIn(mail, "/espaces/raccordement-edi-api");
        Assert.EndsWith($"/espaces/raccordement-edi-api?structure={structureId}", link, StringComparison.Ordinal);

        await AdvanceAsync(TimeSpan.FromDays(1));
        await AdvanceAsync(TimeSpan.FromDays(14));
        Assert.Single(Factory.Smtp.Matching(email, subject));
        Assert.NotNull(await Factory.QueryAsync(db => db.TechnicalAccounts.Where(a => a.Login == created.Login).Select(a => a.ExpiryReminderSentAt).SingleAsync()));

        // The link leads to the screen, where the password is renewed for a year and the next reminder will come again.
        await AccountJourney.SignInAsync(Client, email);
        var screen = await Client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Contains("(expiré)", screen.Document.QuerySelector("table.comptes")!.TextContent, StringComparison.Ordinal);
        var accountId = await Factory.QueryAsync(db => db.TechnicalAccounts.Where(a => a.Login == created.Login).Select(a => a.Id).SingleAsync());
        await RaccordementJourney.ActAsync(Client, structureId, "MotDePasse", accountId);
        var renewed = await Factory.QueryAsync(db => db.TechnicalAccounts.SingleAsync(a => a.Id == accountId));
        Assert.Null(renewed.ExpiryReminderSentAt);
        // PostgreSQL keeps microseconds, the clock has ticks.
        Assert.InRange(renewed.PasswordExpiresAt - Factory.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromDays(365) - TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(365));
        await AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Single(Factory.Smtp.Matching(email, subject));
    }
}

public sealed class TechnicalAccountExpiryOnSqliteTests() : TechnicalAccountExpiryTests(TestDatabase.Sqlite);

public sealed class TechnicalAccountExpiryOnPostgresTests() : TechnicalAccountExpiryTests(TestDatabase.Postgres);
