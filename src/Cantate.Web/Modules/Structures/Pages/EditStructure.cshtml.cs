using Cantate.Web.Modules.Structures.Features.EditStructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cantate.Web.Modules.Structures.Pages;

[Authorize]
public sealed class EditStructureModel(StructureAccess access, EditStructure edit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "structure")] public Guid StructureId { get; set; }
    [BindProperty] public string? RaisonSociale { get; set; }
    [BindProperty] public string? AddressLine { get; set; }
    [BindProperty] public string? AddressComplement { get; set; }
    [BindProperty] public string? PostalCode { get; set; }
    [BindProperty] public string? City { get; set; }
    public string Siret { get; private set; } = string.Empty;
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = StructureAccess.UserIdOf(User);
        if (userId is null) return Challenge();
        var membership = await access.ManagerMembershipAsync(userId.Value, StructureId, cancellationToken);
        if (membership is null) return NotFound();
        var s = membership.Structure!;
        (Siret, RaisonSociale, AddressLine, AddressComplement, PostalCode, City) = (s.Siret, s.RaisonSociale, s.AddressLine, s.AddressComplement, s.PostalCode, s.City);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = StructureAccess.UserIdOf(User);
        if (userId is null) return Challenge();
        var errors = await edit.HandleAsync(userId.Value, StructureId,
            new EditStructure.Input(RaisonSociale, AddressLine, AddressComplement, PostalCode, City), cancellationToken);
        if (errors is null) return NotFound();
        foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
        Saved = errors.Count == 0;
        Siret = (await access.MembershipAsync(userId.Value, StructureId, cancellationToken))?.Structure?.Siret ?? string.Empty;
        return Page();
    }
}
