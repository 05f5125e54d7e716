using Cantate.Web.Modules.Annuaire.Features.SearchAnnuaire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cantate.Web.Modules.Annuaire.Pages;

/// <summary>"Annuaire des structures publiques": open to everyone, signed in or not.</summary>
[AllowAnonymous]
public sealed class SearchModel(SearchAnnuaire search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    public SearchAnnuaire.Results? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        // "page" is also Razor Pages' own route value, so it is read from the query string itself.
        var page = int.TryParse(Request.Query["page"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 1;
        var outcome = await search.HandleAsync(Query, page, cancellationToken);
        if (outcome.Error is not null) ModelState.AddModelError("q", outcome.Error);
        Results = outcome.Results;
    }

    public string PageLink(int page) => $"/annuaire?q={Uri.EscapeDataString(Query?.Trim() ?? string.Empty)}&page={page.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
