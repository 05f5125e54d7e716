using System.Globalization;
using Cantate.Web.Modules.Invoices.Features;
using Cantate.Web.Modules.Structures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cantate.Web.Modules.Invoices.Pages;

/// <summary>What the invoice lists share: the structure, the workspace check and the filters.</summary>
[Authorize]
public abstract class InvoiceListModel(StructureAccess access, ListInvoices list, Workspace workspace) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "structure")] public Guid StructureId { get; set; }
    [BindProperty(SupportsGet = true, Name = "statut")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "tiers")] public string? Party { get; set; }
    [BindProperty(SupportsGet = true, Name = "numero")] public string? Number { get; set; }
    [BindProperty(SupportsGet = true, Name = "du")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "au")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "min")] public string? MinAmount { get; set; }
    [BindProperty(SupportsGet = true, Name = "max")] public string? MaxAmount { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Membership Membership { get; private set; } = default!;
    public IReadOnlyList<InvoiceRow> Rows { get; private set; } = [];
    public abstract string PartyLabel { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = StructureAccess.UserIdOf(User);
        if (userId is null) return Challenge();
        var membership = await access.WorkspaceMembershipAsync(userId.Value, StructureId, workspace, cancellationToken);
        if (membership is null) return NotFound();
        Membership = membership;
        var filter = new InvoiceFilter(Status, Party, Date("du", From), Date("au", To),
            Amount("min", MinAmount), Amount("max", MaxAmount), Number, Math.Max(1, PageNumber));
        Rows = workspace switch
        {
            Workspace.FacturesEmises => await list.SentAsync(StructureId, filter, cancellationToken),
            Workspace.FacturesAValider => await list.ToValidateAsync(StructureId, filter, cancellationToken),
            _ => await list.ReceivedAsync(StructureId, filter, cancellationToken),
        };
        return Page();
    }

    private DateOnly? Date(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            || DateOnly.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out d)) return d;
        ModelState.AddModelError(field, $"La date « {value} » n'est pas valide : saisissez-la au format JJ/MM/AAAA.");
        return null;
    }

    private decimal? Amount(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var normalized = value.Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
        if (decimal.TryParse(normalized, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)) return amount;
        ModelState.AddModelError(field, $"Le montant « {value} » n'est pas un nombre : saisissez par exemple 1250,00.");
        return null;
    }
}

public sealed class SentInvoicesModel(StructureAccess access, ListInvoices list) : InvoiceListModel(access, list, Workspace.FacturesEmises)
{
    public override string PartyLabel => "Destinataire";
}

public sealed class ReceivedInvoicesModel(StructureAccess access, ListInvoices list) : InvoiceListModel(access, list, Workspace.FacturesRecues)
{
    public override string PartyLabel => "Fournisseur";
}

public sealed class InvoicesToValidateModel(StructureAccess access, ListInvoices list) : InvoiceListModel(access, list, Workspace.FacturesAValider)
{
    public override string PartyLabel => "Fournisseur";
}
