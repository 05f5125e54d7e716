using Cantate.Sirene.Offline;

namespace Cantate.Sirene.Tests.Offline;

public sealed class DemoStoreFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();

    public OfflineSireneDirectory Directory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var path = _directory.File("sirene.db");
        await OfflineSireneStore.EnsureCreatedAsync(path, seedDemoData: true);
        Directory = new OfflineSireneDirectory(path);
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}

public class DemoStoreTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    private async Task<SireneEtablissement> Find(string siret)
    {
        var lookup = await demo.Directory.FindEtablissementAsync(siret);
        Assert.Equal(SireneLookupStatus.Found, lookup.Status);
        Assert.True(SiretRules.IsValidSiret(siret));
        return lookup.Etablissement!;
    }

    [Fact]
    public async Task The_demo_carpenter_is_an_active_sas_headquartered_in_lyon()
    {
        var e = await Find("84321765400014");
        Assert.Equal("ATELIER DUPONT MENUISERIE", e.RaisonSociale);
        Assert.Equal("5710", e.CategorieJuridique);
        Assert.True(e.IsActive);
        Assert.True(e.IsSiege);
        Assert.Equal("12 RUE DES LILAS", e.AddressLine);
        Assert.Equal("69003", e.PostalCode);
        Assert.Equal("LYON", e.City);
        Assert.Equal("FR", e.CountryCode);
        Assert.False(e.PartiallyDiffusible);
        Assert.False(e.IsPublicLaw);
    }

    [Fact]
    public async Task The_carpenters_second_establishment_is_closed_and_its_avenue_is_spelled_out()
    {
        var e = await Find("84321765400022");
        Assert.Equal("ATELIER DUPONT MENUISERIE", e.RaisonSociale);
        Assert.False(e.IsActive);
        Assert.True(e.UniteLegaleIsActive);
        Assert.False(e.IsSiege);
        Assert.Equal("3 AVENUE JEAN JAURES", e.AddressLine);
        Assert.Equal("69007", e.PostalCode);
        Assert.Equal("LYON", e.City);
    }

    [Theory]
    [InlineData("79245318500011", "BUREAU D'ETUDES MARTIN", "5499", "45 BOULEVARD HAUSSMANN", "75009", "PARIS")]
    [InlineData("90012345600015", "INFORMATIQUE SERVICES OUEST", "5710", "8 QUAI DE LA FOSSE", "44000", "NANTES")]
    [InlineData("13002526500013", "DIRECTION INTERMINISTERIELLE DU NUMERIQUE", "7120", "20 AVENUE DE SEGUR", "75007", "PARIS 7")]
    [InlineData("21920023500014", "COMMUNE DE CLAMART", "7210", "1 PLACE MAURICE GUNSBOURG", "92140", "CLAMART")]
    [InlineData("35600000049837", "LA POSTE", "5599", "52 RUE DU LOUVRE", "75001", "PARIS")]
    public async Task An_active_demo_establishment_comes_with_its_name_legal_category_and_address(
        string siret, string name, string categorie, string line, string postalCode, string city)
    {
        var e = await Find(siret);
        Assert.Equal(name, e.RaisonSociale);
        Assert.Equal(categorie, e.CategorieJuridique);
        Assert.Equal(line, e.AddressLine);
        Assert.Equal(postalCode, e.PostalCode);
        Assert.Equal(city, e.City);
        Assert.True(e.IsActive);
        Assert.True(e.UniteLegaleIsActive);
        Assert.False(e.PartiallyDiffusible);
    }

    [Fact]
    public async Task The_demo_natural_person_with_partial_diffusion_has_no_name_nor_address()
    {
        var e = await Find("51234987900019");
        Assert.True(e.PartiallyDiffusible);
        Assert.True(e.IsActive);
        Assert.Equal("1000", e.CategorieJuridique);
        Assert.Null(e.RaisonSociale);
        Assert.Null(e.AddressLine);
        Assert.Null(e.PostalCode);
        Assert.Null(e.City);
    }

    [Fact]
    public async Task The_demo_ceased_company_has_a_closed_establishment()
    {
        var e = await Find("44306184100013");
        Assert.False(e.IsActive);
        Assert.False(e.UniteLegaleIsActive);
    }

    [Fact]
    public async Task The_closed_clamart_establishment_from_the_api_sample_is_closed()
    {
        var e = await Find("21920023500022");
        Assert.False(e.IsActive);
        Assert.Equal("COMMUNE DE CLAMART", e.RaisonSociale);
        Assert.True(e.IsPublicLaw);
        Assert.Null(e.AddressLine);
        Assert.Equal("86270", e.PostalCode);
    }

    [Fact]
    public async Task Dinum_keeps_the_values_of_the_verbatim_api_sample()
    {
        var e = await Find("13002526500013");
        Assert.True(e.IsSiege);
        Assert.True(e.IsPublicLaw);
        Assert.Equal("84.11Z", e.ActivitePrincipale);
    }

    [Theory]
    [InlineData("20000001600010", "7230")]
    [InlineData("22330001300016", "7220")]
    [InlineData("26260001800010", "7364")]
    [InlineData("19210001400013", "7331")]
    [InlineData("19670001700011", "7383")]
    [InlineData("13000001100010", "7172")]
    [InlineData("24440001600014", "7344")]
    [InlineData("26380001300017", "7361")]
    [InlineData("21690001900011", "7210")]
    [InlineData("11000001500013", "7120")]
    public async Task The_demo_has_active_public_bodies_of_several_kinds(string siret, string categorie)
    {
        var e = await Find(siret);
        Assert.Equal(categorie, e.CategorieJuridique);
        Assert.True(e.IsPublicLaw);
        Assert.True(e.IsActive);
        Assert.NotNull(e.RaisonSociale);
        Assert.NotNull(e.PostalCode);
    }

    [Fact]
    public async Task A_repetition_index_is_spelled_out()
    {
        var e = await Find("81234567600017");
        Assert.Equal("4 BIS RUE DES HALLES", e.AddressLine);
    }

    [Fact]
    public async Task The_complement_and_the_special_distribution_make_the_second_address_line()
    {
        var e = await Find("82345678500018");
        Assert.Equal("2 IMPASSE DES MOUETTES", e.AddressLine);
        Assert.Equal("ZONE ARTISANALE DU PORT BP 45", e.AddressComplement);
    }

    [Fact]
    public async Task A_foreign_establishment_has_its_foreign_city_and_country()
    {
        var e = await Find("83456789300021");
        Assert.Equal("GENEVE", e.City);
        Assert.Equal("CH", e.CountryCode);
        Assert.Equal("SUISSE", e.CountryName);
        Assert.Equal("14 RUE DU RHONE", e.AddressLine);
    }

    [Fact]
    public async Task A_natural_person_is_named_by_usual_first_name_and_usage_name()
    {
        var e = await Find("85678901100017");
        Assert.Equal("MARIE LEROY", e.RaisonSociale);
        Assert.Equal("1000", e.CategorieJuridique);
    }

    [Fact]
    public async Task A_name_with_quotes_and_commas_survives_the_csv()
    {
        var e = await Find("88765432500018");
        Assert.Equal("CABINET D'AVOCATS \"BERNARD, PETIT & ASSOCIES\"", e.RaisonSociale);
    }

    [Fact]
    public async Task An_unknown_siret_is_not_found()
    {
        var lookup = await demo.Directory.FindEtablissementAsync("73282932000074");
        Assert.Equal(SireneLookupStatus.NotFound, lookup.Status);
    }

    [Fact]
    public async Task A_siret_typed_with_spaces_is_found()
    {
        var lookup = await demo.Directory.FindEtablissementAsync("843 217 654 00014");
        Assert.Equal(SireneLookupStatus.Found, lookup.Status);
        Assert.Equal("84321765400014", lookup.Etablissement!.Siret);
    }

    [Fact]
    public async Task Every_demo_siret_passes_the_siret_rules()
    {
        var info = await OfflineSireneStore.ReadInfoAsync(demo.Directory.StorePath);
        Assert.NotNull(info);
        Assert.Equal("demo", info.Source);
        using var stream = OfflineSireneStore.DemoEtablissements().Open();
        using var reader = new Cantate.Sirene.Stock.StockCsvReader(stream, "demo");
        Assert.True(reader.ReadRecord());
        var count = 0;
        while (reader.ReadRecord())
        {
            Assert.True(SiretRules.IsValidSiret(reader[2].ToString()), reader[2].ToString());
            count++;
        }
        Assert.Equal(info.Etablissements, count);
    }
}
