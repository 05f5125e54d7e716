using Cantate.Web.Hosting;
using Cantate.Web.Modules.Accounts.Features.RecoverPassword;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Cantate.Web.Modules.Accounts.Pages;

[EnableRateLimiting(WebSecurity.RecoveryPolicy)]
public sealed class ResetPasswordModel(RecoverPassword recover) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "jeton")] public string? Token { get; set; }
    [BindProperty] public string? SecretAnswer { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? PasswordConfirmation { get; set; }

    public string? Question { get; private set; }
    public bool LinkIsDead { get; private set; }
    public bool Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Question = await recover.QuestionForAsync(Token, cancellationToken);
        LinkIsDead = Question is null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = await recover.ResetAsync(new RecoverPassword.Input(Token, SecretAnswer, Password, PasswordConfirmation), cancellationToken);
        if (errors.TryGetValue("Token", out _))
        {
            LinkIsDead = true;
            return Page();
        }
        Done = errors.Count == 0;
        if (!Done)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
            Question = await recover.QuestionForAsync(Token, cancellationToken);
            LinkIsDead = Question is null;
        }
        return Page();
    }
}
