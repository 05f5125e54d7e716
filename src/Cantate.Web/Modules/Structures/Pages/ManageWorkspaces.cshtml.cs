using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cantate.Web.Modules.Structures.Pages;

/// <summary>"Mes espaces de travail": the user opens or closes the workspaces held on the current structure.</summary>
[Authorize]
public sealed class ManageWorkspacesModel(StructureAccess access, Features.ManageWorkspaces.ManageWorkspaces manage) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "structure")] public Guid StructureId { get; set; }
    [BindProperty] public List<string> Chosen { get; set; } = [];
    public string StructureName { get; private set; } = string.Empty;
    public IReadOnlyList<Workspace> Offered { get; private set; } = [];
    public IReadOnlySet<Workspace> Held { get; private set; } = new HashSet<Workspace>();
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = StructureAccess.UserIdOf(User);
        if (userId is null) return Challenge();
        var membership = await access.MembershipAsync(userId.Value, StructureId, cancellationToken);
        if (membership is null) return NotFound();
        Show(membership);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = StructureAccess.UserIdOf(User);
        if (userId is null) return Challenge();
        var saved = await manage.HandleAsync(userId.Value, StructureId, Workspaces.Parse(string.Join(',', Chosen)), cancellationToken);
        if (saved is null) return NotFound();
        Saved = true;
        Show(saved);
        return Page();
    }

    private void Show(Membership membership)
    {
        StructureName = membership.Structure!.RaisonSociale;
        Held = membership.Workspaces;
        Offered = Features.ManageWorkspaces.ManageWorkspaces.Offered(Held);
    }
}
