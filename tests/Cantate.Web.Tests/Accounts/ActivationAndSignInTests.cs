using System.Net;
using Cantate.Testing;
using Cantate.Web.Modules.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Accounts;

public abstract class ActivationAndSignInTests(TestDatabase database) : PortalTest(database)
{
    private const string Siret = "79245318500011";

    [Fact]
    public async Task The_activation_link_works_only_once()
    {
        var email = NewEmail();
        await AccountJourney.CreateAsync(Client, email, Siret);
        var mail = await Factory.Smtp.WaitForAsync(email, "Activez votre compte");
        var link = new Uri(TestSmtpServer.LinkIn(mail, "/compte/activer")).PathAndQuery;
        await AccountJourney.ActivateAsync(Factory, Client, email);

        var again = await Client.GetAsync(link);
        Assert.Contains("Ce lien d'activation n'est plus valable", again.Text);
        Assert.Null(again.Document.GetElementById("Password"));
    }

    [Fact]
    public async Task The_activation_link_expires_after_twenty_four_hours_and_a_new_one_can_be_sent()
    {
        var email = NewEmail();
        await AccountJourney.CreateAsync(Client, email, Siret);
        var first = await Factory.Smtp.WaitForAsync(email, "Activez votre compte");
        var firstLink = new Uri(TestSmtpServer.LinkIn(first, "/compte/activer")).PathAndQuery;

        Factory.Clock.Advance(TimeSpan.FromHours(23));
        Assert.NotNull((await Client.GetAsync(firstLink)).Document.GetElementById("Password"));
        Factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Contains("n'est plus valable", (await Client.GetAsync(firstLink)).Text);

        var resend = await Client.GetAsync("/compte/activation/renvoyer");
        var sent = await Client.SubmitAsync(resend, PortalClient.Fields(("LoginEmail", email)));
        Assert.Contains("Si un compte en attente d'activation correspond à cette adresse", sent.Text);
        var activated = await AccountJourney.ActivateAsync(Factory, Client, email, skip: 1);
        Assert.Contains("Votre compte est désormais actif", activated.Text);
    }

    [Fact]
    public async Task Sending_a_new_activation_link_ends_the_previous_one()
    {
        var email = NewEmail();
        await AccountJourney.CreateAsync(Client, email, Siret);
        var first = new Uri(TestSmtpServer.LinkIn(await Factory.Smtp.WaitForAsync(email, "Activez votre compte"), "/compte/activer")).PathAndQuery;
        var resend = await Client.GetAsync("/compte/activation/renvoyer");
        await Client.SubmitAsync(resend, PortalClient.Fields(("LoginEmail", email)));
        await Factory.Smtp.WaitForAsync(email, "Activez votre compte", skip: 1);
        Assert.Contains("n'est plus valable", (await Client.GetAsync(first)).Text);
    }

    [Fact]
    public async Task Asking_to_resend_for_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        var resend = await Client.GetAsync("/compte/activation/renvoyer");
        var sent = await Client.SubmitAsync(resend, PortalClient.Fields(("LoginEmail", "personne@exemple.fr")));
        Assert.Contains("Si un compte en attente d'activation correspond à cette adresse", sent.Text);
        await Task.Delay(500);
        Assert.Empty(Factory.Smtp.Matching("personne@exemple.fr", ""));
    }

    [Theory]
    [InlineData("court", "", "au moins 12 caractères")]
    [InlineData("password1234", "", "les plus utilisés")]
    [InlineData("aaaaaaaaaaaaaaaa", "", "trop peu de caractères différents")]
    [InlineData("Une phrase de passe solide 2026", "Une autre phrase", "confirmation ne correspond pas")]
    public async Task A_weak_or_mistyped_password_is_refused_with_the_reason(string password, string confirmation, string expected)
    {
        var email = NewEmail();
        await AccountJourney.CreateAsync(Client, email, Siret);
        var mail = await Factory.Smtp.WaitForAsync(email, "Activez votre compte");
        var form = await Client.GetAsync(new Uri(TestSmtpServer.LinkIn(mail, "/compte/activer")).PathAndQuery);
        var again = await Client.SubmitAsync(form, PortalClient.Fields(("Password", password),
            ("PasswordConfirmation", confirmation.Length == 0 ? password : confirmation), ("SecretQuestion", "PREMIER_ANIMAL"), ("SecretAnswer", "Médor")));
        var error = again.FieldError("Password") ?? again.FieldError("PasswordConfirmation");
        Assert.Contains(expected, error);
        Assert.Equal(UserStatus.EnAttenteActivation, await Factory.QueryAsync(db => db.Users.Where(u => u.LoginEmail == email).Select(u => u.Status).SingleAsync()));
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_for_one_hour_with_a_message_that_says_so()
    {
        var email = NewEmail();
        await AccountJourney.CreateAsync(Client, email, Siret);
        await AccountJourney.ActivateAsync(Factory, Client, email);

        for (var i = 1; i <= 4; i++)
        {
            var failed = await AccountJourney.SignInAsync(Client, email, "mauvais mot de passe");
            Assert.Equal("/connexion", failed.Url.AbsolutePath);
            Assert.Contains("mot de passe incorrect", failed.Document.GetElementById("erreur-connexion")?.TextContent);
        }
        var fifth = await AccountJourney.SignInAsync(Client, email, "mauvais mot de passe");
        Assert.Contains("Votre compte est verrouillé pendant une heure", fifth.Document.GetElementById("erreur-connexion")?.TextContent);

        var rightButLocked = await AccountJourney.SignInAsync(Client, email);
        Assert.Equal("/connexion", rightButLocked.Url.AbsolutePath);
        Assert.Contains("verrouillé", rightButLocked.Document.GetElementById("erreur-connexion")?.TextContent);

        Factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var afterAnHour = await AccountJourney.SignInAsync(Client, email);
        Assert.Equal("/accueil", afterAnHour.Url.AbsolutePath);
    }

    [Fact]
    public async Task An_unknown_address_and_a_wrong_password_get_the_same_answer()
    {
        var email = NewEmail();
        await AccountJourney.CreateAsync(Client, email, Siret);
        await AccountJourney.ActivateAsync(Factory, Client, email);
        var wrongPassword = await AccountJourney.SignInAsync(Client, email, "mauvais mot de passe");
        var unknown = await AccountJourney.SignInAsync(Client, "inconnu@exemple.fr", "mauvais mot de passe");
        Assert.Equal(wrongPassword.Document.GetElementById("erreur-connexion")?.TextContent, unknown.Document.GetElementById("erreur-connexion")?.TextContent);
    }

    [Fact]
    public async Task An_account_waiting_for_activation_cannot_sign_in()
    {
        var email = NewEmail();
        await AccountJourney.CreateAsync(Client, email, Siret);
        var page = await AccountJourney.SignInAsync(Client, email);
        Assert.Equal("/connexion", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task Pages_behind_sign_in_send_anonymous_visitors_to_the_sign_in_page()
    {
        var page = await Client.GetAsync("/accueil");
        Assert.Equal("/connexion", page.Url.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Faccueil", page.Url.Query);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var email = NewEmail();
        var home = await AccountJourney.OnboardAsync(Factory, Client, email, Siret);
        await Client.SubmitAsync(home, formSelector: "form[action='/deconnexion']");
        Assert.Equal("/connexion", (await Client.GetAsync("/accueil")).Url.AbsolutePath);
    }
}

public sealed class ActivationAndSignInOnSqliteTests() : ActivationAndSignInTests(TestDatabase.Sqlite);

public sealed class ActivationAndSignInOnPostgresTests() : ActivationAndSignInTests(TestDatabase.Postgres);
