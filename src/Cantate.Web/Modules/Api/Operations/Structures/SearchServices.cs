using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Api.Operations.Referentiel;
using Cantate.Web.Persistence;

namespace Cantate.Web.Modules.Api.Operations.Structures;

/// <summary>
/// <c>POST /cpro/structures/v1/rechercher/services</c>: the services of a visible structure (see
/// <see cref="VisibleStructures"/>), active ones and deactivated ones (<c>estActif</c> false, <c>statutService</c>
/// INACTIF). oca asks 10 000 per page and never pages, pastell and fe send no pagination at all: so a structure's
/// services all come in one answer unless the caller asks for smaller pages (10 000 at most). A private structure has
/// no services. The platform keeps no service dates, so dateDbtService and dateFinService are left out.
/// </summary>
public sealed class SearchServices(CantateDbContext db)
{
    public const int MaxPageSize = 10_000;
    private static readonly string[] SortColumns = ["CodeService", "LibelleService", "DateDbtService", "DateFinService", "EstActif"];

    public async Task<IResult> HandleAsync(CproCaller caller, CproRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var parameters = request.Child("parametresRechercherServicesStructure", "parametres");
        var page = CproPage.Read(parameters, MaxPageSize, MaxPageSize);
        var structure = await VisibleStructures.FindAsync(db, caller, request, cancellationToken, "idStructure", "idStructureCPP");
        var services = db.StructureServices.Where(x => x.StructureId == structure.Id);
        var (rows, total) = await page.ReadAsync(Sort(services, parameters), cancellationToken);
        return CproResults.Ok(new
        {
            listeServices = rows.Select(x => new
            {
                idService = x.CppId,
                codeService = x.Code,
                libelleService = x.Label,
                estActif = x.IsActive,
                statutService = x.IsActive ? "ACTIF" : "INACTIF",
            }),
            parametresRetour = page.Retour(total),
        });
    }

    private static IOrderedQueryable<StructureService> Sort(IQueryable<StructureService> services, CproRequest? parameters)
    {
        var column = parameters is null ? null : CproChoices.One(parameters, "triColonne", SortColumns);
        var descending = CproChoices.Descending(parameters);
        var sorted = column switch
        {
            "LibelleService" => services.SortBy(x => x.Label, descending),
            "EstActif" => services.SortBy(x => x.IsActive, descending),
            // Without dates, the date columns sort as the code does.
            _ => services.SortBy(x => x.Code, descending),
        };
        return sorted.ThenSortBy(x => x.CppId, descending);
    }
}
