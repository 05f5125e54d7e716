using Cantate.Web.Modules.Annuaire.Features.ViewStructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cantate.Web.Modules.Annuaire.Pages;

/// <summary>A public structure's fiche: what an invoice to it must carry, and its active services.</summary>
[AllowAnonymous]
public sealed class FicheModel(ViewStructure view) : PageModel
{
    public ViewStructure.Fiche Fiche { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string? siret, CancellationToken cancellationToken)
    {
        var fiche = await view.HandleAsync(siret, cancellationToken);
        if (fiche is null) return NotFound();
        Fiche = fiche;
        return Page();
    }
}
