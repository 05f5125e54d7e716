using Cantate.Sirene;

namespace Cantate.Sirene.Tests;

public class SiretRulesTests
{
    [Theory]
    [InlineData("13002526500013")]
    [InlineData("21920023500014")]
    [InlineData("130 025 265 00013")]
    public void A_siret_with_a_correct_luhn_key_is_valid(string siret) => Assert.Equal(SiretProblem.None, SiretRules.Check(siret));

    [Theory]
    [InlineData("35600000049837")]
    [InlineData("35600000052135")]
    public void A_la_poste_siret_whose_digits_sum_to_a_multiple_of_five_is_valid(string siret) =>
        Assert.True(SiretRules.IsValidSiret(siret));

    [Fact]
    public void A_la_poste_siret_whose_digits_do_not_sum_to_a_multiple_of_five_is_refused() =>
        Assert.Equal(SiretProblem.BadCheckKey, SiretRules.Check("35600000049838"));

    [Theory]
    [InlineData("85242109900021")]
    [InlineData("13002526500014")]
    public void A_siret_with_a_wrong_key_is_refused(string siret) => Assert.Equal(SiretProblem.BadCheckKey, SiretRules.Check(siret));

    [Theory]
    [InlineData("1300252650001")]
    [InlineData("130025265000131")]
    [InlineData("1300252650001A")]
    public void A_siret_that_is_not_fourteen_digits_is_refused(string siret) =>
        Assert.Equal(SiretProblem.NotFourteenDigits, SiretRules.Check(siret));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_siret_is_refused(string? siret) => Assert.Equal(SiretProblem.Empty, SiretRules.Check(siret));

    [Theory]
    [InlineData("130025265", true)]
    [InlineData("356000000", true)]
    [InlineData("130025266", false)]
    [InlineData("13002526", false)]
    public void Siren_numbers_follow_the_luhn_key(string siren, bool valid) => Assert.Equal(valid, SiretRules.IsValidSiren(siren));
}
