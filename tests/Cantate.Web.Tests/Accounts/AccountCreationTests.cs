using System.Net;
using Cantate.Testing;
using Cantate.Web.Modules.Accounts;
using Cantate.Web.Modules.Structures;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Accounts;

public abstract class AccountCreationTests(TestDatabase database) : PortalTest(database)
{
    private const string Dupont = "84321765400014";

    [Fact]
    public async Task A_supplier_creates_an_account_in_four_steps_and_reaches_its_home_as_gestionnaire_principal()
    {
        var email = NewEmail("camille");
        var step1 = await Client.GetAsync("/compte/creer");
        Assert.Contains("Identifiez-vous", step1.Heading);

        var step2 = await Client.SubmitAsync(step1, PortalClient.Fields(("LoginEmail", email), ("Siret", "843 217 654 00014")));
        Assert.Contains("Complétez les informations demandées", step2.Heading);
        Assert.Equal("ATELIER DUPONT MENUISERIE", step2.Document.GetElementById("RaisonSociale")?.GetAttribute("value"));
        Assert.Equal("69003", step2.Document.GetElementById("PostalCode")?.GetAttribute("value"));
        Assert.Equal("LYON", step2.Document.GetElementById("City")?.GetAttribute("value"));
        Assert.Equal(email, step2.Document.GetElementById("ContactEmail")?.GetAttribute("value"));
        Assert.NotNull(step2.Document.QuerySelector("#DepositsPaymentRequests[checked]"));
        Assert.Null(step2.Document.QuerySelector("#UsesDume[checked]"));

        var step3 = await Client.SubmitAsync(step2, PortalClient.Fields(
            ("LastName", "Martin"), ("FirstName", "Camille"), ("RaisonSociale", "Atelier Dupont"), ("ContactEmail", "compta@exemple.fr")));
        Assert.Contains("Ouvrez vos espaces de travail", step3.Heading);
        var switches = step3.Document.QuerySelectorAll("input[role=switch]").ToDictionary(
            s => step3.Document.QuerySelector($"label[for={s.Id}]")!.TextContent, s => s.HasAttribute("checked"));
        Assert.Equal(
            new Dictionary<string, bool>
            {
                ["Factures émises"] = true, ["Sollicitations émises"] = true, ["Factures reçues"] = false, ["Factures à valider"] = false, ["Factures de travaux"] = false,
                ["Engagements juridiques"] = false, ["Sollicitations reçues"] = false, ["Raccordement EDI et API"] = false,
            },
            switches);

        var done = await Client.SubmitAsync(step3);
        Assert.Contains("Votre compte est créé et un courriel d'activation a été envoyé à l'adresse électronique que vous avez renseignée.", done.Text);

        var activated = await AccountJourney.ActivateAsync(Factory, Client, email);
        Assert.Contains("Votre compte est désormais actif et vous pouvez dès à présent transmettre vos factures à votre client public.", activated.Text);

        var home = await AccountJourney.SignInAsync(Client, email);
        Assert.Equal("/accueil", home.Url.AbsolutePath);
        Assert.True(home.Text.Contains("Atelier Dupont", StringComparison.Ordinal), home.Document.QuerySelector("main")?.InnerHtml);
        Assert.Equal("Gestionnaire principal", home.Document.QuerySelector(".role")?.TextContent);
        var links = home.Document.QuerySelectorAll("nav[aria-label='Espaces de travail'] a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Factures émises", "Sollicitations émises"], links);

        var user = await Factory.QueryAsync(db => db.Users.SingleAsync(u => u.LoginEmail == email));
        Assert.Equal("compta@exemple.fr", user.ContactEmail);
        Assert.StartsWith("$argon2id$", user.PasswordHash, StringComparison.Ordinal);
        Assert.DoesNotContain(AccountJourney.SecretAnswer, user.SecretAnswerHash!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_workspaces_chosen_at_step_three_are_the_ones_opened()
    {
        var email = NewEmail();
        await AccountJourney.CreateAsync(Client, email, Dupont,
            information: PortalClient.Fields(("UsesDume", "true")),
            workspaces: PortalClient.Fields(("Chosen", "FacturesEmises"), ("Chosen", "Dume"), ("Chosen", "RaccordementEdiApi")));
        await AccountJourney.ActivateAsync(Factory, Client, email);
        var home = await AccountJourney.SignInAsync(Client, email);
        var links = home.Document.QuerySelectorAll("nav[aria-label='Espaces de travail'] a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Factures émises", "Raccordement EDI et API", "DUME"], links);
    }

    [Fact]
    public async Task The_dume_workspace_is_offered_only_when_the_dume_feature_is_chosen()
    {
        var without = await StepThreeAsync(Dupont, PortalClient.Fields());
        Assert.Null(without.Document.QuerySelector("#espace-dume"));
        Client.Dispose();
        using var other = Factory.CreatePortalClient();
        var step1 = await other.GetAsync("/compte/creer");
        var step2 = await other.SubmitAsync(step1, PortalClient.Fields(("LoginEmail", NewEmail()), ("Siret", Dupont)));
        var with = await other.SubmitAsync(step2, PortalClient.Fields(("LastName", "A"), ("FirstName", "B"), ("UsesDume", "true")));
        Assert.NotNull(with.Document.QuerySelector("#espace-dume"));
        Assert.Null(with.Document.QuerySelector("#espace-dume[checked]"));
    }

    [Fact]
    public async Task A_public_structure_opens_received_invoices_and_requests_by_default()
    {
        var step3 = await StepThreeAsync("13002526500013", PortalClient.Fields());
        var on = step3.Document.QuerySelectorAll("input[role=switch][checked]")
            .Select(s => step3.Document.QuerySelector($"label[for={s.Id}]")!.TextContent).ToList();
        Assert.Equal(["Sollicitations émises", "Factures reçues", "Sollicitations reçues"], on);
    }

    [Fact]
    public async Task A_la_poste_siret_whose_digits_sum_to_a_multiple_of_five_is_accepted()
    {
        var step1 = await Client.GetAsync("/compte/creer");
        var step2 = await Client.SubmitAsync(step1, PortalClient.Fields(("LoginEmail", NewEmail()), ("Siret", "35600000049837")));
        Assert.Equal("/compte/creer/informations", step2.Url.AbsolutePath);
        Assert.Equal("LA POSTE", step2.Document.GetElementById("RaisonSociale")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("", "Saisissez le SIRET")]
    [InlineData("1234", "exactement 14 chiffres")]
    [InlineData("8432176540001A", "exactement 14 chiffres")]
    [InlineData("84321765400015", "clé de contrôle")]
    [InlineData("90012345600023", "introuvable dans la base SIRENE")]
    [InlineData("84321765400022", "fermé dans la base SIRENE")]
    [InlineData("44306184100013", "fermé dans la base SIRENE")]
    public async Task An_unusable_siret_is_explained_next_to_the_field_and_the_user_stays_on_step_one(string siret, string expected)
    {
        var step1 = await Client.GetAsync("/compte/creer");
        var again = await Client.SubmitAsync(step1, PortalClient.Fields(("LoginEmail", NewEmail()), ("Siret", siret)));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("/compte/creer", again.Url.AbsolutePath);
        var error = again.FieldError("Siret");
        Assert.NotNull(error);
        Assert.Contains(expected, error);
        Assert.Contains("SIRET", error);
        Assert.Equal("true", again.Document.GetElementById("Siret")?.GetAttribute("aria-invalid"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pas-une-adresse")]
    [InlineData("nom@domaine")]
    public async Task An_invalid_login_address_is_explained_next_to_the_field(string email)
    {
        var step1 = await Client.GetAsync("/compte/creer");
        var again = await Client.SubmitAsync(step1, PortalClient.Fields(("LoginEmail", email), ("Siret", Dupont)));
        Assert.Equal("/compte/creer", again.Url.AbsolutePath);
        Assert.Contains("adresse électronique de connexion", again.FieldError("LoginEmail"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_partially_diffusible_unit_shows_what_sirene_publishes_and_lets_the_user_type_the_rest()
    {
        var step1 = await Client.GetAsync("/compte/creer");
        var email = NewEmail();
        var step2 = await Client.SubmitAsync(step1, PortalClient.Fields(("LoginEmail", email), ("Siret", "51234987900019")));
        Assert.Contains("L'INSEE ne diffuse pas toutes les informations", step2.Text);
        Assert.True(string.IsNullOrEmpty(step2.Document.GetElementById("PostalCode")?.GetAttribute("value")));

        var missing = await Client.SubmitAsync(step2, PortalClient.Fields(("LastName", "Roux"), ("FirstName", "Léa")));
        Assert.Equal("/compte/creer/informations", missing.Url.AbsolutePath);
        Assert.NotNull(missing.FieldError("PostalCode"));
        Assert.NotNull(missing.FieldError("RaisonSociale"));

        var step3 = await Client.SubmitAsync(missing, PortalClient.Fields(("RaisonSociale", "Léa Roux, traductrice"),
            ("AddressLine", "4 rue Sainte-Catherine"), ("PostalCode", "33000"), ("City", "Bordeaux")));
        Assert.Equal("/compte/creer/espaces", step3.Url.AbsolutePath);
        await Client.SubmitAsync(step3);
        var structure = await Factory.QueryAsync(db => db.Structures.SingleAsync(s => s.Siret == "51234987900019"));
        Assert.True(structure.NonDiffusible);
        Assert.Equal(("Léa Roux, traductrice", "33000", "Bordeaux"), (structure.RaisonSociale, structure.PostalCode, structure.City));
    }

    [Fact]
    public async Task Step_two_requires_a_name_and_a_french_postal_code_of_five_digits()
    {
        var step1 = await Client.GetAsync("/compte/creer");
        var step2 = await Client.SubmitAsync(step1, PortalClient.Fields(("LoginEmail", NewEmail()), ("Siret", Dupont)));
        var again = await Client.SubmitAsync(step2, PortalClient.Fields(("LastName", " "), ("FirstName", "Camille"), ("PostalCode", "6900")));
        Assert.Equal("/compte/creer/informations", again.Url.AbsolutePath);
        Assert.Contains("votre nom", again.FieldError("LastName"));
        Assert.Contains("5 chiffres", again.FieldError("PostalCode"));
    }

    [Fact]
    public async Task Creating_an_account_with_an_address_already_used_looks_the_same_but_creates_nothing_and_warns_the_owner()
    {
        var email = NewEmail();
        await AccountJourney.CreateAsync(Client, email, Dupont);
        using var other = Factory.CreatePortalClient();
        var second = await AccountJourney.CreateAsync(other, email.ToUpperInvariant(), "79245318500011");
        Assert.Contains("Votre compte est créé et un courriel d'activation a été envoyé", second.Text);
        Assert.Equal(1, await Factory.QueryAsync(db => db.Users.CountAsync()));
        Assert.False(await Factory.QueryAsync(db => db.Structures.AnyAsync(s => s.Siret == "79245318500011")));
        await Factory.Smtp.WaitForAsync(email.ToUpperInvariant(), "Tentative de création de compte");
    }

    [Fact]
    public async Task Without_javascript_or_a_session_later_steps_send_the_user_back_to_step_one()
    {
        var page = await Client.GetAsync("/compte/creer/espaces");
        Assert.Equal("/compte/creer", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task The_first_user_of_a_listed_structure_without_gestionnaire_becomes_its_gestionnaire_principal()
    {
        await Factory.QueryAsync(async db =>
        {
            db.Structures.Add(new Structure { Siret = "21920023500014", RaisonSociale = "COMMUNE DE CLAMART", IsPublic = true, City = "CLAMART" });
            return await db.SaveChangesAsync();
        });
        var email = NewEmail("agent");
        var done = await AccountJourney.CreateAsync(Client, email, "21920023500014",
            information: PortalClient.Fields(("AddressLine", "1 place Maurice Gunsbourg"), ("PostalCode", "92140")));
        Assert.Contains("Votre compte est créé", done.Text);
        await AccountJourney.ActivateAsync(Factory, Client, email);
        var home = await AccountJourney.SignInAsync(Client, email);
        Assert.Equal("Gestionnaire principal", home.Document.QuerySelector(".role")?.TextContent);
        Assert.Equal(1, await Factory.QueryAsync(db => db.Structures.CountAsync()));
    }

    private async Task<Page> StepThreeAsync(string siret, List<KeyValuePair<string, string?>> extra)
    {
        var step1 = await Client.GetAsync("/compte/creer");
        var step2 = await Client.SubmitAsync(step1, PortalClient.Fields(("LoginEmail", NewEmail()), ("Siret", siret)));
        var fields = PortalClient.Fields(("LastName", "Durand"), ("FirstName", "Alex"));
        fields.AddRange(extra);
        return await Client.SubmitAsync(step2, fields);
    }
}

public sealed class AccountCreationOnSqliteTests() : AccountCreationTests(TestDatabase.Sqlite);

public sealed class AccountCreationOnPostgresTests() : AccountCreationTests(TestDatabase.Postgres);
