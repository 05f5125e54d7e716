namespace Cantate.Sirene.Tests;

public class SireneValuesTests
{
    [Theory]
    [InlineData("12", null, "RUE", "DES LILAS", "12 RUE DES LILAS")]
    [InlineData("3", null, "AV", "JEAN JAURES", "3 AVENUE JEAN JAURES")]
    [InlineData("45", null, "BD", "HAUSSMANN", "45 BOULEVARD HAUSSMANN")]
    [InlineData("1", null, "PL", "MAURICE GUNSBOURG", "1 PLACE MAURICE GUNSBOURG")]
    [InlineData("7", "B", "CHE", "DU MOULIN", "7 BIS CHEMIN DU MOULIN")]
    [InlineData("9", "T", "RTE", "DE PARIS", "9 TER ROUTE DE PARIS")]
    [InlineData("2", null, "IMP", "DES ROSES", "2 IMPASSE DES ROSES")]
    [InlineData("5", null, "ALL", "DES PINS", "5 ALLEE DES PINS")]
    [InlineData("8", null, "QUAI", "DE LA FOSSE", "8 QUAI DE LA FOSSE")]
    [InlineData(null, null, "LD", "LES GRANGES", "LIEU-DIT LES GRANGES")]
    [InlineData("4", null, "XYZ", "INCONNUE", "4 XYZ INCONNUE")]
    [InlineData(null, null, null, "LE BOURG", "LE BOURG")]
    public void The_address_line_joins_number_index_expanded_street_type_and_street_name(
        string? numero, string? indice, string? type, string? libelle, string expected) =>
        Assert.Equal(expected, SireneValues.BuildAddressLine(numero, indice, type, libelle));

    [Fact]
    public void An_address_without_any_street_part_has_no_line() =>
        Assert.Null(SireneValues.BuildAddressLine(null, null, null, null));

    [Fact]
    public void Qua_is_the_insee_code_for_quartier_and_quai_for_quai()
    {
        Assert.Equal("QUARTIER", SireneValues.ExpandStreetType("QUA"));
        Assert.Equal("QUAI", SireneValues.ExpandStreetType("QUAI"));
    }

    [Fact]
    public void A_legal_entity_is_named_by_its_denomination() =>
        Assert.Equal("LA POSTE", SireneValues.BuildName("LA POSTE", "JEAN", "JEAN", null, "DUPONT"));

    [Theory]
    [InlineData("MARIE", "MARIE", "LEROY", "MARTIN", "MARIE LEROY")]
    [InlineData(null, "PAUL", null, "DURAND", "PAUL DURAND")]
    [InlineData(null, null, null, "DURAND", "DURAND")]
    public void A_natural_person_is_named_by_usual_or_first_first_name_and_usage_or_birth_name(
        string? prenomUsuel, string? prenom1, string? nomUsage, string? nom, string expected) =>
        Assert.Equal(expected, SireneValues.BuildName(null, prenomUsuel, prenom1, nomUsage, nom));

    [Fact]
    public void A_not_diffused_value_becomes_null_and_marks_the_unit_as_masked()
    {
        var masked = false;
        Assert.Null(SireneValues.Clean("[ND]", ref masked));
        Assert.True(masked);
    }

    [Fact]
    public void An_ordinary_value_is_trimmed_and_does_not_mark_the_unit()
    {
        var masked = false;
        Assert.Equal("LYON", SireneValues.Clean(" LYON ", ref masked));
        Assert.Null(SireneValues.Clean("", ref masked));
        Assert.False(masked);
    }

    [Theory]
    [InlineData("P", true)]
    [InlineData("N", true)]
    [InlineData("O", false)]
    [InlineData(null, false)]
    public void Statut_diffusion_p_and_legacy_n_mean_partial_diffusion(string? statut, bool partial) =>
        Assert.Equal(partial, SireneValues.IsPartialDiffusionStatus(statut));

    [Theory]
    [InlineData(null, "FR")]
    [InlineData("SUISSE", "CH")]
    [InlineData("ROYAUME-UNI", "GB")]
    [InlineData("ATLANTIDE", "ZZ")]
    public void A_foreign_country_name_gives_its_iso_code(string? name, string code) =>
        Assert.Equal(code, SireneValues.CountryCodeOf(name));
}
