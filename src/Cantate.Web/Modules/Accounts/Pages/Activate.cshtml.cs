using Cantate.Web.Modules.Accounts.Features.ActivateAccount;
using Cantate.Web.Modules.Accounts.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cantate.Web.Modules.Accounts.Pages;

public sealed class ActivateModel(ActivateAccount activate) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "jeton")] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? PasswordConfirmation { get; set; }
    [BindProperty] public string? SecretQuestion { get; set; }
    [BindProperty] public string? SecretAnswer { get; set; }

    public bool LinkIsDead { get; private set; }
    public bool Activated { get; private set; }
    public IReadOnlyList<(string Code, string Label)> Questions => SecretQuestions.All;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        LinkIsDead = !await activate.IsLinkLiveAsync(Token, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = await activate.HandleAsync(new ActivateAccount.Input(Token, Password, PasswordConfirmation, SecretQuestion, SecretAnswer), cancellationToken);
        if (errors.ContainsKey("Token"))
        {
            LinkIsDead = true;
            return Page();
        }
        foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
        Activated = errors.Count == 0;
        return Page();
    }
}
