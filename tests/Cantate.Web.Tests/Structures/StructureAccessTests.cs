using System.Net;
using Cantate.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Structures;

public abstract class StructureAccessTests(TestDatabase database) : PortalTest(database)
{
    [Fact]
    public async Task A_user_never_sees_or_edits_another_structure()
    {
        await AccountJourney.OnboardAsync(Factory, Client, NewEmail("a"), "84321765400014");
        using var other = Factory.CreatePortalClient();
        await AccountJourney.OnboardAsync(Factory, other, NewEmail("b"), "79245318500011");
        var theirs = await Factory.QueryAsync(db => db.Structures.Where(s => s.Siret == "79245318500011").Select(s => s.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/espaces/factures-emises?structure={theirs}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/structure/modifier?structure={theirs}")).Status);
        var home = await Client.GetAsync($"/accueil?structure={theirs}");
        Assert.DoesNotContain("BUREAU D'ETUDES MARTIN", home.Text);

        var token = home.Document.QuerySelector("input[name=__jeton]")!.GetAttribute("value")!;
        var edit = await Client.PostAsync("/structure/modifier", [new("structure", theirs.ToString()), new("RaisonSociale", "Piraté"),
            new("AddressLine", "1 rue"), new("PostalCode", "75001"), new("City", "Paris"), new("__jeton", token)]);
        Assert.Equal(HttpStatusCode.NotFound, edit.Status);
        Assert.Equal("BUREAU D'ETUDES MARTIN", await Factory.QueryAsync(db => db.Structures.Where(s => s.Id == theirs).Select(s => s.RaisonSociale).SingleAsync()));
    }

    [Fact]
    public async Task A_workspace_the_user_did_not_open_is_not_found()
    {
        await AccountJourney.OnboardAsync(Factory, Client, NewEmail(), "84321765400014");
        var mine = await Factory.QueryAsync(db => db.Structures.Select(s => s.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/espaces/factures-emises?structure={mine}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/espaces/factures-recues?structure={mine}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/espaces/inconnu?structure={mine}")).Status);
    }

    [Fact]
    public async Task A_user_opens_a_workspace_after_account_creation_and_closes_it_again()
    {
        await AccountJourney.OnboardAsync(Factory, Client, NewEmail(), "84321765400014");
        var mine = await Factory.QueryAsync(db => db.Structures.Select(s => s.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/espaces/factures-a-valider?structure={mine}")).Status);

        var home = await Client.GetAsync($"/accueil?structure={mine}");
        var form = await Client.GetAsync(home.Document.QuerySelector("a.lien-espaces")!.GetAttribute("href")!);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)form.Document.QuerySelector("#espace-factures-emises")!).IsChecked);
        Assert.Null(form.Document.QuerySelector("#espace-dume"));
        var saved = await Client.SubmitAsync(form, PortalClient.Fields(("Chosen", "FacturesEmises"), ("Chosen", "FacturesAValider"), ("Chosen", "Dume")));
        Assert.Contains("Vos espaces de travail sont enregistrés", saved.Text);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/espaces/factures-a-valider?structure={mine}")).Status);
        // DUME is not offered to whoever did not choose it at account creation.
        Assert.Equal("FacturesEmises,FacturesAValider", await Factory.QueryAsync(db => db.Memberships.Select(m => m.WorkspaceList).SingleAsync()));

        await Client.SubmitAsync(saved, PortalClient.Fields(("Chosen", "FacturesAValider")));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/espaces/factures-emises?structure={mine}")).Status);
    }

    [Fact]
    public async Task A_user_cannot_open_workspaces_on_another_structure()
    {
        await AccountJourney.OnboardAsync(Factory, Client, NewEmail("a"), "84321765400014");
        using var other = Factory.CreatePortalClient();
        await AccountJourney.OnboardAsync(Factory, other, NewEmail("b"), "79245318500011");
        var theirs = await Factory.QueryAsync(db => db.Structures.Where(s => s.Siret == "79245318500011").Select(s => s.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/structure/espaces?structure={theirs}")).Status);

        var home = await Client.GetAsync("/accueil");
        var token = home.Document.QuerySelector("input[name=__jeton]")!.GetAttribute("value")!;
        var post = await Client.PostAsync("/structure/espaces", [new("structure", theirs.ToString()), new("Chosen", "FacturesAValider"), new("__jeton", token)]);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        var theirList = await Factory.QueryAsync(db => db.Memberships.Where(m => m.StructureId == theirs).Select(m => m.WorkspaceList).SingleAsync());
        Assert.DoesNotContain("FacturesAValider", theirList);
        var withoutToken = await Client.PostAsync("/structure/espaces", [new("structure", theirs.ToString()), new("Chosen", "FacturesAValider")]);
        Assert.NotEqual(HttpStatusCode.OK, withoutToken.Status);
    }

    [Fact]
    public async Task The_gestionnaire_corrects_the_structure_data_taken_from_sirene()
    {
        await AccountJourney.OnboardAsync(Factory, Client, NewEmail(), "84321765400014");
        var mine = await Factory.QueryAsync(db => db.Structures.Select(s => s.Id).SingleAsync());
        var form = await Client.GetAsync($"/structure/modifier?structure={mine}");
        var bad = await Client.SubmitAsync(form, PortalClient.Fields(("PostalCode", "ABCDE")));
        Assert.Contains("5 chiffres", bad.FieldError("PostalCode"));
        var saved = await Client.SubmitAsync(bad, PortalClient.Fields(("RaisonSociale", "Menuiserie Dupont & Fils"), ("PostalCode", "69008")));
        Assert.Contains("Les informations de la structure sont enregistrées", saved.Text);
        var home = await Client.GetAsync("/accueil");
        Assert.Contains("Menuiserie Dupont & Fils", home.Text);
        Assert.Contains("69008", home.Text);
    }
}

public sealed class StructureAccessOnSqliteTests() : StructureAccessTests(TestDatabase.Sqlite);

public sealed class StructureAccessOnPostgresTests() : StructureAccessTests(TestDatabase.Postgres);
