using Cantate.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Cantate.Web.Modules.Accounts.Pages;

[EnableRateLimiting(WebSecurity.SignInPolicy)]
public sealed class SignInModel(Features.SignIn.SignIn signIn) : PageModel
{
    [BindProperty] public string? LoginEmail { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await signIn.HandleAsync(LoginEmail, Password, cancellationToken);
        if (result.User is null)
        {
            Error = result.Error;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountsModule.PrincipalFor(result.User));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/accueil");
    }
}
