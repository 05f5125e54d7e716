using Cantate.Sirene;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Api.Operations.Referentiel;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;

namespace Cantate.Web.Modules.Api.Operations.Structures;

/// <summary>
/// <c>POST /cpro/structures/v1/rechercher</c>: structures by SIRET (exact), name (raisonSociale, libelle, nom or
/// prénom: case- and accent-insensitive "contains"), postal code (prefix), city, country, status and kind. Empty
/// strings, 0 and false mean "no filter", as go sends every criterion. <c>restreindreStructuresPrivees</c> absent, ""
/// or true keeps the public structures and the caller's own; false adds the other private structures, except those
/// SIRENE does not diffuse. Pages of 10 by default and 200 at most (Chorus Pro's figures), by SIRET unless
/// <c>parametres.triColonne</c> says otherwise. No MOA structure exists on the platform, so estMOA true finds none.
/// </summary>
public sealed class SearchStructures(CantateDbContext db)
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 200;

    /// <summary>typeIdentifiantStructure values; every structure of the platform has a SIRET.</summary>
    public static readonly IReadOnlyList<string> IdentifierTypes = ["SIRET", "UE_HORS_FRANCE", "HORS_UE", "RIDET", "TAHITI", "AUTRE", "PARTICULIER"];

    private static readonly string[] SortColumns = ["IdentifiantStructure", "DesignationStructure", "TypeIdentifiantStructure", "Statut"];
    private static readonly string[] Statuses = ["ACTIVE", "INACTIVE", "ACTIF", "INACTIF"];
    private static readonly string[] Kinds = ["PUBLIQUE", "PRIVEE"];
    private static readonly string[] NameFields = ["raisonSocialeStructure", "libelleStructure", "nomStructure", "prenomStructure"];

    public async Task<IResult> HandleAsync(CproCaller caller, CproRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var criteria = request.Child("structure") ?? CproRequest.EmptyRequest;
        var parameters = request.Child("parametres");
        var page = CproPage.Read(parameters, DefaultPageSize, MaxPageSize);
        var own = caller.StructureId;
        var structures = request.Bool("restreindreStructuresPrivees") ?? true
            ? db.Structures.VisibleTo(caller)
            : db.Structures.Where(s => s.IsPublic || !s.NonDiffusible || s.Id == own);
        var found = Sort(Filter(structures, criteria), parameters)
            .Select(s => new { s.CppId, s.Siret, s.RaisonSociale, s.IsActive });
        var (rows, total) = await page.ReadAsync(found, cancellationToken);
        return CproResults.Ok(new
        {
            listeStructures = rows.Select(s => new
            {
                idStructureCPP = s.CppId,
                identifiantStructure = s.Siret,
                designationStructure = s.RaisonSociale,
                typeIdentifiantStructure = "SIRET",
                statut = s.IsActive ? "ACTIVE" : "INACTIVE",
            }),
            parametresRetour = page.Retour(total),
        });
    }

    private static IQueryable<Structure> Filter(IQueryable<Structure> structures, CproRequest criteria)
    {
        if (criteria.Text("identifiantStructure") is { } identifier)
        {
            var siret = SiretRules.Normalize(identifier);
            structures = structures.Where(s => s.Siret == siret);
        }
        if (CproChoices.One(criteria, "typeIdentifiantStructure", IdentifierTypes) is { } type && type != "SIRET") structures = structures.Where(s => false);
        foreach (var name in NameFields)
        {
            if (Folded(criteria, name) is { } term) structures = structures.Where(FoldedSearch.ContainsFolded<Structure>(s => s.RaisonSociale, term));
        }
        if (criteria.Text("adresseCodePostal") is { } postalCode) structures = structures.WithPostalCodeStartingWith(postalCode);
        if (Folded(criteria, "adresseVille") is { } city) structures = structures.Where(FoldedSearch.ContainsFolded<Structure>(s => s.City, city));
        if (criteria.Text("adresseCodePays") is { } country)
        {
            var code = country.ToUpperInvariant();
            structures = structures.Where(s => s.CountryCode == code);
        }
        if (CproChoices.One(criteria, "statutStructure", Statuses) is { } status)
        {
            var active = status.StartsWith("ACTI", StringComparison.Ordinal);
            structures = structures.Where(s => s.IsActive == active);
        }
        if (CproChoices.One(criteria, "typeStructure", Kinds) is { } kind)
        {
            var isPublic = kind == "PUBLIQUE";
            structures = structures.Where(s => s.IsPublic == isPublic);
        }
        if (criteria.Bool("estMOA") == true || criteria.Bool("estMOAUniquement") == true) structures = structures.Where(s => false);
        return structures;
    }

    private static string? Folded(CproRequest criteria, string name) =>
        criteria.Text(name) is { } text && FoldedSearch.Fold(text) is { Length: > 0 } folded ? folded : null;

    private static IOrderedQueryable<Structure> Sort(IQueryable<Structure> structures, CproRequest? parameters)
    {
        var column = parameters is null ? null : CproChoices.One(parameters, "triColonne", SortColumns);
        var descending = CproChoices.Descending(parameters);
        var sorted = column switch
        {
            "DesignationStructure" => structures.SortBy(s => s.RaisonSociale, descending),
            "Statut" => structures.SortBy(s => s.IsActive, descending),
            _ => structures.SortBy(s => s.Siret, descending),
        };
        return sorted.ThenSortBy(s => s.Siret, descending);
    }
}
