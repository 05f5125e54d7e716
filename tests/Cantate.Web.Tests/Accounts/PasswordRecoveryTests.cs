using Cantate.Testing;

namespace Cantate.Web.Tests.Accounts;

public abstract class PasswordRecoveryTests(TestDatabase database) : PortalTest(database)
{
    private const string NewPassword = "Un tout nouveau mot de passe 77";

    private async Task<(string Email, string Link)> ForgetAsync()
    {
        var email = NewEmail();
        await AccountJourney.OnboardAsync(Factory, Client, email, "90012345600015");
        using var anonymous = Factory.CreatePortalClient();
        var form = await anonymous.GetAsync("/mot-de-passe-oublie");
        var sent = await anonymous.SubmitAsync(form, PortalClient.Fields(("LoginEmail", email)));
        Assert.Contains("Si un compte actif correspond à cette adresse", sent.Text);
        var mail = await Factory.Smtp.WaitForAsync(email, "Réinitialisation de votre mot de passe");
        return (email, new Uri(TestSmtpServer.LinkIn(mail, "/mot-de-passe/reinitialiser")).PathAndQuery);
    }

    [Fact]
    public async Task A_user_recovers_access_with_the_emailed_link_and_the_secret_answer()
    {
        var (email, link) = await ForgetAsync();
        using var browser = Factory.CreatePortalClient();
        var form = await browser.GetAsync(link);
        Assert.Contains("Quel était le nom de votre premier animal de compagnie ?", form.Text);

        // Case, accents and spaces do not matter in the answer.
        var done = await browser.SubmitAsync(form, PortalClient.Fields(("SecretAnswer", "  MEDOR "), ("Password", NewPassword), ("PasswordConfirmation", NewPassword)));
        Assert.Contains("Votre mot de passe est modifié", done.Text);
        await Factory.Smtp.WaitForAsync(email, "Votre mot de passe Cantate a été modifié");

        Assert.Equal("/connexion", (await AccountJourney.SignInAsync(browser, email)).Url.AbsolutePath);
        Assert.Equal("/accueil", (await AccountJourney.SignInAsync(browser, email, NewPassword)).Url.AbsolutePath);
        Assert.Contains("n'est plus valable", (await browser.GetAsync(link)).Text);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_sessions_opened_before()
    {
        var (_, link) = await ForgetAsync();
        Assert.Equal("/accueil", (await Client.GetAsync("/accueil")).Url.AbsolutePath);
        using var browser = Factory.CreatePortalClient();
        var form = await browser.GetAsync(link);
        await browser.SubmitAsync(form, PortalClient.Fields(("SecretAnswer", "Médor"), ("Password", NewPassword), ("PasswordConfirmation", NewPassword)));
        Assert.Equal("/connexion", (await Client.GetAsync("/accueil")).Url.AbsolutePath);
    }

    [Fact]
    public async Task Five_wrong_secret_answers_end_the_link()
    {
        var (_, link) = await ForgetAsync();
        using var browser = Factory.CreatePortalClient();
        var page = await browser.GetAsync(link);
        for (var i = 1; i <= 4; i++)
        {
            page = await browser.SubmitAsync(page, PortalClient.Fields(("SecretAnswer", "Rex"), ("Password", NewPassword), ("PasswordConfirmation", NewPassword)));
            Assert.Contains($"Il vous reste {5 - i} essai(s)", page.FieldError("SecretAnswer"));
        }
        page = await browser.SubmitAsync(page, PortalClient.Fields(("SecretAnswer", "Rex"), ("Password", NewPassword), ("PasswordConfirmation", NewPassword)));
        Assert.Contains("n'est plus valable", page.Text);
        Assert.Contains("n'est plus valable", (await browser.GetAsync(link)).Text);
    }

    [Fact]
    public async Task The_recovery_link_expires_after_one_hour()
    {
        var (_, link) = await ForgetAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Contains("n'est plus valable", (await Factory.CreatePortalClient().GetAsync(link)).Text);
    }

    [Fact]
    public async Task Recovery_for_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        var form = await Client.GetAsync("/mot-de-passe-oublie");
        var sent = await Client.SubmitAsync(form, PortalClient.Fields(("LoginEmail", "inconnu@exemple.fr")));
        Assert.Contains("Si un compte actif correspond à cette adresse", sent.Text);
        await Task.Delay(500);
        Assert.Empty(Factory.Smtp.Matching("inconnu@exemple.fr", ""));
    }
}

public sealed class PasswordRecoveryOnSqliteTests() : PasswordRecoveryTests(TestDatabase.Sqlite);

public sealed class PasswordRecoveryOnPostgresTests() : PasswordRecoveryTests(TestDatabase.Postgres);
