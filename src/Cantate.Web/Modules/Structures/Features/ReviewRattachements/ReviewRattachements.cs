using Cantate.Web.Modules.Accounts;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Structures.Features.ReviewRattachements;

/// <summary>A gestionnaire accepts or refuses the pending "demandes de rattachement" to the structures they manage.</summary>
public sealed class ReviewRattachements(CantateDbContext db, StructureAccess access, TimeProvider clock)
{
    public sealed record PendingRequest(Guid MembershipId, Guid StructureId, string StructureName, string Siret,
        string RequesterName, string RequesterEmail, bool RequesterActivated, DateTime RequestedAt);

    public async Task<List<PendingRequest>> PendingForAsync(Guid managerId, CancellationToken cancellationToken)
    {
        var managed = (await access.ValidatedMembershipsAsync(managerId, cancellationToken))
            .Where(m => m.Role.ManagesStructure()).Select(m => m.StructureId).ToList();
        return await db.Memberships.AsNoTracking()
            .Where(m => managed.Contains(m.StructureId) && m.Status == MembershipStatus.EnCoursDeValidation)
            .OrderBy(m => m.RequestedAt)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new PendingRequest(
                m.Id, m.StructureId, m.Structure!.RaisonSociale, m.Structure.Siret,
                u.FirstName + " " + u.LastName, u.LoginEmail, u.Status == UserStatus.Actif, m.RequestedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>False when the request does not exist, is already decided, or the user does not manage its structure.</summary>
    public async Task<bool> DecideAsync(Guid managerId, Guid membershipId, bool accept, CancellationToken cancellationToken)
    {
        var request = await db.Memberships.Include(m => m.Structure)
            .FirstOrDefaultAsync(m => m.Id == membershipId && m.Status == MembershipStatus.EnCoursDeValidation, cancellationToken);
        if (request is null || await access.ManagerMembershipAsync(managerId, request.StructureId, cancellationToken) is null) return false;

        var now = clock.GetUtcNow().UtcDateTime;
        request.Status = accept ? MembershipStatus.Validee : MembershipStatus.Refusee;
        request.DecidedAt = now;
        request.DecidedBy = managerId;
        var requester = await db.Users.FirstAsync(u => u.Id == request.UserId, cancellationToken);
        db.EnqueueEmail(AccountEmails.RattachementDecided(requester, request.Structure!.RaisonSociale, accept), now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
