using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cantate.Testing;
using Cantate.Web.Modules.Api.Gateway;

namespace Cantate.Web.Tests.Api;

/// <summary>The reference lists of transverses/v1/recuperer (chorus-pro-clients.md B19, §D2, §D10).</summary>
public abstract partial class ReferenceListsApiTests(TestDatabase database) : PortalTest(database)
{
    private Task<CproClient> ConnectAsync() => CproClient.ConnectAsync(Factory, StructuresApiTests.Supplier);

    private static async Task<CproResponse> ListAsync(CproClient client, string path, string body) =>
        ApiAssert.Ok(await client.PostAsync("/cpro/transverses/v1/recuperer/" + path, body));

    /// <summary>The list, whole, with its counters beside it as php requires them.</summary>
    private static List<JsonElement> Items(CproResponse response, string listName)
    {
        var items = response[listName].EnumerateArray().ToList();
        ApiAssert.Paging(response.Body, page: 1, pages: items.Count == 0 ? 0 : 1, size: Math.Max(1, items.Count), total: items.Count);
        return items;
    }

    [Fact]
    public async Task Currencies_and_countries_carry_their_iso_codes_and_french_names()
    {
        using var client = await ConnectAsync();
        foreach (var body in new[] { """{"codeLangue": "FR"}""", """{"codeLangue": null}""", "{}", """{"codeLangue": "fr"}""" })
        {
            var currencies = Items(await ListAsync(client, "devises", body), "listeDevises");
            Assert.Contains(currencies, c => ApiAssert.Str(c, "codeDevise") == "EUR" && ApiAssert.Str(c, "libelleDevise") == "Euro");
            Assert.All(currencies, c => Assert.Matches(CurrencyCode(), ApiAssert.Str(c, "codeDevise")));
            Assert.True(currencies.Count > 150);
        }
        var countries = Items(await ListAsync(client, "pays", """{"codeLangue": "FR"}"""), "listePays");
        Assert.Equal(249, countries.Count);
        Assert.Contains(countries, c => ApiAssert.Str(c, "codePays") == "FR" && ApiAssert.Str(c, "libellePays") == "France");
        Assert.Contains(countries, c => ApiAssert.Str(c, "codePays") == "DE" && ApiAssert.Str(c, "libellePays") == "Allemagne");
        Assert.Equal(249, countries.Select(c => ApiAssert.Str(c, "codePays")).Distinct().Count());
        ApiAssert.Error(await client.PostAsync("/cpro/transverses/v1/recuperer/pays", """{"codeLangue": "klingon"}"""), CproCodes.InvalidField, "codeLangue");
    }

    [Fact]
    public async Task Vat_rates_are_numbers_and_include_the_franchise_pastell_tests_with()
    {
        using var client = await ConnectAsync();
        foreach (var body in new[] { """{"codeLangue": "FR"}""", "{}" })
        {
            var rates = Items(await ListAsync(client, "tauxtva", body), "listeTauxTva");
            var franchise = Assert.Single(rates, r => ApiAssert.Str(r, "codeTauxTva") == "TVA1");
            Assert.Equal("Art 293B(FranchiseEnBase)", ApiAssert.Str(franchise, "libelleTauxTva"));
            Assert.All(rates, r => Assert.Equal(JsonValueKind.Number, r.GetProperty("valeurTauxTva").ValueKind));
            var values = rates.Select(r => r.GetProperty("valeurTauxTva").GetDecimal()).Distinct().Order().ToList();
            Assert.Equal([0m, 0.9m, 1.05m, 2.1m, 5.5m, 8.5m, 10m, 20m], values);
            Assert.Equal(rates.Count, rates.Select(r => ApiAssert.Str(r, "codeTauxTva")).Distinct().Count());
        }
    }

    [Fact]
    public async Task Cadres_de_facturation_are_the_25_codes_or_those_of_a_kind_of_payment_request()
    {
        using var client = await ConnectAsync();
        var all = Items(await ListAsync(client, "cadrefacturation", "{}"), "listeCadreFacturation").Select(c => ApiAssert.Str(c, "codeCadreFacturation")).ToList();
        Assert.Equal(Enumerable.Range(1, 25).Select(i => "A" + i.ToString(CultureInfo.InvariantCulture) + "_"), all.Select(c => c[..(c.IndexOf('_', StringComparison.Ordinal) + 1)]));
        Assert.Contains("A1_FACTURE_FOURNISSEUR", all);
        Assert.Contains("A25_DECOMPTE_GENERAL_DEFINITIF_MOE_PROCEDURE_TACITE", all);
        var invoices = Items(await ListAsync(client, "cadrefacturation", """{"typeDemandePaiement": "FACTURE"}"""), "listeCadreFacturation");
        Assert.Equal(["A1_FACTURE_FOURNISSEUR", "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE", "A9_FACTURE_SOUSTRAITANT", "A12_FACTURE_COTRAITANT"],
            invoices.Select(c => ApiAssert.Str(c, "codeCadreFacturation")));
        var types = Items(await ListAsync(client, "typedp", "{}"), "listeTypeDemandePaiement").Select(t => ApiAssert.Str(t, "typeDemandePaiement")).ToList();
        Assert.Contains("FACTURE", types);
        var union = new List<string>();
        foreach (var type in types)
        {
            union.AddRange(Items(await ListAsync(client, "cadrefacturation", JsonSerializer.Serialize(new { typeDemandePaiement = type })), "listeCadreFacturation")
                .Select(c => ApiAssert.Str(c, "codeCadreFacturation")));
        }
        Assert.Equal(all.Order(StringComparer.Ordinal), union.Order(StringComparer.Ordinal));
        ApiAssert.Error(await client.PostAsync("/cpro/transverses/v1/recuperer/cadrefacturation", """{"typeDemandePaiement": "DEVIS"}"""),
            CproCodes.InvalidField, "typeDemandePaiement", "FACTURE");
    }

    [Fact]
    public async Task Enumerations_come_with_the_counters_php_requires()
    {
        using var client = await ConnectAsync();
        foreach (var body in new[] { "{}", "" })
        {
            var modes = Items(await ListAsync(client, "modedepot", body), "listeModeDepot").Select(m => ApiAssert.Str(m, "modeDepot")).ToList();
            Assert.Contains("SAISIE_API", modes);
            Assert.Contains("DEPOT_PDF_API", modes);
        }
        Assert.Equal(["IN_DP_E1_STRUCT", "IN_DP_E2_MIXTE", "IN_DP_E2_FACTURX"],
            Items(await ListAsync(client, "formatflux", "{}"), "listeFormatFlux").Select(f => ApiAssert.Str(f, "formatFlux")));
        Assert.Equal(["CHEQUE", "PRELEVEMENT", "VIREMENT", "ESPECE", "AUTRE", "REPORT"],
            Items(await ListAsync(client, "modereglements", "{}"), "listeModePaiement").Select(m => ApiAssert.Str(m, "modePaiement")));
        Assert.Equal(["SIRET", "UE_HORS_FRANCE", "HORS_UE", "RIDET", "TAHITI", "AUTRE", "PARTICULIER"],
            Items(await ListAsync(client, "typeidentifiant/structure", "{}"), "listeTypeIdentifiant").Select(t => ApiAssert.Str(t, "typeIdentifiantStructure")));
        var exemptions = Items(await ListAsync(client, "motifs/exonerationtva", """{"codeLangue": "FR"}"""), "listeMotifsExonerationTva");
        Assert.Contains(exemptions, e => ApiAssert.Str(e, "codeMotifExonerationTva") == "VATEX-FR-FRANCHISE");
        Assert.All(exemptions, e => Assert.StartsWith("VATEX-", ApiAssert.Str(e, "codeMotifExonerationTva"), StringComparison.Ordinal));
        Assert.All(exemptions, e => Assert.NotEmpty(ApiAssert.Str(e, "libelleMotifExonerationTva")));

        var attachmentTypes = Items(await ListAsync(client, "typespj", """{"codeLangue": "FR", "typeObjet": "FACTURE"}"""), "listeTypePieceJointe");
        Assert.NotEmpty(attachmentTypes);
        foreach (var type in attachmentTypes)
        {
            ApiAssert.Int(type, "idTypePieceJointe");
            ApiAssert.Str(type, "codeTypePieceJointe");
            ApiAssert.Str(type, "libelleTypePieceJointe");
            Assert.Equal("FACTURE", ApiAssert.Str(type, "typeObjet"));
        }
        Assert.True(Items(await ListAsync(client, "typespj", "{}"), "listeTypePieceJointe").Count > attachmentTypes.Count);
        Assert.Empty(Items(await ListAsync(client, "typespj", """{"typeObjet": "SOLLICITATION"}"""), "listeTypePieceJointe"));
        ApiAssert.Error(await client.PostAsync("/cpro/transverses/v1/recuperer/typespj", """{"typeObjet": "COURRIER"}"""), CproCodes.InvalidField, "typeObjet");
    }

    [Fact]
    public async Task Treatment_statuses_follow_the_invoice_lifecycle()
    {
        using var client = await ConnectAsync();
        async Task<List<string>> NextAsync(string current)
        {
            var response = await ListAsync(client, "etats/traitement", JsonSerializer.Serialize(new { statutCourant = current }));
            return response["listeStatutsPossiblesPourTraitement"].EnumerateArray().Select(s => ApiAssert.Str(s, "statutPossiblePourTraitement")).ToList();
        }

        var available = await NextAsync("MISE_A_DISPOSITION");
        Assert.Equal(["A_RECYCLER", "REJETEE", "SUSPENDUE", "SERVICE_FAIT", "MANDATEE", "MISE_A_DISPOSITION_COMPTABLE", "COMPTABILISEE", "MISE_EN_PAIEMENT"], available);
        Assert.Equal(available, await NextAsync("COMPLETEE"));
        Assert.Equal(["COMPTABILISEE", "MISE_EN_PAIEMENT"], await NextAsync("mise_a_disposition_comptable"));
        Assert.DoesNotContain("SERVICE_FAIT", await NextAsync("SERVICE_FAIT"));
        foreach (var final in new[] { "DEPOSEE", "EN_COURS_ACHEMINEMENT", "A_RECYCLER", "SUSPENDUE", "REJETEE", "MISE_EN_PAIEMENT" })
            Assert.Empty(await NextAsync(final));
        ApiAssert.Error(await client.PostAsync("/cpro/transverses/v1/recuperer/etats/traitement", """{"statutCourant": "PAYEE"}"""),
            CproCodes.InvalidField, "statutCourant", "MISE_A_DISPOSITION");
        ApiAssert.Error(await client.PostAsync("/cpro/transverses/v1/recuperer/etats/traitement", "{}"), CproCodes.InvalidField, "statutCourant");
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}

public sealed class ReferenceListsApiOnSqliteTests() : ReferenceListsApiTests(TestDatabase.Sqlite);

public sealed class ReferenceListsApiOnPostgresTests() : ReferenceListsApiTests(TestDatabase.Postgres);
