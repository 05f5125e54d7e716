using Cantate.Web.Modules.Structures.Features.ReviewRattachements;
using Cantate.Web.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Structures.Pages;

/// <summary>The user's home: the current structure, the role held there and the workspaces opened.</summary>
[Authorize]
public sealed class HomeModel(StructureAccess access, ReviewRattachements rattachements, CantateDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "structure")] public Guid? StructureId { get; set; }

    public IReadOnlyList<Membership> Memberships { get; private set; } = [];
    public Membership? Current { get; private set; }
    public int PendingRequests { get; private set; }
    public IReadOnlyList<string> OwnPendingRequests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = StructureAccess.UserIdOf(User);
        if (userId is null) return Challenge();
        Memberships = await access.ValidatedMembershipsAsync(userId.Value, cancellationToken);
        Current = Memberships.FirstOrDefault(m => m.StructureId == StructureId) ?? (Memberships.Count > 0 ? Memberships[0] : null);
        PendingRequests = (await rattachements.PendingForAsync(userId.Value, cancellationToken)).Count;
        OwnPendingRequests = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Status == MembershipStatus.EnCoursDeValidation)
            .Select(m => m.Structure!.RaisonSociale).ToListAsync(cancellationToken);
        return Page();
    }
}
