using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Api.Operations.Referentiel;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Operations.Structures;

/// <summary>
/// <c>POST /cpro/structures/v1/consulter/service</c>: one service of a visible structure, by <c>idStructure</c> and
/// <c>idService</c>. <c>parametres.numeroEngagement</c> tells oca whether an invoice to this service must carry an
/// engagement juridique: the service's own rule or its structure's. <c>miseEnPaiement</c> is true unless the
/// structure does not report the MISE_EN_PAIEMENT status. The four dates follow the Swagger and pastell's fixture
/// (RFC 3339 date-time), not go's "YYYY-MM-DD HH:MM" (§D12: go's ConsulterService fails on real PISTE too). The
/// platform keeps no service dates: only the default service, created with its structure, carries its creation and
/// start of validity; the others leave them out.
/// </summary>
public sealed class ConsultService(CantateDbContext db)
{
    public async Task<IResult> HandleAsync(CproCaller caller, CproRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        CproChoices.Language(request);
        var structure = await VisibleStructures.FindAsync(db, caller, request, cancellationToken, "idStructure", "idStructureCPP");
        var id = request.Id("idService") ?? throw request.Missing("idService", "donnez l'idService que renvoie structures/v1/rechercher/services");
        StructureService? service = null;
        if (id is > 0 and <= int.MaxValue)
        {
            var cppId = (int)id;
            service = await db.StructureServices.AsNoTracking().FirstOrDefaultAsync(x => x.CppId == cppId && x.StructureId == structure.Id, cancellationToken);
        }
        if (service is null)
        {
            throw new CproException(CproCodes.NotFound,
                $"La structure {structure.CppId} n'a pas de service d'identifiant {id} : utilisez un idService que renvoie structures/v1/rechercher/services pour cette structure.");
        }
        var created = service.Code == StructureService.DefaultCode ? CproDates.Timestamp(structure.CreatedAt) : null;
        return CproResults.Ok(new
        {
            informationsGenerales = new { codeService = service.Code, descriptionService = service.Label, nomService = service.Label },
            adressePostale = VisibleStructures.PostalAddress(structure, caller),
            parametres = new
            {
                numeroEngagement = service.EngagementRequired || structure.EngagementRequired,
                miseEnPaiement = !structure.PaymentStatusNotReported,
                dateCreation = created,
                dateDebutValidite = created,
            },
        });
    }
}
