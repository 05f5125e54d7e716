using Cantate.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cantate.BrowserTests;

/// <summary>The four steps of account creation, as a person does them in Chromium, e-mails read from smtp4dev.</summary>
public sealed class AccountCreationInTheBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "Une phrase de passe solide 2026";

    private static string NewEmail(string who) => $"{who}.{Guid.NewGuid():N}@exemple.fr";

    private static async Task IdentifyAsync(IPage page, string email, string siret)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Créer un compte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Identifiez-vous");
        await page.GetByLabel("Adresse électronique de connexion").FillAsync(email);
        await page.GetByLabel("SIRET").FillAsync(siret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
    }

    private async Task ActivateAsync(IPage page, string email)
    {
        var mail = await fixture.Mailbox.WaitForAsync(email, "Activez votre compte");
        await page.GotoAsync(Smtp4devMailbox.LinkIn(mail, "/compte/activer").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Activez votre compte utilisateur");
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirmation du mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Question secrète" }).SelectOptionAsync(new SelectOptionValue { Label = "Quel était le nom de votre premier animal de compagnie ?" });
        await page.GetByLabel("Réponse à la question secrète").FillAsync("Médor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(
            "Votre compte est désormais actif et vous pouvez dès à présent transmettre vos factures à votre client public.");
    }

    private static async Task SignInAsync(IPage page, string email, string password = Password)
    {
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique de connexion").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
    }

    [Fact]
    public async Task A_supplier_walks_the_four_steps_activates_from_the_email_and_signs_in()
    {
        var page = await fixture.NewPageAsync();
        var email = NewEmail("fournisseur");

        // Step 1 refuses a SIRET with a wrong key, next to the field, and keeps the user there.
        await IdentifyAsync(page, email, "84321765400015");
        await Expect(page.Locator("#Siret-erreur")).ToContainTextAsync("SIRET");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Identifiez-vous");
        await Expect(page.GetByLabel("SIRET")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("SIRET").FillAsync("90012345600015");
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();

        // Step 2: pre-filled from SIRENE, editable; "Option" reveals the contact address.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Complétez les informations demandées");
        await Expect(page.GetByLabel("Raison sociale")).ToHaveValueAsync("INFORMATIQUE SERVICES OUEST");
        await Expect(page.GetByLabel("Ville")).ToHaveValueAsync("NANTES");
        await Expect(page.GetByLabel("Adresse électronique de contact")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Option" }).ClickAsync();
        await Expect(page.GetByLabel("Adresse électronique de contact")).ToHaveValueAsync(email);
        await page.GetByLabel("Raison sociale").FillAsync("Informatique Services Ouest SARL");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Le Goff");
        await page.GetByLabel("Prénom").FillAsync("Maëlle");
        await Expect(page.GetByLabel("Déposer des demandes de paiement")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Créer et/ou consulter des DUME")).Not.ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();

        // Step 3: one switch per workspace.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Ouvrez vos espaces de travail");
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Factures émises" })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Sollicitations émises" })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Factures reçues" })).Not.ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "DUME" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Switch, new() { Name = "Raccordement EDI et API" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(
            "Votre compte est créé et un courriel d'activation a été envoyé à l'adresse électronique que vous avez renseignée.");

        // Step 4, from the e-mail received by the SMTP server.
        await ActivateAsync(page, email);

        await SignInAsync(page, email);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/accueil"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Informatique Services Ouest SARL" })).ToBeVisibleAsync();
        await Expect(page.Locator(".role")).ToHaveTextAsync("Gestionnaire principal");
        var workspaces = page.GetByRole(AriaRole.Navigation, new() { Name = "Espaces de travail" });
        await Expect(workspaces.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Factures émises", "Sollicitations émises", "Raccordement EDI et API"]);
        await workspaces.GetByRole(AriaRole.Link, new() { Name = "Factures émises" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Factures émises");
    }

    [Fact]
    public async Task A_colleague_asks_to_be_attached_and_the_gestionnaire_principal_accepts_from_the_portal()
    {
        var manager = await fixture.NewPageAsync();
        var managerEmail = NewEmail("gp");
        await IdentifyAsync(manager, managerEmail, "79245318500011");
        await manager.GetByLabel("Nom", new() { Exact = true }).FillAsync("Martin");
        await manager.GetByLabel("Prénom").FillAsync("Jeanne");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await ActivateAsync(manager, managerEmail);

        var colleague = await fixture.NewPageAsync();
        var colleagueEmail = NewEmail("collegue");
        await IdentifyAsync(colleague, colleagueEmail, "79245318500011");
        await Expect(colleague.GetByText("demande de rattachement")).ToBeVisibleAsync();
        await colleague.GetByLabel("Nom", new() { Exact = true }).FillAsync("Petit");
        await colleague.GetByLabel("Prénom").FillAsync("Noé");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Expect(colleague.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre demande de rattachement a été transmise au gestionnaire principal");
        await ActivateAsync(colleague, colleagueEmail);

        await fixture.Mailbox.WaitForAsync(managerEmail, "Demande de rattachement");
        await SignInAsync(manager, managerEmail);
        await manager.GetByRole(AriaRole.Link, new() { Name = "1 demande(s) de rattachement à traiter" }).ClickAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Accepter la demande de Noé Petit" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("La demande de rattachement est acceptée");
        await fixture.Mailbox.WaitForAsync(colleagueEmail, "est accepté");

        await SignInAsync(colleague, colleagueEmail);
        await Expect(colleague.Locator(".role")).ToHaveTextAsync("Utilisateur simple");
        await Expect(colleague.GetByRole(AriaRole.Heading, new() { Name = "BUREAU D'ETUDES MARTIN" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_user_who_forgot_the_password_recovers_access_with_the_emailed_link_and_the_secret_answer()
    {
        var page = await fixture.NewPageAsync();
        var email = NewEmail("oublieux");
        await IdentifyAsync(page, email, "21920023500014");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Leroy");
        await page.GetByLabel("Prénom").FillAsync("Inès");
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Factures reçues" })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await ActivateAsync(page, email);

        await page.GotoAsync("/connexion");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié" }).ClickAsync();
        await page.GetByLabel("Adresse électronique de connexion").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le lien" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Si un compte actif correspond à cette adresse");

        var mail = await fixture.Mailbox.WaitForAsync(email, "Réinitialisation de votre mot de passe");
        await page.GotoAsync(Smtp4devMailbox.LinkIn(mail, "/mot-de-passe/reinitialiser").ToString());
        await Expect(page.GetByText("Quel était le nom de votre premier animal de compagnie ?")).ToBeVisibleAsync();
        const string newPassword = "Nouvelle phrase de passe 2027";
        await page.GetByLabel("Réponse à la question secrète").FillAsync("medor");
        await page.GetByLabel("Nouveau mot de passe").FillAsync(newPassword);
        await page.GetByLabel("Confirmation du mot de passe").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre mot de passe est modifié");

        await SignInAsync(page, email, newPassword);
        await Expect(page.Locator(".role")).ToHaveTextAsync("Gestionnaire principal");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Espaces de travail" }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync(["Sollicitations émises", "Factures reçues", "Sollicitations reçues"]);
    }
}
