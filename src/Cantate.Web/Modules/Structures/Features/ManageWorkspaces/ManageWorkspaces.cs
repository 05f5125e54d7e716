using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Structures.Features.ManageWorkspaces;

/// <summary>
/// A user opens or closes the workspaces ("espaces de travail") held on a structure after the account was created:
/// a titulaire that starts receiving sous-traitants' invoices opens "Factures à valider", for instance.
/// </summary>
public sealed class ManageWorkspaces(CantateDbContext db)
{
    /// <summary>What the user may hold on that structure: as at account creation; DUME only for whoever already holds it.</summary>
    public static IReadOnlyList<Workspace> Offered(IReadOnlySet<Workspace> held) =>
        Workspaces.OfferedAtCreation(dume: held.Contains(Workspace.Dume)).ToList();

    /// <summary>Null when the user is not validly attached to the structure; otherwise the membership, with its structure, as saved.</summary>
    public async Task<Membership?> HandleAsync(Guid userId, Guid structureId, IEnumerable<Workspace> chosen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        var membership = await db.Memberships.Include(m => m.Structure)
            .FirstOrDefaultAsync(m => m.UserId == userId && m.StructureId == structureId && m.Status == MembershipStatus.Validee, cancellationToken);
        if (membership is null) return null;
        var offered = Offered(membership.Workspaces);
        membership.WorkspaceList = Workspaces.Serialize(chosen.Where(offered.Contains));
        await db.SaveChangesAsync(cancellationToken);
        return membership;
    }
}
