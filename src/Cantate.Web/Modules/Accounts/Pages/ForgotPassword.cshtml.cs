using Cantate.Web.Hosting;
using Cantate.Web.Modules.Accounts.Features.RecoverPassword;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Cantate.Web.Modules.Accounts.Pages;

[EnableRateLimiting(WebSecurity.RecoveryPolicy)]
public sealed class ForgotPasswordModel(RecoverPassword recover) : PageModel
{
    [BindProperty] public string? LoginEmail { get; set; }
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var error = EmailAddresses.Check(LoginEmail, "de connexion");
        if (error is not null)
        {
            ModelState.AddModelError(nameof(LoginEmail), error);
            return Page();
        }
        await recover.RequestAsync(LoginEmail, cancellationToken);
        Sent = true;
        return Page();
    }
}
