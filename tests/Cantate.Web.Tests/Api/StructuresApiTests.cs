using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cantate.Testing;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Tests.Annuaire;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Api;

/// <summary>structures/v1/rechercher and structures/v1/consulter, with the bodies each client sends (chorus-pro-clients.md B4, B5, §D).</summary>
public abstract class StructuresApiTests(TestDatabase database) : PortalTest(database)
{
    public const string Supplier = "84321765400014";
    public const string OtherSupplier = "79245318500011";
    public const string NonDiffusible = "51234987900019";

    private static readonly string[] SearchBodies =
    [
        // oca
        """{"structure": {"identifiantStructure": "13002526500013", "typeIdentifiantStructure": "SIRET"}}""",
        // pastell: a string for the boolean
        """{"structure": {"identifiantStructure": "13002526500013"}, "restreindreStructuresPrivees": ""}""",
        // fe, with its example's parametres
        """{"restreindreStructuresPrivees": false, "structure": {"identifiantStructure": "13002526500013", "typeIdentifiantStructure": "SIRET"}, "parametres": {"nbResultatsParPage": 10, "pageResultatDemandee": 1, "triColonne": "IdentifiantStructure", "triSens": "Ascendant"}}""",
        // go: every criterion, zero-valued
        """{"parametres": null, "restreindreStructuresPrivees": false, "structure": {"adresseCodePays": "", "adresseCodePostal": "", "adresseVille": "", "estMOA": false, "estMOAUniquement": false, "identifiantStructure": "13002526500013", "libelleStructure": "", "nomStructure": "", "prenomStructure": "", "raisonSocialeStructure": "", "statutStructure": "", "typeIdentifiantStructure": "SIRET", "typeStructure": ""}}""",
        // php: parametres with zeros and keys the API does not know
        """{"structure": {"identifiantStructure": "13002526500013"}, "parametres": {"pageResultatDemandee": 0, "nbResultatsParPage": 0, "triSens": "Descendant", "triColonne": "IdentifiantStructure", "champsDeTri": [], "ordreTriGenerique": "Descendant", "taillePageGenerique": 0, "indexPageGenerique": 0}, "restreindreStructuresPrivees": false}""",
    ];

    private async Task ImportDirectoryAsync() => await AnnuaireFiles.ImportAsync(Factory, AnnuaireFiles.File(
        AnnuaireFiles.Dinum + ",,,,",
        AnnuaireFiles.Clamart + ",,,,",
        "20000001600010,Région Bretagne,283 avenue du Général Patton,35000,Rennes,false,false,true,false,true,,,,",
        "13002437500011,SECRETARIAT D'ETAT CHARGE DE L'EDUCATION PRIORITAIRE,110 RUE DE GRENELLE,75007,PARIS 7,false,false,false,false,false,,,,"));

    private Task<int> CppIdAsync(string siret) => Factory.QueryAsync(db => db.Structures.Where(s => s.Siret == siret).Select(s => s.CppId).SingleAsync());

    private static async Task<List<string>> SiretsAsync(CproClient client, string body)
    {
        var response = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/rechercher", body));
        return response["listeStructures"].EnumerateArray().Select(s => s.GetProperty("identifiantStructure").GetString()!).ToList();
    }

    [Fact]
    public async Task Every_clients_search_by_siret_finds_the_one_public_structure_with_the_fields_it_reads()
    {
        await ImportDirectoryAsync();
        using var client = await CproClient.ConnectAsync(Factory, Supplier);
        var dinum = await CppIdAsync("13002526500013");
        foreach (var body in SearchBodies)
        {
            var response = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/rechercher", body));
            var item = Assert.Single(response["listeStructures"].EnumerateArray());
            Assert.Equal(dinum, ApiAssert.Int(item, "idStructureCPP"));
            Assert.Equal("13002526500013", ApiAssert.Str(item, "identifiantStructure"));
            Assert.Equal("DIRECTION INTERMINISTERIELLE DU NUMERIQUE", ApiAssert.Str(item, "designationStructure"));
            Assert.Equal("SIRET", ApiAssert.Str(item, "typeIdentifiantStructure"));
            Assert.Equal("ACTIVE", ApiAssert.Str(item, "statut"));
            ApiAssert.Paging(response["parametresRetour"], page: 1, pages: 1, size: 10, total: 1);
        }
        // pastell also posts without a charset; fe writes "; charset=UTF-8".
        ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/rechercher", SearchBodies[1], "application/json"));
        ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/rechercher", SearchBodies[2], "application/json; charset=UTF-8"));
    }

    [Fact]
    public async Task Private_structures_of_others_appear_only_when_the_search_is_not_restricted_and_never_when_not_diffusible()
    {
        using var other = await CproClient.ConnectAsync(Factory, OtherSupplier);
        using var hidden = await CproClient.ConnectAsync(Factory, NonDiffusible);
        using var client = await CproClient.ConnectAsync(Factory, Supplier);
        foreach (var restriction in new[] { "", """, "restreindreStructuresPrivees": true""", """, "restreindreStructuresPrivees": "" """, """, "restreindreStructuresPrivees": null""" })
        {
            var response = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/rechercher",
                $$"""{"structure": {"identifiantStructure": "{{OtherSupplier}}"}{{restriction}}}"""));
            Assert.Empty(response["listeStructures"].EnumerateArray());
            ApiAssert.Paging(response["parametresRetour"], page: 1, pages: 0, size: 10, total: 0);
            Assert.Equal([Supplier], await SiretsAsync(client, $$"""{"structure": {"identifiantStructure": "{{Supplier}}"}{{restriction}}}"""));
        }
        Assert.Equal([OtherSupplier], await SiretsAsync(client,
            $$"""{"structure": {"identifiantStructure": "{{OtherSupplier}}"}, "restreindreStructuresPrivees": false}"""));
        Assert.Empty(await SiretsAsync(client, $$"""{"structure": {"identifiantStructure": "{{NonDiffusible}}"}, "restreindreStructuresPrivees": false}"""));
        Assert.Equal([NonDiffusible], await SiretsAsync(hidden, $$"""{"structure": {"identifiantStructure": "{{NonDiffusible}}"} }"""));
        Assert.Equal([Supplier, OtherSupplier], await SiretsAsync(client,
            """{"structure": {"typeStructure": "PRIVEE"}, "restreindreStructuresPrivees": false, "parametres": {"triSens": "Descendant"}}"""));
    }

    [Fact]
    public async Task Criteria_combine_and_results_come_by_pages()
    {
        await ImportDirectoryAsync();
        using var client = await CproClient.ConnectAsync(Factory, Supplier);
        Assert.Equal(["20000001600010"], await SiretsAsync(client, """{"structure": {"raisonSocialeStructure": "REGION bretagne"}}"""));
        Assert.Equal(["20000001600010"], await SiretsAsync(client, """{"structure": {"libelleStructure": "région"}}"""));
        Assert.Equal(["21920023500014"], await SiretsAsync(client, """{"structure": {"adresseVille": "clamart", "adresseCodePays": "fr"}}"""));
        Assert.Equal(["13002437500011", "13002526500013"], await SiretsAsync(client, """{"structure": {"adresseCodePostal": "750"}}"""));
        Assert.Equal(["13002437500011"], await SiretsAsync(client, """{"structure": {"statutStructure": "INACTIVE"}}"""));
        Assert.Equal(["13002437500011"], await SiretsAsync(client, """{"structure": {"statutStructure": "INACTIF", "typeStructure": "PUBLIQUE"}}"""));
        Assert.Equal([Supplier], await SiretsAsync(client, """{"structure": {"typeStructure": "PRIVEE"}}"""));
        Assert.Empty(await SiretsAsync(client, """{"structure": {"identifiantStructure": "13002526500013", "typeIdentifiantStructure": "RIDET"}}"""));
        Assert.Empty(await SiretsAsync(client, """{"structure": {"estMOA": true}}"""));
        Assert.Empty(await SiretsAsync(client, """{"structure": {"raisonSocialeStructure": "introuvable"}}"""));

        var second = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/rechercher",
            """{"structure": {"typeStructure": "PUBLIQUE"}, "parametres": {"nbResultatsParPage": 3, "pageResultatDemandee": 2, "triColonne": "IdentifiantStructure", "triSens": "Descendant"}}"""));
        Assert.Equal(["13002437500011"], second["listeStructures"].EnumerateArray().Select(s => s.GetProperty("identifiantStructure").GetString()));
        ApiAssert.Paging(second["parametresRetour"], page: 2, pages: 2, size: 3, total: 4);
        var capped = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/rechercher", """{"parametres": {"nbResultatsParPage": 100000}}"""));
        ApiAssert.Paging(capped["parametresRetour"], page: 1, pages: 1, size: 200, total: 5);
        var beyond = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/rechercher", """{"parametres": {"pageResultatDemandee": 9}}"""));
        Assert.Empty(beyond["listeStructures"].EnumerateArray());
    }

    [Fact]
    public async Task A_search_with_a_wrong_value_is_refused_with_the_field_named()
    {
        using var client = await CproClient.ConnectAsync(Factory, Supplier);
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/rechercher", """{"structure": {"typeStructure": "MIXTE"}}"""),
            CproCodes.InvalidField, "structure.typeStructure", "PUBLIQUE");
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/rechercher", """{"structure": "13002526500013"}"""), CproCodes.InvalidField, "structure");
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/rechercher", """{"restreindreStructuresPrivees": "peut-être"}"""),
            CproCodes.InvalidField, "restreindreStructuresPrivees");
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/rechercher", """{"parametres": {"triColonne": "Ville"}}"""),
            CproCodes.InvalidField, "parametres.triColonne");
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/rechercher", """{"parametres": {"nbResultatsParPage": "dix"}}"""),
            CproCodes.InvalidField, "parametres.nbResultatsParPage");
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/rechercher", """{"structure": {"identifiantStructure": "1300"""), CproCodes.MalformedJson);
    }

    [Fact]
    public async Task Consulter_answers_every_clients_body_with_the_flags_and_typed_fields_they_read()
    {
        await ImportDirectoryAsync();
        using var client = await CproClient.ConnectAsync(Factory, Supplier);
        var dinum = await CppIdAsync("13002526500013");
        string[] bodies =
        [
            $$"""{"idStructureCPP": {{dinum}}}""",
            $$"""{"codeLangue": "fr", "idStructureCPP": {{dinum}}}""",
            $$"""{"codeLangue": "FR", "idStructure": {{dinum}}}""",
            $$"""{"codeLangue": "", "idStructureCPP": "{{dinum}}"}""",
            $$"""{"codeLangue": null, "idStructureCPP": {{dinum}}, "inconnu": [1, 2]}""",
        ];
        foreach (var body in bodies)
        {
            var response = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/consulter", body));
            var general = response["informationGenerales"];
            Assert.Equal(dinum, ApiAssert.Int(general, "idStructureCPP"));
            Assert.Equal(dinum, ApiAssert.Int(general, "idStructureOrigine"));
            Assert.Equal("13002526500013", ApiAssert.Str(general, "identifiantStructure"));
            Assert.Equal("DIRECTION INTERMINISTERIELLE DU NUMERIQUE", ApiAssert.Str(general, "raisonSocialeStructure"));
            Assert.Equal("DIRECTION INTERMINISTERIELLE DU NUMERIQUE", ApiAssert.Str(general, "libelleStructure"));
            foreach (var name in new[] { "nomStructure", "prenomStructure", "emailStructure", "numeroRcsStructure", "numeroTVA" }) ApiAssert.Str(general, name);
            Assert.Equal("PUBLIQUE", ApiAssert.Str(general, "structurePriveePublique"));
            Assert.Equal("SIRET", ApiAssert.Str(general, "typeIdentifiantStructure"));
            Assert.False(ApiAssert.Bool(general, "estValideurDeleguee"));
            Assert.Equal(JsonValueKind.Array, general.GetProperty("listeStructureDupliquees").ValueKind);
            Assert.False(general.TryGetProperty("dateExpirationMotPasseCompteTech", out _));

            var address = response["adressePostaleDuSiege"];
            Assert.Equal("20 AVENUE DE SEGUR", ApiAssert.Str(address, "adresse"));
            Assert.Equal("75007", ApiAssert.Str(address, "codePostal"));
            Assert.Equal("PARIS 7", ApiAssert.Str(address, "ville"));
            Assert.Equal("FR", ApiAssert.Str(address, "pays"));
            foreach (var name in new[] { "complementAdresse1", "complementAdresse2", "fax", "indicatifFax", "indicatifTelephone", "telephone" }) ApiAssert.Str(address, name);

            var flags = response["parametres"];
            Assert.True(ApiAssert.Bool(flags, "codeServiceDoitEtreRenseigne"));
            Assert.False(ApiAssert.Bool(flags, "numeroEJDoitEtreRenseigne"));
            Assert.False(ApiAssert.Bool(flags, "gestionNumeroEJOuCodeService"));
            foreach (var name in new[] { "connexionEDI", "estMoaUniquement", "estValideurDelegue", "getaMoa", "nonDiffusibleInsee", "recevoirDonneesViaEDI", "statutMiseEnPaiementNestPasRemonte" })
                Assert.False(ApiAssert.Bool(flags, name));
        }
        var clamart = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/consulter", new { idStructureCPP = await CppIdAsync("21920023500014") }));
        Assert.True(ApiAssert.Bool(clamart["parametres"], "numeroEJDoitEtreRenseigne"));
        var bretagne = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/consulter", new { idStructure = await CppIdAsync("20000001600010") }));
        Assert.True(ApiAssert.Bool(bretagne["parametres"], "gestionNumeroEJOuCodeService"));
    }

    [Fact]
    public async Task Its_own_structure_tells_a_technical_account_when_its_password_expires()
    {
        using var client = await CproClient.ConnectAsync(Factory, Supplier);
        var expiry = await Factory.QueryAsync(db => db.TechnicalAccounts.Where(a => a.Login == client.Login).Select(a => a.PasswordExpiresAt).SingleAsync());
        var response = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/consulter", new { idStructureCPP = await CppIdAsync(Supplier) }));
        var general = response["informationGenerales"];
        Assert.Equal("PRIVEE", ApiAssert.Str(general, "structurePriveePublique"));
        var text = ApiAssert.Str(general, "dateExpirationMotPasseCompteTech");
        Assert.Matches(ApiAssert.Timestamp(), text);
        Assert.Equal(DateTime.SpecifyKind(expiry, DateTimeKind.Utc), DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal), TimeSpan.FromMilliseconds(1));
        Assert.Equal("12 RUE DES LILAS", ApiAssert.Str(response["adressePostaleDuSiege"], "adresse"));
    }

    [Fact]
    public async Task Consulter_tells_nothing_of_unknown_ids_other_private_structures_or_undiffused_addresses()
    {
        await ImportDirectoryAsync();
        using var other = await CproClient.ConnectAsync(Factory, OtherSupplier);
        using var client = await CproClient.ConnectAsync(Factory, Supplier);
        var unknown = ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/consulter", """{"idStructureCPP": 999999}"""), CproCodes.NotFound, "999999");
        var otherId = await CppIdAsync(OtherSupplier);
        var hidden = ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/consulter", new { idStructureCPP = otherId }), CproCodes.NotFound);
        // The same words as for an id that does not exist: the answer says nothing of the private structure.
        Assert.Equal(unknown.Libelle.Replace("identifiant 999999 ", "identifiant N ", StringComparison.Ordinal),
            hidden.Libelle.Replace($"identifiant {otherId} ", "identifiant N ", StringComparison.Ordinal));
        Assert.DoesNotContain("BUREAU", hidden.Text, StringComparison.Ordinal);
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/consulter", """{"idStructureCPP": "abc"}"""), CproCodes.InvalidField, "idStructureCPP");
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/consulter", """{"idStructureCPP": 12.5}"""), CproCodes.InvalidField, "idStructureCPP");
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/consulter", """{"codeLangue": "FR"}"""), CproCodes.InvalidField, "idStructureCPP");
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/consulter", """{"idStructureCPP": 0}"""), CproCodes.InvalidField, "idStructureCPP");
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/consulter", """{"idStructureCPP": 99999999999}"""), CproCodes.NotFound);
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/consulter", $$"""{"idStructureCPP": {{await CppIdAsync("13002526500013")}}, "codeLangue": "DE"}"""),
            CproCodes.InvalidField, "codeLangue");
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/consulter", "{idStructureCPP: 1}"), CproCodes.MalformedJson);

        // A public structure SIRENE does not diffuse keeps its address to itself.
        await Factory.QueryAsync(async db =>
        {
            var clamart = await db.Structures.SingleAsync(s => s.Siret == "21920023500014");
            clamart.NonDiffusible = true;
            return await db.SaveChangesAsync();
        });
        var response = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/consulter", new { idStructureCPP = await CppIdAsync("21920023500014") }));
        Assert.True(ApiAssert.Bool(response["parametres"], "nonDiffusibleInsee"));
        foreach (var field in response["adressePostaleDuSiege"].EnumerateObject()) Assert.Equal("", field.Value.GetString());
    }

    private async Task<(CproClient Client, int Dinum, Dictionary<string, int> Services)> DirectoryWithServicesAsync()
    {
        var lines = new List<string> { AnnuaireFiles.Dinum + ",DINUM-EJ,Achats avec engagement,true,true", AnnuaireFiles.Dinum + ",DINUM-FERME,Service fermé,false,false" };
        lines.AddRange(Enumerable.Range(1, 12).Select(i => AnnuaireFiles.Dinum + FormattableString.Invariant($",DINUM-{i:D2},Service {i:D2},false,true")));
        lines.Add(AnnuaireFiles.Clamart + ",,,,");
        await AnnuaireFiles.ImportAsync(Factory, AnnuaireFiles.File([.. lines]));
        var client = await CproClient.ConnectAsync(Factory, Supplier);
        var dinum = await CppIdAsync("13002526500013");
        var services = await Factory.QueryAsync(db => db.StructureServices.Join(db.Structures.Where(s => s.Siret == "13002526500013"), x => x.StructureId, s => s.Id, (x, s) => x)
            .ToDictionaryAsync(x => x.Code, x => x.CppId));
        return (client, dinum, services);
    }

    [Fact]
    public async Task Every_service_comes_in_one_answer_to_each_clients_body_and_smaller_pages_when_asked()
    {
        var (client, dinum, services) = await DirectoryWithServicesAsync();
        using var _ = client;
        Assert.Equal(15, services.Count);
        string[] bodies =
        [
            $$"""{"idStructure": {{dinum}}, "parametresRechercherServicesStructure": {"nbResultatsParPage": 10000} }""",
            $$"""{"idStructure": {{dinum}}}""",
            $$"""{"idUtilisateurCourant": 0, "idStructure": {{dinum}}, "parametresRechercherServicesStructure": null}""",
            $$"""{"idStructure": {{dinum}}, "parametresRechercherServicesStructure": null}""",
            $$"""{"idStructure": {{dinum}}, "parametresRechercherServicesStructure": {"pageResultatDemandee": 0, "nbResultatsParPage": 0, "triSens": "Descendant", "triColonne": "CodeService", "champsDeTri": [], "ordreTriGenerique": "Descendant", "taillePageGenerique": 0, "indexPageGenerique": 0} }""",
        ];
        foreach (var body in bodies)
        {
            var response = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/rechercher/services", body));
            var listed = response["listeServices"].EnumerateArray().ToList();
            Assert.Equal(services.Count, listed.Count);
            foreach (var item in listed)
            {
                var code = ApiAssert.Str(item, "codeService");
                Assert.Equal(services[code], ApiAssert.Int(item, "idService"));
                ApiAssert.Str(item, "libelleService");
                var active = ApiAssert.Bool(item, "estActif");
                Assert.Equal(code != "DINUM-FERME", active);
                Assert.Equal(active ? "ACTIF" : "INACTIF", ApiAssert.Str(item, "statutService"));
            }
            ApiAssert.Paging(response["parametresRetour"], page: 1, pages: 1, size: 10000, total: 15);
        }
        var paged = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/rechercher/services",
            $$"""{"idStructure": {{dinum}}, "parametresRechercherServicesStructure": {"pageResultatDemandee": 3, "nbResultatsParPage": 5, "triColonne": "EstActif", "triSens": "Descendant"} }"""));
        Assert.Equal(5, paged["listeServices"].GetArrayLength());
        ApiAssert.Paging(paged["parametresRetour"], page: 3, pages: 3, size: 5, total: 15);
        Assert.Equal("DINUM-FERME", paged["listeServices"][4].GetProperty("codeService").GetString());

        var own = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/rechercher/services", new { idStructure = await CppIdAsync(Supplier) }));
        Assert.Empty(own["listeServices"].EnumerateArray());
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/rechercher/services", """{"idStructure": 424242}"""), CproCodes.NotFound);
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/rechercher/services", """{"idStructure": "abc"}"""), CproCodes.InvalidField, "idStructure");
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/rechercher/services", $$"""{"idStructure": {{dinum}}, "parametresRechercherServicesStructure": []}"""),
            CproCodes.InvalidField, "parametresRechercherServicesStructure");
    }

    [Fact]
    public async Task A_service_tells_whether_it_needs_an_engagement_with_iso_dates()
    {
        var (client, dinum, services) = await DirectoryWithServicesAsync();
        using var _ = client;
        string[] bodies =
        [
            $$"""{"idStructure": {{dinum}}, "idService": {{services["DINUM-EJ"]}}}""",
            $$"""{"codeLangue": "", "idService": {{services["DINUM-EJ"]}}, "idStructure": {{dinum}}}""",
        ];
        foreach (var body in bodies)
        {
            var response = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/consulter/service", body));
            var general = response["informationsGenerales"];
            Assert.Equal("DINUM-EJ", ApiAssert.Str(general, "codeService"));
            Assert.Equal("Achats avec engagement", ApiAssert.Str(general, "nomService"));
            ApiAssert.Str(general, "descriptionService");
            Assert.Equal("20 AVENUE DE SEGUR", ApiAssert.Str(response["adressePostale"], "adresse"));
            Assert.True(ApiAssert.Bool(response["parametres"], "numeroEngagement"));
            Assert.True(ApiAssert.Bool(response["parametres"], "miseEnPaiement"));
        }
        var plain = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/consulter/service", new { idStructure = dinum, idService = services["DINUM-01"] }));
        Assert.False(ApiAssert.Bool(plain["parametres"], "numeroEngagement"));
        var main = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/consulter/service", new { idStructure = dinum, idService = services["FACTURES_PUBLIQUES"] }));
        Assert.Matches(ApiAssert.Timestamp(), ApiAssert.Str(main["parametres"], "dateCreation"));
        Assert.Matches(ApiAssert.Timestamp(), ApiAssert.Str(main["parametres"], "dateDebutValidite"));

        // Clamart requires an engagement for every invoice: so does each of its services.
        var clamart = await CppIdAsync("21920023500014");
        var clamartService = await Factory.QueryAsync(db => db.StructureServices.Join(db.Structures.Where(s => s.CppId == clamart), x => x.StructureId, s => s.Id, (x, s) => x.CppId)
            .SingleAsync());
        var required = ApiAssert.Ok(await client.PostAsync("/cpro/structures/v1/consulter/service", new { idStructure = clamart, idService = clamartService }));
        Assert.True(ApiAssert.Bool(required["parametres"], "numeroEngagement"));

        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/consulter/service", new { idStructure = dinum, idService = clamartService }), CproCodes.NotFound);
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/consulter/service", new { idStructure = dinum, idService = 987654 }), CproCodes.NotFound);
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/consulter/service", new { idStructure = dinum }), CproCodes.InvalidField, "idService");
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/consulter/service", new { idStructure = dinum, idService = "abc" }), CproCodes.InvalidField, "idService");
        ApiAssert.Error(await client.PostAsync("/cpro/structures/v1/consulter/service", new { idStructure = 777777, idService = services["DINUM-01"] }), CproCodes.NotFound);
    }
}

public sealed class StructuresApiOnSqliteTests() : StructuresApiTests(TestDatabase.Sqlite);

public sealed class StructuresApiOnPostgresTests() : StructuresApiTests(TestDatabase.Postgres);
