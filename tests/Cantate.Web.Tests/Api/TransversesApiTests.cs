using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Cantate.Testing;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Api.Operations.Structures;
using Cantate.Web.Tests.Annuaire;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Api;

/// <summary>transverses/v1: health-check, active structures, SIRENE, the annuaire (chorus-pro-clients.md B1, B2, B8, §D20).</summary>
public abstract class TransversesApiTests(TestDatabase database) : PortalTest(database)
{
    private const string Dinum = "13002526500013";

    private async Task ImportDirectoryAsync() => await AnnuaireFiles.ImportAsync(Factory, AnnuaireFiles.File(
        AnnuaireFiles.Dinum + ",DINUM-ACHATS,Achats,false,true",
        AnnuaireFiles.Clamart + ",,,,",
        "20000001600010,Région Bretagne,283 avenue du Général Patton,35000,Rennes,false,false,true,false,true,,,,",
        "13002437500011,SECRETARIAT D'ETAT CHARGE DE L'EDUCATION PRIORITAIRE,110 RUE DE GRENELLE,75007,PARIS 7,false,false,false,false,false,,,,"));

    private Task<int> CppIdAsync(string siret) => Factory.QueryAsync(db => db.Structures.Where(s => s.Siret == siret).Select(s => s.CppId).SingleAsync());

    [Fact]
    public async Task The_health_check_answers_a_json_object_to_go_and_php_gets()
    {
        using var client = await CproClient.ConnectAsync(Factory, StructuresApiTests.Supplier);
        foreach (var body in new[] { "null", "[]", null, "{}" })
        {
            var response = ApiAssert.Ok(await client.GetAsync("/cpro/transverses/v1/health-check", body));
            Assert.Equal(JsonValueKind.Object, response.Body.ValueKind);
            Assert.Equal("OK", ApiAssert.Str(response.Body, "body"));
            Assert.Equal("OK", ApiAssert.Str(response.Body, "statusCode"));
            Assert.Equal(200, ApiAssert.Int(response.Body, "statusCodeValue"));
        }
        var anonymous = await client.SendAsync(HttpMethod.Get, "/cpro/transverses/v1/health-check", "null", "application/json;charset=utf-8", null, client.Account);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
    }

    [Fact]
    public async Task Active_structures_are_the_callers_own_as_supplier_and_as_recipient_when_public()
    {
        await ImportDirectoryAsync();
        using var supplier = await CproClient.ConnectAsync(Factory, StructuresApiTests.Supplier);
        using var recipient = await CproClient.ConnectAsync(Factory, Dinum);
        foreach (var (client, siret) in new[] { (supplier, StructuresApiTests.Supplier), (recipient, Dinum) })
        {
            // go serialises an empty struct, php posts the raw body "{}".
            var response = ApiAssert.Ok(await client.PostAsync("/cpro/transverses/v1/recuperer/structures/actives/fournisseur", "{}"));
            var item = Assert.Single(response["listeStructures"].EnumerateArray());
            Assert.Equal(await CppIdAsync(siret), ApiAssert.Int(item, "idStructureCPP"));
            Assert.Equal(siret, ApiAssert.Str(item, "identifiant"));
            ApiAssert.Str(item, "designationStructure");
            ApiAssert.Paging(response.Body, page: 1, pages: 1, size: 1, total: 1);
        }
        // pastell (recipient side) posts {} to .../destinataire to learn its own idStructureCPP.
        var own = ApiAssert.Ok(await recipient.PostAsync("/cpro/transverses/v1/recuperer/structures/actives/destinataire", "{}"));
        Assert.Equal(await CppIdAsync(Dinum), ApiAssert.Int(Assert.Single(own["listeStructures"].EnumerateArray()), "idStructureCPP"));
        var none = ApiAssert.Ok(await supplier.PostAsync("/cpro/transverses/v1/recuperer/structures/actives/destinataire", "{}"));
        Assert.Empty(none["listeStructures"].EnumerateArray());
        ApiAssert.Paging(none.Body, page: 1, pages: 0, size: 1, total: 0);
    }

    [Fact]
    public async Task Siret_information_comes_from_sirene_as_strings_and_booleans()
    {
        using var client = await CproClient.ConnectAsync(Factory, StructuresApiTests.Supplier);
        var response = ApiAssert.Ok(await client.PostAsync("/cpro/transverses/v1/consulter/information/siret", """{"siretStructure": "13002526500013"}"""));
        Assert.Equal(Dinum, ApiAssert.Str(response.Body, "siret"));
        Assert.Equal("130025265", ApiAssert.Str(response.Body, "siren"));
        Assert.Equal("00013", ApiAssert.Str(response.Body, "numeroInterneClassement"));
        Assert.Equal("DIRECTION INTERMINISTERIELLE DU NUMERIQUE", ApiAssert.Str(response.Body, "raisonSociale"));
        Assert.Equal("20 AVENUE DE SEGUR 75007 PARIS 7", ApiAssert.Str(response.Body, "adresse"));
        Assert.Equal("7120", ApiAssert.Str(response.Body, "categorieJuridique"));
        Assert.Equal("true", ApiAssert.Str(response.Body, "siege"));
        Assert.Equal("75007 PARIS 7", ApiAssert.Str(response.Body, "localisationSiege"));
        Assert.True(ApiAssert.Bool(response.Body, "estActif"));
        Assert.False(ApiAssert.Bool(response.Body, "nonDiffusibleInsee"));
        foreach (var field in response.Body.EnumerateObject().Where(f => f.Name is not ("estActif" or "nonDiffusibleInsee" or "codeRetour")))
            Assert.Equal(JsonValueKind.String, field.Value.ValueKind);

        var closed = ApiAssert.Ok(await client.PostAsync("/cpro/transverses/v1/consulter/information/siret", """{"siretStructure": "84321765400022"}"""));
        Assert.False(ApiAssert.Bool(closed.Body, "estActif"));
        Assert.Equal("false", ApiAssert.Str(closed.Body, "siege"));
        var hidden = ApiAssert.Ok(await client.PostAsync("/cpro/transverses/v1/consulter/information/siret", """{"siretStructure": "512 349 879 00019"}"""));
        Assert.True(ApiAssert.Bool(hidden.Body, "nonDiffusibleInsee"));
        Assert.False(hidden.Body.TryGetProperty("raisonSociale", out _));
        Assert.False(hidden.Body.TryGetProperty("adresse", out _));
        Assert.False(hidden.Body.TryGetProperty("localisationSiege", out _));
        ApiAssert.Ok(await client.PostAsync("/cpro/transverses/v1/consulter/information/siret", """{"siretStructure": "35600000049837"}"""));

        ApiAssert.Error(await client.PostAsync("/cpro/transverses/v1/consulter/information/siret", """{"siretStructure": "13002526500014"}"""),
            CproCodes.InvalidField, "Luhn");
        ApiAssert.Error(await client.PostAsync("/cpro/transverses/v1/consulter/information/siret", """{"siretStructure": "1300252650"}"""),
            CproCodes.InvalidField, "14 chiffres");
        ApiAssert.Error(await client.PostAsync("/cpro/transverses/v1/consulter/information/siret", """{"siretStructure": ""}"""),
            CproCodes.InvalidField, "siretStructure");
        ApiAssert.Error(await client.PostAsync("/cpro/transverses/v1/consulter/information/siret", """{"siretStructure": "41234567800012"}"""),
            CproCodes.NotFound, "41234567800012");
        ApiAssert.Error(await client.PostAsync("/cpro/transverses/v1/consulter/information/siret", """{"siretStructure": {"siret": 1}}"""),
            CproCodes.InvalidField, "siretStructure");
    }

    [Fact]
    public async Task Recipients_are_found_by_siret_name_city_or_postal_code()
    {
        await ImportDirectoryAsync();
        using var client = await CproClient.ConnectAsync(Factory, StructuresApiTests.Supplier);
        async Task<List<string>> FindAsync(string body) =>
            ApiAssert.Ok(await client.PostAsync("/cpro/transverses/v1/rechercher/destinataire", body))["listeDestinataires"].EnumerateArray()
                .Select(d => ApiAssert.Str(d, "siret")).ToList();

        var response = ApiAssert.Ok(await client.PostAsync("/cpro/transverses/v1/rechercher/destinataire", """{"identifiant": "21920023500014"}"""));
        var clamart = Assert.Single(response["listeDestinataires"].EnumerateArray());
        Assert.Equal(await CppIdAsync("21920023500014"), ApiAssert.Int(clamart, "idStructureCPP"));
        Assert.Equal("21920023500014", ApiAssert.Str(clamart, "identifiant"));
        Assert.Equal("COMMUNE DE CLAMART", ApiAssert.Str(clamart, "nomDestinataire"));
        Assert.Equal("92140", ApiAssert.Str(clamart, "adresseCodePostal"));
        Assert.Equal("CLAMART", ApiAssert.Str(clamart, "adresseVille"));
        ApiAssert.Paging(response["parametresRetour"], page: 1, pages: 1, size: 10, total: 1);

        Assert.Equal(["20000001600010"], await FindAsync("""{"nomVilleCodePostal": "région"}"""));
        Assert.Equal(["20000001600010"], await FindAsync("""{"nomVilleCodePostal": "RENNES", "typeStructure": "PUBLIQUE"}"""));
        Assert.Equal([Dinum], await FindAsync("""{"nomVilleCodePostal": "75007"}"""));
        Assert.Empty(await FindAsync("""{"identifiant": "13002437500011"}"""));
        Assert.Empty(await FindAsync("""{"identifiant": "84321765400014"}"""));
        Assert.Empty(await FindAsync("""{"typeStructure": "PRIVEE"}"""));
        Assert.Equal(3, (await FindAsync("""{"identifiant": "", "nomVilleCodePostal": "", "typeStructure": ""}""")).Count);
        var paged = ApiAssert.Ok(await client.PostAsync("/cpro/transverses/v1/rechercher/destinataire",
            """{"parametresRecherche": {"nbResultatsParPage": 2, "pageResultatDemandee": 2, "triColonne": "", "triSense": "Ascendant "}}"""));
        Assert.Single(paged["listeDestinataires"].EnumerateArray());
        ApiAssert.Paging(paged["parametresRetour"], page: 2, pages: 2, size: 2, total: 3);
        ApiAssert.Error(await client.PostAsync("/cpro/transverses/v1/rechercher/destinataire", """{"typeStructure": "MAIRIE"}"""),
            CproCodes.InvalidField, "typeStructure");
    }

    [Fact]
    public async Task The_annuaire_downloads_as_a_base64_zip_of_the_portals_export()
    {
        await ImportDirectoryAsync();
        using var client = await CproClient.ConnectAsync(Factory, StructuresApiTests.Supplier);
        var response = ApiAssert.Ok(await client.PostAsync("/cpro/transverses/v1/telecharger/annuaire/destinataire", "{}"));
        var file = ApiAssert.Str(response.Body, "fichierResultat");
        Assert.StartsWith("UEsDB", file, StringComparison.Ordinal);
        using var zip = new ZipArchive(new MemoryStream(Convert.FromBase64String(file)), ZipArchiveMode.Read);
        var entry = Assert.Single(zip.Entries);
        Assert.Equal(DownloadAnnuaire.EntryName, entry.FullName);
        using var reader = new StreamReader(entry.Open());
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AnnuaireCsv.Header, lines[0]);
        Assert.Contains(lines, l => l.StartsWith(AnnuaireFiles.Dinum + ",DINUM-ACHATS,Achats,false,true", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("21920023500014,COMMUNE DE CLAMART,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith(StructuresApiTests.Supplier, StringComparison.Ordinal));
    }
}

public sealed class TransversesApiOnSqliteTests() : TransversesApiTests(TestDatabase.Sqlite);

public sealed class TransversesApiOnPostgresTests() : TransversesApiTests(TestDatabase.Postgres);
