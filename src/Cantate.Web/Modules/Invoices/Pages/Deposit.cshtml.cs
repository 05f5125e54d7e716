using Cantate.Web.Modules.Invoices.Features.DepositInvoice;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Modules.Structures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cantate.Web.Modules.Invoices.Pages;

/// <summary>"Déposer une facture": a UBL, CII or Factur-X file, checked at once.</summary>
[Authorize]
[RequestSizeLimit(DepositInvoice.MaxFileBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = DepositInvoice.MaxFileBytes + 1024 * 1024)]
public sealed class DepositModel(StructureAccess access, DepositInvoice deposit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "structure")] public Guid StructureId { get; set; }
    [BindProperty] public IFormFile? Fichier { get; set; }

    public Membership Membership { get; private set; } = default!;
    public DepositInvoice.Result? Result { get; private set; }
    public string? FileName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (Fichier is null)
        {
            ModelState.AddModelError(nameof(Fichier), "Choisissez le fichier de la facture à déposer (UBL, CII ou PDF Factur-X).");
            return Page();
        }
        FileName = Path.GetFileName(Fichier.FileName);
        using var buffer = new MemoryStream();
        await Fichier.CopyToAsync(buffer, cancellationToken);
        Result = await deposit.HandleAsync(StructureId, StructureAccess.UserIdOf(User), User.Identity?.Name ?? "Utilisateur", "PORTAIL",
            FileName, buffer.ToArray(), cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var userId = StructureAccess.UserIdOf(User);
        if (userId is null) return false;
        var membership = await access.WorkspaceMembershipAsync(userId.Value, StructureId, Workspace.FacturesEmises, cancellationToken);
        if (membership is null) return false;
        Membership = membership;
        return true;
    }

    public static string Field(DepositProblem problem) =>
        string.IsNullOrEmpty(problem.BusinessTerm) ? "—" : problem.BusinessTerm;
}
