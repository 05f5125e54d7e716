using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Operations.Structures;

/// <summary>
/// <c>POST /cpro/transverses/v1/recuperer/structures/actives/fournisseur</c> and <c>.../destinataire</c>. In Chorus Pro
/// they list the active structures the user is attached to and may act for in "Factures émises" (fournisseur) or
/// "Factures reçues" (destinataire); clients call them to learn their own idStructureCPP (php compares it with
/// idStructure, pastell takes the recipient's). A technical account acts for its one structure, so each lists that
/// structure or nothing: as fournisseur when the structure deposits payment requests, as destinataire when it is a
/// public structure that receives invoices (active in the annuaire). Never the annuaire itself: the public
/// structures one may invoice are found with structures/v1/rechercher and transverses/v1/rechercher/destinataire.
/// </summary>
public sealed class ActiveStructures(CantateDbContext db)
{
    public enum Space
    {
        Fournisseur,
        Destinataire,
    }

    public async Task<IResult> HandleAsync(CproCaller caller, Space space, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var own = db.Structures.Where(s => s.Id == caller.StructureId);
        own = space == Space.Fournisseur ? own.Where(s => s.DepositsPaymentRequests) : own.Where(s => s.IsPublic && s.IsActive);
        var structures = await own.Select(s => new { idStructureCPP = s.CppId, identifiant = s.Siret, designationStructure = s.RaisonSociale })
            .ToListAsync(cancellationToken);
        return CproResults.Ok(CproPage.Flat("listeStructures", structures));
    }
}
