using Cantate.Web.Hosting;
using Cantate.Web.Modules.Accounts.Features.CreateAccount;
using Cantate.Web.Modules.Structures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Cantate.Web.Modules.Accounts.Pages.CreateAccount;

[EnableRateLimiting(WebSecurity.AccountCreationPolicy)]
public sealed class InformationModel(AccountRequestDraftStore drafts, Features.CreateAccount.CreateAccount create) : PageModel
{
    public AccountRequestDraft Draft { get; private set; } = default!;

    [BindProperty] public string? RaisonSociale { get; set; }
    [BindProperty] public string? AddressLine { get; set; }
    [BindProperty] public string? AddressComplement { get; set; }
    [BindProperty] public string? PostalCode { get; set; }
    [BindProperty] public string? City { get; set; }
    [BindProperty] public string? CountryCode { get; set; }
    [BindProperty] public string? LastName { get; set; }
    [BindProperty] public string? FirstName { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public bool DepositsPaymentRequests { get; set; }
    [BindProperty] public bool UsesDume { get; set; }

    public bool ShowContactOption => ContactEmail is not null && !string.Equals(ContactEmail, Draft.LoginEmail, StringComparison.OrdinalIgnoreCase)
        || ModelState.ContainsKey(nameof(ContactEmail)) && ModelState[nameof(ContactEmail)]!.Errors.Count > 0;

    public IActionResult OnGet()
    {
        var draft = drafts.Read(HttpContext);
        if (draft is null) return RedirectToPage("Identify");
        Draft = draft;
        RaisonSociale = draft.RaisonSociale;
        AddressLine = draft.AddressLine;
        AddressComplement = draft.AddressComplement;
        PostalCode = draft.PostalCode;
        City = draft.City;
        CountryCode = draft.CountryCode;
        LastName = draft.LastName;
        FirstName = draft.FirstName;
        ContactEmail = draft.ContactEmail ?? draft.LoginEmail;
        DepositsPaymentRequests = draft.DepositsPaymentRequests;
        UsesDume = draft.UsesDume;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var draft = drafts.Read(HttpContext);
        if (draft is null) return RedirectToPage("Identify");
        var (updated, errors) = CompleteInformation.Apply(draft, new CompleteInformation.Input(
            RaisonSociale, AddressLine, AddressComplement, PostalCode, City, CountryCode, LastName, FirstName, ContactEmail,
            DepositsPaymentRequests, UsesDume));
        Draft = updated;
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
            return Page();
        }
        if (updated.ExistingStructureId is not null)
        {
            // The structure is already on the platform: no step 3, the request goes to its gestionnaire principal.
            await create.HandleAsync(updated, new HashSet<Workspace>(), cancellationToken);
            drafts.Clear(HttpContext);
            return RedirectToPage("Done", new { rattachement = true });
        }
        drafts.Write(HttpContext, updated);
        return RedirectToPage("Workspaces");
    }
}
