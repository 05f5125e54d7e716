using Cantate.Web.Hosting;
using Cantate.Web.Modules.Accounts.Features.CreateAccount;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Cantate.Web.Modules.Accounts.Pages.CreateAccount;

[EnableRateLimiting(WebSecurity.AccountCreationPolicy)]
public sealed class IdentifyModel(IdentifyRequester identify, AccountRequestDraftStore drafts) : PageModel
{
    [BindProperty] public string? LoginEmail { get; set; }
    [BindProperty] public string? Siret { get; set; }

    public void OnGet()
    {
        var draft = drafts.Read(HttpContext);
        LoginEmail = draft?.LoginEmail;
        Siret = draft?.Siret;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await identify.HandleAsync(LoginEmail, Siret, cancellationToken);
        if (result.Draft is null || result.Errors.Count > 0)
        {
            foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
            return Page();
        }
        drafts.Write(HttpContext, result.Draft);
        return RedirectToPage("Information");
    }
}
