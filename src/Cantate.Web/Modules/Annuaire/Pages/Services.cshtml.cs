using Cantate.Web.Modules.Annuaire.Features.ManageServices;
using Cantate.Web.Modules.Structures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cantate.Web.Modules.Annuaire.Pages;

/// <summary>Services and routing rules of a public structure, for its gestionnaires.</summary>
[Authorize]
public sealed class ServicesModel(ManageServices manage) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "structure")] public Guid StructureId { get; set; }
    [BindProperty] public Guid ServiceId { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Libelle { get; set; }
    [BindProperty] public bool EngagementJuridique { get; set; }
    [BindProperty] public bool CodeServiceObligatoire { get; set; }
    [BindProperty] public bool EngagementObligatoire { get; set; }
    [BindProperty] public bool ServiceOuEngagement { get; set; }
    [BindProperty] public bool MiseEnPaiementNonRemontee { get; set; }

    public ManageServices.View View { get; private set; } = default!;
    public string? Message { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(null, cancellationToken);

    public Task<IActionResult> OnPostReglesAsync(CancellationToken cancellationToken) => Act(async user =>
        await manage.SetRulesAsync(user, StructureId, new ManageServices.Rules(CodeServiceObligatoire, EngagementObligatoire, ServiceOuEngagement, MiseEnPaiementNonRemontee), cancellationToken)
            ? "Les règles de facturation sont enregistrées." : null, cancellationToken);

    public Task<IActionResult> OnPostAjouterAsync(CancellationToken cancellationToken) => Act(async user =>
        Saved(await manage.AddAsync(user, StructureId, Code, Libelle, EngagementJuridique, cancellationToken), $"Le service {Code?.Trim()} est ajouté."), cancellationToken);

    public Task<IActionResult> OnPostModifierAsync(CancellationToken cancellationToken) => Act(async user =>
        Saved(await manage.UpdateAsync(user, StructureId, ServiceId, Libelle, EngagementJuridique, cancellationToken), "Le service est enregistré."), cancellationToken);

    public Task<IActionResult> OnPostDesactiverAsync(CancellationToken cancellationToken) => SetActiveAsync(false, cancellationToken);

    public Task<IActionResult> OnPostReactiverAsync(CancellationToken cancellationToken) => SetActiveAsync(true, cancellationToken);

    private Task<IActionResult> SetActiveAsync(bool active, CancellationToken cancellationToken) => Act(async user =>
    {
        var error = await manage.SetActiveAsync(user, StructureId, ServiceId, active, cancellationToken);
        if (error is null) return null;
        if (error.Length > 0)
        {
            ModelState.AddModelError("services", error);
            return string.Empty;
        }
        return active ? "Le service est réactivé." : "Le service est désactivé : il ne reçoit plus de factures.";
    }, cancellationToken);

    /// <summary>Runs a change; null from it means not found. The page is shown again with its message or errors.</summary>
    private async Task<IActionResult> Act(Func<Guid, Task<string?>> change, CancellationToken cancellationToken)
    {
        if (StructureAccess.UserIdOf(User) is not { } user) return Challenge();
        var message = await change(user);
        return message is null ? NotFound() : await ShowAsync(message.Length == 0 ? null : message, cancellationToken);
    }

    private string? Saved(Dictionary<string, string>? errors, string message)
    {
        if (errors is null) return null;
        foreach (var (field, error) in errors) ModelState.AddModelError(field, error);
        return errors.Count == 0 ? message : string.Empty;
    }

    private async Task<IActionResult> ShowAsync(string? message, CancellationToken cancellationToken)
    {
        if (StructureAccess.UserIdOf(User) is not { } user) return Challenge();
        var view = await manage.LoadAsync(user, StructureId, cancellationToken);
        if (view is null) return NotFound();
        View = view;
        Message = ModelState.IsValid ? message : null;
        if (ModelState.IsValid)
        {
            (Code, Libelle, EngagementJuridique) = (null, null, false);
            ModelState.Clear();
        }
        return Page();
    }

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
