using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Operations.Structures;

/// <summary>
/// <c>POST /cpro/utilisateurs/v1/monCompte/recuperer/rattachements</c> (go sends <c>{"parametresRecherche": null}</c>
/// or a pagination object). A technical account has exactly one rattachement, to its structure, validated from its
/// creation: <c>idRattachementStructure</c> is the account's own id (idUtilisateur). It is attached to every
/// service of that structure (a public structure receives for all of them; a private one has none); each service
/// rattachement is named by the service's id and starts (<c>dateDbtService</c>, "YYYY-MM-DD HH:MM" Paris time) when
/// the account was created, with no end.
/// </summary>
public sealed class MyRattachements(CantateDbContext db)
{
    public const string TechnicalAccountRole = "COMPTE_TECHNIQUE";

    public async Task<IResult> HandleAsync(CproCaller caller, CproRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var page = CproPage.Read(request.Child("parametresRecherche", "parametres"), 10, 200);
        var createdAt = await db.TechnicalAccounts.Where(a => a.Id == caller.TechnicalAccountId).Select(a => a.CreatedAt).FirstAsync(cancellationToken);
        var structure = await db.Structures.AsNoTracking().FirstAsync(s => s.Id == caller.StructureId, cancellationToken);
        var services = await db.StructureServices.AsNoTracking().Where(x => x.StructureId == structure.Id)
            .OrderBy(x => x.Code).ThenBy(x => x.CppId).ToListAsync(cancellationToken);
        var since = CproDates.DateTime(createdAt);
        var rattachement = new
        {
            idStructure = structure.CppId,
            identifiantStructure = structure.Siret,
            designationStructure = structure.RaisonSociale,
            idRattachementStructure = caller.TechnicalAccountCppId,
            roleUtilisateur = TechnicalAccountRole,
            statutRattachementStructure = "VALIDEE",
            statutUtilisateur = "ACTIF",
            typeIdentifiantStructure = "SIRET",
            listeServicesRattache = services.Select(x => new
            {
                codeService = x.Code,
                dateDbtService = since,
                estActif = x.IsActive,
                idRattachementService = x.CppId,
                idService = x.CppId,
                libelleService = x.Label,
                statutRattachementService = "VALIDEE",
                statutService = x.IsActive ? "ACTIF" : "INACTIF",
            }),
        };
        return CproResults.Ok(new { listeStructureRattachement = page.Of([rattachement]), parametresRetour = page.Retour(1) });
    }
}
