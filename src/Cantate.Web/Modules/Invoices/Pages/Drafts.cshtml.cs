using Cantate.Web.Modules.Invoices.Features.EnterInvoice;
using Cantate.Web.Modules.Structures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cantate.Web.Modules.Invoices.Pages;

/// <summary>"Brouillons": the invoices being typed and saved, to reopen or delete. None of them was sent.</summary>
[Authorize]
public sealed class DraftsModel(StructureAccess access, EnterInvoice enter) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "structure")] public Guid StructureId { get; set; }
    [BindProperty(Name = "brouillon")] public Guid? DraftId { get; set; }

    public IReadOnlyList<EnterInvoice.DraftRow> Drafts { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(cancellationToken)) return NotFound();
        Drafts = await enter.ListDraftsAsync(StructureId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSupprimerAsync(CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(cancellationToken)) return NotFound();
        if (DraftId is not { } id || !await enter.DeleteDraftAsync(StructureId, id, cancellationToken)) return NotFound();
        Message = "Le brouillon est supprimé.";
        Drafts = await enter.ListDraftsAsync(StructureId, cancellationToken);
        return Page();
    }

    private async Task<bool> AuthorizeAsync(CancellationToken cancellationToken)
    {
        var userId = StructureAccess.UserIdOf(User);
        return userId is not null
            && await access.WorkspaceMembershipAsync(userId.Value, StructureId, Workspace.FacturesEmises, cancellationToken) is not null;
    }
}
