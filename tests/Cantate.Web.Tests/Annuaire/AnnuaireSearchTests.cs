using System.Globalization;
using System.Net;
using Cantate.Testing;
using Cantate.Web.Modules.Structures;

namespace Cantate.Web.Tests.Annuaire;

public abstract class AnnuaireSearchTests(TestDatabase database) : PortalTest(database)
{
    private Task<Cantate.Web.Modules.Annuaire.Features.ImportAnnuaire.AnnuaireImportReport> ImportAsync(params string[] lines) => AnnuaireFiles.ImportAsync(Factory, AnnuaireFiles.File(lines));

    private Task<Cantate.Web.Modules.Annuaire.Features.ImportAnnuaire.AnnuaireImportReport> DirectoryAsync() => ImportAsync(
        AnnuaireFiles.Dinum + ",DINUM-ACHATS,Achats,false,true",
        AnnuaireFiles.Dinum + ",DINUM-RH,Ressources humaines,true,true",
        AnnuaireFiles.Dinum + ",DINUM-ANCIEN,Service fermé,false,false",
        AnnuaireFiles.Clamart + ",,,,",
        "20000001600010,Région Bretagne,283 avenue du Général Patton,35000,Rennes,false,false,true,false,true,,,,",
        "26260001800010,CENTRE HOSPITALIER DE VALENCE,179 BOULEVARD DU MARECHAL JUIN,26000,VALENCE,false,false,false,true,true,CHV-TRAVAUX,Travaux,true,true",
        "13002437500011,SECRETARIAT D'ETAT CHARGE DE L'EDUCATION PRIORITAIRE,110 RUE DE GRENELLE,75007,PARIS 7,false,false,false,false,false,,,,",
        "24440001600014,NANTES METROPOLE,2 COURS DU CHAMP DE MARS,44000,NANTES,false,false,false,false,true,,,,");

    /// <summary>What a browser does with the search form (method get): the field in the query string.</summary>
    private async Task<Page> SearchAsync(string query)
    {
        var form = (await Client.GetAsync("/annuaire")).Document.QuerySelector("form[role=search]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        return await Client.GetAsync($"{form.GetAttribute("action")}?q={Uri.EscapeDataString(query)}");
    }

    private static List<string> Sirets(Page page) =>
        page.Document.QuerySelectorAll("table tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_annuaire_is_open_without_signing_in_and_linked_from_every_page()
    {
        var home = await Client.GetAsync("/");
        Assert.Contains(home.Document.QuerySelectorAll("nav[aria-label='Navigation principale'] a"), a => a.GetAttribute("href") == "/annuaire" && a.TextContent == "Annuaire");
        var page = await Client.GetAsync("/annuaire");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/annuaire", page.Url.AbsolutePath);
        Assert.Equal("Annuaire des structures publiques", page.Heading);
        Assert.Equal("Rechercher une structure publique", page.Document.QuerySelector("label[for=q]")?.TextContent);
    }

    [Fact]
    public async Task Three_digits_or_more_find_the_structures_whose_siret_starts_with_them()
    {
        await DirectoryAsync();
        Assert.Equal(["13002437500011", "13002526500013"], Sirets(await SearchAsync("130")));
        Assert.Equal(["13002526500013"], Sirets(await SearchAsync("130 025 265")));
        Assert.Equal(["13002526500013"], Sirets(await SearchAsync("13002526500013")));
        Assert.Empty(Sirets(await SearchAsync("999")));
        var tooShort = await SearchAsync("13");
        Assert.Contains("au moins 3 chiffres", tooShort.FieldError("q"));
        Assert.Contains("14 chiffres", (await SearchAsync("130025265000130")).FieldError("q"));
    }

    [Fact]
    public async Task A_name_is_found_whatever_its_case_and_accents()
    {
        await DirectoryAsync();
        Assert.Equal(["20000001600010"], Sirets(await SearchAsync("region bretagne")));
        Assert.Equal(["20000001600010"], Sirets(await SearchAsync("RÉGION")));
        Assert.Equal(["20000001600010"], Sirets(await SearchAsync("rÉgIoN brEtagne")));
        Assert.Equal(["21920023500014"], Sirets(await SearchAsync("Clâmart")));
        Assert.Equal(["13002437500011"], Sirets(await SearchAsync("éducation prioritaire")));
        Assert.Equal(["26260001800010"], Sirets(await SearchAsync("hospitalier")));
        var none = await SearchAsync("inconnue");
        Assert.Contains("Aucune structure publique trouvée", none.Text);
        Assert.Contains("au moins 2 lettres", (await SearchAsync("é")).FieldError("q"));
    }

    [Fact]
    public async Task A_city_finds_its_structures_and_shows_whether_they_receive_invoices()
    {
        await DirectoryAsync();
        Assert.Equal(["26260001800010"], Sirets(await SearchAsync("Valence")));
        Assert.Equal(["20000001600010"], Sirets(await SearchAsync("RENNES")));
        var paris = await SearchAsync("paris 7");
        Assert.Equal(["13002526500013", "13002437500011"], Sirets(paris));
        var rows = paris.Document.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("Active", rows[0]);
        Assert.Contains("ne reçoit plus de factures", rows[1]);
    }

    [Fact]
    public async Task Private_structures_are_not_in_the_annuaire()
    {
        await Factory.QueryAsync(db =>
        {
            db.Structures.Add(new Structure { Siret = "84321765400014", RaisonSociale = "ATELIER DUPONT MENUISERIE", City = "LYON" });
            return db.SaveChangesAsync();
        });
        Assert.Empty(Sirets(await SearchAsync("atelier")));
        Assert.Empty(Sirets(await SearchAsync("843")));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/annuaire/84321765400014")).Status);
    }

    [Fact]
    public async Task Results_come_twenty_to_a_page_with_links_to_the_next_and_previous_pages()
    {
        await ImportAsync([.. Enumerable.Range(1, 45).Select(i =>
            $"{AnnuaireImportTests.ValidSiret(i)},École {i.ToString("D2", CultureInfo.InvariantCulture)},,69003,LYON,false,false,false,false,true,,,,")]);
        var first = await SearchAsync("ecole");
        Assert.Contains("45 structures publiques trouvées", first.Text);
        Assert.Equal(20, Sirets(first).Count);
        Assert.Contains("page 1 sur 3", first.Text);
        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await Client.GetAsync(next);
        Assert.Contains("École 21", second.Document.QuerySelector("table tbody tr")!.TextContent);
        Assert.NotNull(second.Document.QuerySelector("a[rel=prev]"));
        var last = await Client.GetAsync("/annuaire?q=lyon&page=3");
        Assert.Equal(5, Sirets(last).Count);
        Assert.Null(last.Document.QuerySelector("a[rel=next]"));
        Assert.Equal(5, Sirets(await Client.GetAsync("/annuaire?q=lyon&page=99")).Count);
        Assert.Equal(20, Sirets(await Client.GetAsync("/annuaire?q=lyon&page=abc")).Count);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_%_")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\\")]
    [InlineData("<script>")]
    public async Task Whatever_is_typed_the_page_answers_without_error(string query)
    {
        await DirectoryAsync();
        var page = await SearchAsync(query);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(Sirets(page));
        Assert.Contains("100 caractères au plus", (await SearchAsync(new string('a', 101))).FieldError("q"));
    }

    [Fact]
    public async Task The_fiche_says_what_an_invoice_must_carry_and_lists_the_active_services()
    {
        await DirectoryAsync();
        var dinum = await Client.GetAsync("/annuaire/13002526500013");
        Assert.Equal("DIRECTION INTERMINISTERIELLE DU NUMERIQUE", dinum.Heading);
        Assert.Contains("Le code service est obligatoire", dinum.Text);
        Assert.DoesNotContain("Le numéro d'engagement juridique est obligatoire.", dinum.Text);
        var services = dinum.Document.QuerySelectorAll("table tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent))).ToList();
        Assert.Equal(["FACTURES_PUBLIQUES|Service des factures publiques|Non obligatoire", "DINUM-ACHATS|Achats|Non obligatoire", "DINUM-RH|Ressources humaines|Obligatoire"], services);

        var clamart = await Client.GetAsync("/annuaire/21920023500014");
        Assert.Contains("Le numéro d'engagement juridique est obligatoire", clamart.Text);
        Assert.DoesNotContain("Le code service est obligatoire", clamart.Text);
        var bretagne = await Client.GetAsync("/annuaire/20000001600010");
        Assert.Contains("Le code service ou le numéro d'engagement juridique est obligatoire", bretagne.Text);
        var valence = await Client.GetAsync("/annuaire/26260001800010");
        Assert.Contains("Ni le code service ni le numéro d'engagement juridique ne sont exigés", valence.Text);
        Assert.Contains("obligatoire pour les services signalés", valence.Text);
        Assert.Contains("mise en paiement", valence.Text);
        var closed = await Client.GetAsync("/annuaire/13002437500011");
        Assert.Contains("Cette structure ne reçoit plus de factures", closed.Text);
        Assert.DoesNotContain("Cette structure ne reçoit plus de factures", dinum.Text);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/annuaire/35600000049837")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/annuaire/abc")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/annuaire/130%2002526500013")).Status);
    }
}

public sealed class AnnuaireSearchOnSqliteTests() : AnnuaireSearchTests(TestDatabase.Sqlite);

public sealed class AnnuaireSearchOnPostgresTests() : AnnuaireSearchTests(TestDatabase.Postgres);
