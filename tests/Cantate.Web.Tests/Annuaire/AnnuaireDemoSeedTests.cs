using Cantate.Sirene;
using Cantate.Testing;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Annuaire.Features.SeedDemoAnnuaire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Web.Tests.Annuaire;

public abstract class AnnuaireDemoSeedTests(TestDatabase database) : PortalTest(database)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { [SeedDemoAnnuaire.SettingName] = "true" };

    [Fact]
    public async Task The_demo_annuaire_holds_sirene_structures_with_every_kind_of_rule()
    {
        var dinum = await Client.GetAsync("/annuaire/13002526500013");
        Assert.Contains("Le code service est obligatoire", dinum.Text);
        Assert.Contains("DINUM-ACHATS", dinum.Text);
        Assert.Contains("DINUM-RH", dinum.Text);
        Assert.Contains("Le numéro d'engagement juridique est obligatoire", (await Client.GetAsync("/annuaire/21920023500014")).Text);
        Assert.Contains("Le code service ou le numéro d'engagement juridique est obligatoire", (await Client.GetAsync("/annuaire/20000001600010")).Text);
        var valence = await Client.GetAsync("/annuaire/26260001800010");
        Assert.Contains(valence.Document.QuerySelectorAll("table tbody tr"), r => r.TextContent.Contains("CHV-TRAVAUX", StringComparison.Ordinal) && r.TextContent.Contains("Obligatoire", StringComparison.Ordinal));
        Assert.Contains("Ni le code service ni le numéro d'engagement juridique ne sont exigés", (await Client.GetAsync("/annuaire/24440001600014")).Text);
        Assert.Contains("Cette structure ne reçoit plus de factures", (await Client.GetAsync("/annuaire/13002437500011")).Text);

        // Names and addresses are SIRENE's, so the annuaire and account creation agree.
        var structures = await Factory.QueryAsync(db => db.Structures.ToListAsync());
        var sirene = Factory.Services.GetRequiredService<ISireneDirectory>();
        foreach (var structure in structures)
        {
            var e = (await sirene.FindEtablissementAsync(structure.Siret)).Etablissement!;
            Assert.Equal((e.RaisonSociale, e.AddressLine, e.PostalCode, e.City), (structure.RaisonSociale, structure.AddressLine, structure.PostalCode, structure.City));
            Assert.True(structure.IsPublic);
        }
    }

    [Fact]
    public async Task The_demo_annuaire_is_loaded_only_into_an_annuaire_without_public_structure()
    {
        var before = await Factory.QueryAsync(db => db.StructureServices.CountAsync());
        Assert.True(before > 0);
        await Factory.QueryAsync(async db =>
        {
            var dinum = await db.Structures.SingleAsync(s => s.Siret == "13002526500013");
            dinum.ServiceCodeRequired = false;
            return await db.SaveChangesAsync();
        });
        await Factory.Services.SeedAnnuaireDemoDataAsync();
        Assert.Equal(before, await Factory.QueryAsync(db => db.StructureServices.CountAsync()));
        Assert.False(await Factory.QueryAsync(db => db.Structures.Where(s => s.Siret == "13002526500013").Select(s => s.ServiceCodeRequired).SingleAsync()));
    }
}

public sealed class AnnuaireDemoSeedOnSqliteTests() : AnnuaireDemoSeedTests(TestDatabase.Sqlite);

public sealed class AnnuaireDemoSeedOnPostgresTests() : AnnuaireDemoSeedTests(TestDatabase.Postgres);
