using Cantate.Testing;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Api.Operations.Structures;
using Cantate.Web.Tests.Annuaire;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Api;

/// <summary>utilisateurs/v1/monCompte/recuperer/rattachements as go calls it (chorus-pro-clients.md B3).</summary>
public abstract class UtilisateursApiTests(TestDatabase database) : PortalTest(database)
{
    private const string Path = "/cpro/utilisateurs/v1/monCompte/recuperer/rattachements";

    [Fact]
    public async Task A_technical_account_is_attached_to_its_structure_and_every_service_of_it()
    {
        await AnnuaireFiles.ImportAsync(Factory, AnnuaireFiles.File(
            AnnuaireFiles.Dinum + ",DINUM-ACHATS,Achats,false,true", AnnuaireFiles.Dinum + ",DINUM-ANCIEN,Service fermé,false,false"));
        using var client = await CproClient.ConnectAsync(Factory, "13002526500013");
        var account = await Factory.QueryAsync(db => db.TechnicalAccounts.SingleAsync(a => a.Login == client.Login));
        var structure = await Factory.QueryAsync(db => db.Structures.SingleAsync(s => s.Siret == "13002526500013"));
        var services = await Factory.QueryAsync(db => db.StructureServices.Where(x => x.StructureId == structure.Id).ToDictionaryAsync(x => x.Code));

        foreach (var body in new[] { """{"parametresRecherche": null}""", "{}",
            """{"parametresRecherche": {"nbResultatsParPage": 10, "pageResultatDemandee": 1, "triColonne": "", "triSense": "Ascendant "}}""" })
        {
            var response = ApiAssert.Ok(await client.PostAsync(Path, body));
            var rattachement = Assert.Single(response["listeStructureRattachement"].EnumerateArray());
            Assert.Equal(structure.CppId, ApiAssert.Int(rattachement, "idStructure"));
            Assert.Equal("13002526500013", ApiAssert.Str(rattachement, "identifiantStructure"));
            Assert.Equal("DIRECTION INTERMINISTERIELLE DU NUMERIQUE", ApiAssert.Str(rattachement, "designationStructure"));
            Assert.Equal(account.CppId, ApiAssert.Int(rattachement, "idRattachementStructure"));
            Assert.Equal(MyRattachements.TechnicalAccountRole, ApiAssert.Str(rattachement, "roleUtilisateur"));
            Assert.Equal("VALIDEE", ApiAssert.Str(rattachement, "statutRattachementStructure"));
            Assert.Equal("ACTIF", ApiAssert.Str(rattachement, "statutUtilisateur"));
            Assert.Equal("SIRET", ApiAssert.Str(rattachement, "typeIdentifiantStructure"));
            var attached = rattachement.GetProperty("listeServicesRattache").EnumerateArray().ToList();
            Assert.Equal(services.Keys.Order(StringComparer.Ordinal), attached.Select(a => ApiAssert.Str(a, "codeService")).Order(StringComparer.Ordinal));
            foreach (var item in attached)
            {
                var service = services[ApiAssert.Str(item, "codeService")];
                Assert.Equal(service.CppId, ApiAssert.Int(item, "idService"));
                Assert.Equal(service.CppId, ApiAssert.Int(item, "idRattachementService"));
                Assert.Equal(service.Label, ApiAssert.Str(item, "libelleService"));
                Assert.Equal(service.IsActive, ApiAssert.Bool(item, "estActif"));
                Assert.Equal(service.IsActive ? "ACTIF" : "INACTIF", ApiAssert.Str(item, "statutService"));
                Assert.Equal("VALIDEE", ApiAssert.Str(item, "statutRattachementService"));
                Assert.Matches(ApiAssert.MinuteDateTime(), ApiAssert.Str(item, "dateDbtService"));
                Assert.False(item.TryGetProperty("dateFinService", out _));
            }
            ApiAssert.Paging(response["parametresRetour"], page: 1, pages: 1, size: 10, total: 1);
        }
    }

    [Fact]
    public async Task A_private_structure_has_no_services_and_pages_past_the_first_are_empty()
    {
        using var client = await CproClient.ConnectAsync(Factory, StructuresApiTests.Supplier);
        var response = ApiAssert.Ok(await client.PostAsync(Path, """{"parametresRecherche": null}"""));
        var rattachement = Assert.Single(response["listeStructureRattachement"].EnumerateArray());
        Assert.Equal(StructuresApiTests.Supplier, ApiAssert.Str(rattachement, "identifiantStructure"));
        Assert.Empty(rattachement.GetProperty("listeServicesRattache").EnumerateArray());

        var second = ApiAssert.Ok(await client.PostAsync(Path, """{"parametresRecherche": {"pageResultatDemandee": 2, "nbResultatsParPage": 0}}"""));
        Assert.Empty(second["listeStructureRattachement"].EnumerateArray());
        ApiAssert.Paging(second["parametresRetour"], page: 2, pages: 1, size: 10, total: 1);

        ApiAssert.Error(await client.PostAsync(Path, """{"parametresRecherche": "page 1"}"""), CproCodes.InvalidField, "parametresRecherche");
        ApiAssert.Error(await client.PostAsync(Path, """{"parametresRecherche": {"pageResultatDemandee": "abc"}}"""),
            CproCodes.InvalidField, "parametresRecherche.pageResultatDemandee");
        ApiAssert.Error(await client.PostAsync(Path, """{"parametresRecherche": """), CproCodes.MalformedJson);
    }
}

public sealed class UtilisateursApiOnSqliteTests() : UtilisateursApiTests(TestDatabase.Sqlite);

public sealed class UtilisateursApiOnPostgresTests() : UtilisateursApiTests(TestDatabase.Postgres);
