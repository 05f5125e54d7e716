using Cantate.Web.Modules.Structures.Features.ReviewRattachements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cantate.Web.Modules.Structures.Pages;

[Authorize]
public sealed class RattachementsModel(ReviewRattachements review) : PageModel
{
    public IReadOnlyList<ReviewRattachements.PendingRequest> Pending { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = StructureAccess.UserIdOf(User);
        if (userId is null) return Challenge();
        Pending = await review.PendingForAsync(userId.Value, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAccepterAsync(Guid demande, CancellationToken cancellationToken) => DecideAsync(demande, true, cancellationToken);

    public Task<IActionResult> OnPostRefuserAsync(Guid demande, CancellationToken cancellationToken) => DecideAsync(demande, false, cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid membershipId, bool accept, CancellationToken cancellationToken)
    {
        var userId = StructureAccess.UserIdOf(User);
        if (userId is null) return Challenge();
        if (!await review.DecideAsync(userId.Value, membershipId, accept, cancellationToken)) return NotFound();
        Message = accept ? "La demande de rattachement est acceptée ; le demandeur est prévenu par courriel."
                         : "La demande de rattachement est refusée ; le demandeur est prévenu par courriel.";
        Pending = await review.PendingForAsync(userId.Value, cancellationToken);
        return Page();
    }
}
