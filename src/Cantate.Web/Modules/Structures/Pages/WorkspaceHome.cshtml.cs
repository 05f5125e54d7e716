using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cantate.Web.Modules.Structures.Pages;

/// <summary>The entry page of a workspace; only users holding that workspace on the structure see it.</summary>
[Authorize]
public sealed class WorkspaceHomeModel(StructureAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Slug { get; set; }
    [BindProperty(SupportsGet = true, Name = "structure")] public Guid StructureId { get; set; }
    public Workspace Workspace { get; private set; }
    public Membership Membership { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = StructureAccess.UserIdOf(User);
        if (userId is null) return Challenge();
        if (Workspaces.FromSlug(Slug) is not { } workspace) return NotFound();
        var membership = await access.WorkspaceMembershipAsync(userId.Value, StructureId, workspace, cancellationToken);
        if (membership is null) return NotFound();
        (Workspace, Membership) = (workspace, membership);
        return Page();
    }
}
