using System.Net;

namespace Cantate.Testing;

/// <summary>The account-creation steps, as a user of the portal goes through them.</summary>
public static class AccountJourney
{
    public const string Password = "Une phrase de passe solide 2026";
    public const string SecretQuestion = "PREMIER_ANIMAL";
    public const string SecretAnswer = "Médor";

    /// <summary>Steps 1 to 3 with SIRENE's data as pre-filled; returns the final page.</summary>
    public static async Task<Page> CreateAsync(PortalClient client, string email, string siret,
        string lastName = "Dupont", string firstName = "Camille", IEnumerable<KeyValuePair<string, string?>>? information = null,
        IEnumerable<KeyValuePair<string, string?>>? workspaces = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var step1 = await client.GetAsync("/compte/creer");
        var step2 = await client.SubmitAsync(step1, PortalClient.Fields(("LoginEmail", email), ("Siret", siret)));
        Expect(step2, "/compte/creer/informations");
        var fields = PortalClient.Fields(("LastName", lastName), ("FirstName", firstName));
        fields.AddRange(information ?? []);
        var step3 = await client.SubmitAsync(step2, fields);
        if (step3.Url.AbsolutePath == "/compte/creer/termine") return step3;
        Expect(step3, "/compte/creer/espaces");
        return await client.SubmitAsync(step3, workspaces);
    }

    /// <summary>Follows the activation link of the latest activation e-mail and sets the password.</summary>
    public static Task<Page> ActivateAsync(CantateFactory factory, PortalClient client, string email, int skip = 0) =>
        ActivateAsync((factory ?? throw new ArgumentNullException(nameof(factory))).Smtp, client, email, skip);

    public static async Task<Page> ActivateAsync(TestSmtpServer smtp, PortalClient client, string email, int skip = 0)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(client);
        var mail = await smtp.WaitForAsync(email, "Activez votre compte", skip);
        var link = new Uri(TestSmtpServer.LinkIn(mail, "/compte/activer"));
        var form = await client.GetAsync(link.PathAndQuery);
        return await client.SubmitAsync(form, PortalClient.Fields(
            ("Password", Password), ("PasswordConfirmation", Password), ("SecretQuestion", SecretQuestion), ("SecretAnswer", SecretAnswer)));
    }

    public static async Task<Page> SignInAsync(PortalClient client, string email, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetAsync("/connexion");
        return await client.SubmitAsync(form, PortalClient.Fields(("LoginEmail", email), ("Password", password)));
    }

    /// <summary>Creates, activates and signs in a gestionnaire principal of a new structure.</summary>
    public static Task<Page> OnboardAsync(CantateFactory factory, PortalClient client, string email, string siret) =>
        OnboardAsync((factory ?? throw new ArgumentNullException(nameof(factory))).Smtp, client, email, siret);

    public static async Task<Page> OnboardAsync(TestSmtpServer smtp, PortalClient client, string email, string siret)
    {
        await CreateAsync(client, email, siret);
        await ActivateAsync(smtp, client, email);
        return await SignInAsync(client, email);
    }

    private static void Expect(Page page, string path)
    {
        if (page.Url.AbsolutePath != path || page.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Expected {path}, got {(int)page.Status} {page.Url}: {page.Document.QuerySelector(".resume-erreurs")?.TextContent ?? page.Text}");
        }
    }
}
