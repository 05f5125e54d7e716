using System.Net;
using Cantate.Testing;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Structures;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Annuaire;

public abstract class ManageServicesTests(TestDatabase database) : PortalTest(database)
{
    private const string Dinum = "13002526500013";

    private Task<Guid> StructureIdAsync(string siret) => Factory.QueryAsync(db => db.Structures.Where(s => s.Siret == siret).Select(s => s.Id).SingleAsync());

    private async Task<Page> ServicesPageAsync(PortalClient client, string siret = Dinum)
    {
        await AccountJourney.OnboardAsync(Factory, client, NewEmail("gestionnaire"), siret);
        var home = await client.GetAsync("/accueil");
        var link = home.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Services et règles de facturation");
        return await client.GetAsync(link.GetAttribute("href")!);
    }

    private static List<string> ActiveServices(Page fiche) =>
        fiche.Document.QuerySelectorAll("table tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent))).ToList();

    [Fact]
    public async Task The_gestionnaire_adds_renames_and_deactivates_services_and_suppliers_see_it_in_the_annuaire()
    {
        var page = await ServicesPageAsync(Client);
        Assert.Equal("Services et règles de facturation", page.Heading);
        var added = await Client.SubmitAsync(page, PortalClient.Fields(("Code", "DINUM-ACHATS"), ("Libelle", "Achats")), "#ajouter");
        Assert.Contains("Le service DINUM-ACHATS est ajouté", added.Text);
        Assert.Contains("DINUM-ACHATS|Achats|Non obligatoire", ActiveServices(await Client.GetAsync($"/annuaire/{Dinum}")));

        var renamed = await Client.SubmitAsync(added, PortalClient.Fields(("Libelle", "Achats publics"), ("EngagementJuridique", "true")), "#modifier-DINUM-ACHATS");
        Assert.Contains("Le service est enregistré", renamed.Text);
        Assert.Contains("DINUM-ACHATS|Achats publics|Obligatoire", ActiveServices(await Client.GetAsync($"/annuaire/{Dinum}")));

        var emptied = await Client.SubmitAsync(renamed, PortalClient.Fields(("Libelle", " ")), "#modifier-DINUM-ACHATS");
        Assert.Equal("Saisissez le libellé du service.", emptied.FieldError("libelle-DINUM-ACHATS"));

        var deactivated = await Client.SubmitAsync(renamed, formSelector: "#etat-DINUM-ACHATS");
        Assert.Contains("il ne reçoit plus de factures", deactivated.Text);
        Assert.DoesNotContain(ActiveServices(await Client.GetAsync($"/annuaire/{Dinum}")), r => r.StartsWith("DINUM-ACHATS", StringComparison.Ordinal));
        var reactivated = await Client.SubmitAsync(deactivated, formSelector: "#etat-DINUM-ACHATS");
        Assert.Contains("Le service est réactivé", reactivated.Text);
        Assert.Contains("DINUM-ACHATS|Achats publics|Obligatoire", ActiveServices(await Client.GetAsync($"/annuaire/{Dinum}")));
    }

    [Theory]
    [InlineData("", "Achats", "Code", "Saisissez le code du service.")]
    [InlineData("Achats publics", "Achats", "Code", "Le code du service ne peut contenir que des lettres sans accent")]
    [InlineData("ACHATS-É", "Achats", "Code", "Le code du service ne peut contenir que des lettres sans accent")]
    [InlineData("factures_publiques", "Doublon", "Code", "Le code factures_publiques existe déjà dans cette structure")]
    [InlineData("ACHATS", "", "Libelle", "Saisissez le libellé du service.")]
    public async Task A_service_that_cannot_be_added_is_explained_next_to_its_field(string code, string label, string field, string message)
    {
        var page = await ServicesPageAsync(Client);
        var refused = await Client.SubmitAsync(page, PortalClient.Fields(("Code", code), ("Libelle", label)), "#ajouter");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.StartsWith(message, refused.FieldError(field), StringComparison.Ordinal);
        Assert.Equal(1, await Factory.QueryAsync(db => db.StructureServices.CountAsync()));
        var tooLong = await Client.SubmitAsync(page, PortalClient.Fields(("Code", new string('A', 101)), ("Libelle", "Long")), "#ajouter");
        Assert.NotNull(tooLong.FieldError("Code"));
    }

    [Fact]
    public async Task The_default_service_cannot_be_deactivated()
    {
        var page = await ServicesPageAsync(Client);
        Assert.Null(page.Document.QuerySelector($"#etat-{StructureService.DefaultCode}"));
        var id = await Factory.QueryAsync(db => db.StructureServices.Where(x => x.Code == StructureService.DefaultCode).Select(x => x.Id).SingleAsync());
        var structure = await StructureIdAsync(Dinum);
        var token = page.Document.QuerySelector("input[name=__jeton]")!.GetAttribute("value")!;
        var forged = await Client.PostAsync($"/structure/services?structure={structure}&handler=Desactiver", [new("ServiceId", id.ToString()), new("__jeton", token)]);
        Assert.Contains("ne peut pas être désactivé", forged.Text);
        Assert.True(await Factory.QueryAsync(db => db.StructureServices.Where(x => x.Id == id).Select(x => x.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task The_routing_rules_are_set_with_four_boxes_and_shown_in_the_annuaire()
    {
        var page = await ServicesPageAsync(Client);
        var saved = await Client.SubmitAsync(page, PortalClient.Fields(("CodeServiceObligatoire", "true"), ("EngagementObligatoire", "true")), "#regles");
        Assert.Contains("Les règles de facturation sont enregistrées", saved.Text);
        Assert.NotNull(saved.Document.QuerySelector("#CodeServiceObligatoire[checked]"));
        var fiche = await Client.GetAsync($"/annuaire/{Dinum}");
        Assert.Contains("Le code service est obligatoire", fiche.Text);
        Assert.Contains("Le numéro d'engagement juridique est obligatoire", fiche.Text);

        await Client.SubmitAsync(saved, PortalClient.Fields(("CodeServiceObligatoire", null), ("EngagementObligatoire", null), ("ServiceOuEngagement", "true"), ("MiseEnPaiementNonRemontee", "true")), "#regles");
        var structure = await Factory.QueryAsync(db => db.Structures.SingleAsync(s => s.Siret == Dinum));
        Assert.Equal((false, false, true, true), (structure.ServiceCodeRequired, structure.EngagementRequired, structure.ServiceOrEngagementRequired, structure.PaymentStatusNotReported));
    }

    [Fact]
    public async Task Another_structure_s_gestionnaire_gets_not_found_and_changes_nothing()
    {
        await ServicesPageAsync(Client);
        using var other = Factory.CreatePortalClient();
        var theirPage = await ServicesPageAsync(other, "21920023500014");
        var dinum = await StructureIdAsync(Dinum);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/structure/services?structure={dinum}")).Status);
        var token = theirPage.Document.QuerySelector("input[name=__jeton]")!.GetAttribute("value")!;
        var forged = await other.PostAsync($"/structure/services?structure={dinum}&handler=Ajouter", [new("Code", "PIRATE"), new("Libelle", "Piraté"), new("__jeton", token)]);
        Assert.Equal(HttpStatusCode.NotFound, forged.Status);
        var rules = await other.PostAsync($"/structure/services?structure={dinum}&handler=Regles", [new("CodeServiceObligatoire", "true"), new("__jeton", token)]);
        Assert.Equal(HttpStatusCode.NotFound, rules.Status);
        var theirService = await Factory.QueryAsync(db => db.StructureServices.Where(x => x.StructureId != dinum).Select(x => x.Id).FirstAsync());
        var crossed = await Client.PostAsync($"/structure/services?structure={dinum}&handler=Modifier",
            [new("ServiceId", theirService.ToString()), new("Libelle", "Piraté"), new("__jeton", (await Client.GetAsync($"/structure/services?structure={dinum}")).Document.QuerySelector("input[name=__jeton]")!.GetAttribute("value")!)]);
        Assert.Equal(HttpStatusCode.NotFound, crossed.Status);
        Assert.False(await Factory.QueryAsync(db => db.StructureServices.AnyAsync(x => x.Code == "PIRATE" || x.Label == "Piraté")));
        Assert.False(await Factory.QueryAsync(db => db.Structures.Where(s => s.Id == dinum).Select(s => s.ServiceCodeRequired).SingleAsync()));
    }

    [Fact]
    public async Task A_simple_user_or_a_supplier_cannot_manage_services()
    {
        var email = NewEmail("agent");
        await AccountJourney.OnboardAsync(Factory, Client, email, Dinum);
        await Factory.QueryAsync(async db =>
        {
            var membership = await db.Memberships.SingleAsync();
            membership.Role = StructureRole.UtilisateurSimple;
            return await db.SaveChangesAsync();
        });
        var dinum = await StructureIdAsync(Dinum);
        Assert.DoesNotContain("Services et règles de facturation", (await Client.GetAsync("/accueil")).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/structure/services?structure={dinum}")).Status);

        using var supplier = Factory.CreatePortalClient();
        await AccountJourney.OnboardAsync(Factory, supplier, NewEmail("fournisseur"), "84321765400014");
        Assert.DoesNotContain("Services et règles de facturation", (await supplier.GetAsync("/accueil")).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await supplier.GetAsync($"/structure/services?structure={await StructureIdAsync("84321765400014")}")).Status);

        using var anonymous = Factory.CreatePortalClient();
        Assert.Equal("/connexion", (await anonymous.GetAsync($"/structure/services?structure={dinum}")).Url.AbsolutePath);
    }
}

public sealed class ManageServicesOnSqliteTests() : ManageServicesTests(TestDatabase.Sqlite);

public sealed class ManageServicesOnPostgresTests() : ManageServicesTests(TestDatabase.Postgres);
