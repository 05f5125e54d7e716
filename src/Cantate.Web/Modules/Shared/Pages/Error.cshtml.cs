using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cantate.Web.Modules.Shared.Pages;

/// <summary>Error pages in French. Re-executed for any method, so it must not demand a form token itself.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Code { get; set; }
    public int StatusCodeShown => Code ?? 500;

    public void OnGet() { }

    public void OnPost() { }
}
