using Cantate.Web.Hosting;
using Cantate.Web.Modules.Accounts.Features.CreateAccount;
using Cantate.Web.Modules.Structures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Cantate.Web.Modules.Accounts.Pages.CreateAccount;

[EnableRateLimiting(WebSecurity.AccountCreationPolicy)]
public sealed class WorkspacesModel(AccountRequestDraftStore drafts, Features.CreateAccount.CreateAccount create) : PageModel
{
    public AccountRequestDraft Draft { get; private set; } = default!;
    public IReadOnlyList<Workspace> Offered { get; private set; } = [];
    public IReadOnlySet<Workspace> Selected { get; private set; } = new HashSet<Workspace>();

    [BindProperty] public List<string> Chosen { get; set; } = [];

    public IActionResult OnGet()
    {
        if (!Load()) return RedirectToPage("Identify");
        Selected = Structures.Workspaces.DefaultsFor(Draft.IsPublic, Draft.DepositsPaymentRequests);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Load()) return RedirectToPage("Identify");
        var chosen = Structures.Workspaces.Parse(string.Join(',', Chosen)).Where(Offered.Contains).ToHashSet();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError("Chosen", "Ouvrez au moins un espace de travail : sans espace, votre compte ne donne accès à aucune fonctionnalité.");
            Selected = chosen;
            return Page();
        }
        await create.HandleAsync(Draft, chosen, cancellationToken);
        drafts.Clear(HttpContext);
        return RedirectToPage("Done");
    }

    private bool Load()
    {
        var draft = drafts.Read(HttpContext);
        if (draft is null || !draft.InformationComplete || draft.ExistingStructureId is not null) return false;
        Draft = draft;
        Offered = Structures.Workspaces.OfferedAtCreation(draft.UsesDume).ToList();
        return true;
    }
}
