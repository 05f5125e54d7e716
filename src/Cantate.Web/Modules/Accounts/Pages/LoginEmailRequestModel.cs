using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cantate.Web.Modules.Accounts.Pages;

/// <summary>
/// A form that takes a login address and sends something to it if an account fits, answering the same either way
/// ("Mot de passe oublié", "Renvoyer le courriel d'activation").
/// </summary>
public abstract class LoginEmailRequestModel : PageModel
{
    [BindProperty] public string? LoginEmail { get; set; }
    public bool Sent { get; private set; }

    protected abstract Task SendAsync(string loginEmail, CancellationToken cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var error = EmailAddresses.Check(LoginEmail, "de connexion");
        if (error is not null)
        {
            ModelState.AddModelError(nameof(LoginEmail), error);
            return Page();
        }
        await SendAsync(LoginEmail!, cancellationToken);
        Sent = true;
        return Page();
    }
}
