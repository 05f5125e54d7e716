namespace Cantate.Sirene;

/// <summary>
/// Looks up an établissement in SIRENE, whatever the source (offline store or INSEE API).
/// </summary>
public interface ISireneDirectory
{
    /// <summary>Finds the établissement with this SIRET. The SIRET must already pass <see cref="SiretRules"/>.</summary>
    Task<SireneLookup> FindEtablissementAsync(string siret, CancellationToken cancellationToken = default);
}

/// <summary>Outcome of a SIRENE lookup.</summary>
public enum SireneLookupStatus
{
    /// <summary>The établissement exists; see <see cref="SireneLookup.Etablissement"/>.</summary>
    Found,
    /// <summary>SIRENE has no établissement with this SIRET.</summary>
    NotFound,
    /// <summary>The source could not answer (network, quota exhausted after retries, store missing).</summary>
    Unavailable,
}

/// <summary>Result of <see cref="ISireneDirectory.FindEtablissementAsync"/>.</summary>
public sealed record SireneLookup(SireneLookupStatus Status, SireneEtablissement? Etablissement = null, string? Detail = null)
{
    /// <summary>A lookup that found nothing.</summary>
    public static SireneLookup NotFound { get; } = new(SireneLookupStatus.NotFound);

    /// <summary>A lookup whose source did not answer.</summary>
    public static SireneLookup Unavailable(string detail) => new(SireneLookupStatus.Unavailable, null, detail);

    /// <summary>A lookup that found the établissement.</summary>
    public static SireneLookup Found(SireneEtablissement etablissement) => new(SireneLookupStatus.Found, etablissement);
}

/// <summary>
/// What the portal needs of an établissement and its unité légale. Values that SIRENE does not publish
/// (partial diffusion, "[ND]") are null, and <see cref="PartiallyDiffusible"/> is true.
/// </summary>
public sealed record SireneEtablissement
{
    public required string Siret { get; init; }
    public string Siren => Siret[..9];
    /// <summary>État administratif of the établissement is "A" (active).</summary>
    public required bool IsActive { get; init; }
    /// <summary>État administratif of the unité légale is "A" (not "C", cessée).</summary>
    public bool UniteLegaleIsActive { get; init; } = true;
    /// <summary>statutDiffusion is "P" (or "N" in old files): personal data is masked.</summary>
    public bool PartiallyDiffusible { get; init; }
    /// <summary>Dénomination of the unité légale, or first name + name for a natural person.</summary>
    public string? RaisonSociale { get; init; }
    /// <summary>Street line: numéro, indice, type de voie (expanded), libellé; complement on its own line.</summary>
    public string? AddressLine { get; init; }
    public string? AddressComplement { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    /// <summary>ISO 3166-1 alpha-2 country code; "FR" unless SIRENE gives a foreign country.</summary>
    public string CountryCode { get; init; } = "FR";
    /// <summary>Name of the foreign country as SIRENE gives it (French, capitals); null for France.</summary>
    public string? CountryName { get; init; }
    /// <summary>Catégorie juridique (4 digits). 7xxx is public law.</summary>
    public string? CategorieJuridique { get; init; }
    /// <summary>Activité principale (NAF, e.g. "84.11Z").</summary>
    public string? ActivitePrincipale { get; init; }
    public bool IsSiege { get; init; }

    /// <summary>A structure under public law (catégorie juridique 7xxx) receives invoices.</summary>
    public bool IsPublicLaw => CategorieJuridique is { Length: 4 } c && c[0] == '7';
}
