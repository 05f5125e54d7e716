using System.Security.Claims;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Structures;

public static class StructureQueries
{
    /// <summary>True when a gestionnaire (principal or secondaire) is validly attached to the structure.</summary>
    public static Task<bool> HasManagerAsync(this CantateDbContext db, Guid structureId, CancellationToken cancellationToken) =>
        db.Memberships.AnyAsync(m => m.StructureId == structureId && m.Status == MembershipStatus.Validee
            && (m.Role == StructureRole.GestionnairePrincipal || m.Role == StructureRole.GestionnaireSecondaire), cancellationToken);
}

/// <summary>
/// The one place that answers "may this user act on this structure?". Every page and endpoint asks it on the
/// server; a structure the user is not validly attached to is reported as not found, never as forbidden.
/// </summary>
public sealed class StructureAccess(CantateDbContext db)
{
    public static Guid? UserIdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The user's validated memberships, with their structures, most recent first.</summary>
    public Task<List<Membership>> ValidatedMembershipsAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().Include(m => m.Structure)
            .Where(m => m.UserId == userId && m.Status == MembershipStatus.Validee)
            .OrderBy(m => m.RequestedAt).ToListAsync(cancellationToken);

    /// <summary>The validated membership of the user on that structure, or null.</summary>
    public Task<Membership?> MembershipAsync(Guid userId, Guid structureId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().Include(m => m.Structure)
            .FirstOrDefaultAsync(m => m.UserId == userId && m.StructureId == structureId && m.Status == MembershipStatus.Validee, cancellationToken);

    /// <summary>The membership when the user holds this workspace on that structure, or null.</summary>
    public async Task<Membership?> WorkspaceMembershipAsync(Guid userId, Guid structureId, Workspace workspace, CancellationToken cancellationToken)
    {
        var membership = await MembershipAsync(userId, structureId, cancellationToken);
        return membership is not null && membership.Workspaces.Contains(workspace) ? membership : null;
    }

    /// <summary>The membership when the user is a gestionnaire (principal or secondaire) of that structure, or null.</summary>
    public async Task<Membership?> ManagerMembershipAsync(Guid userId, Guid structureId, CancellationToken cancellationToken)
    {
        var membership = await MembershipAsync(userId, structureId, cancellationToken);
        return membership is not null && membership.Role.ManagesStructure() ? membership : null;
    }
}
