using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Accounts.Pages;

/// <summary>"Mes notifications": the user chooses whether invoice events are e-mailed to the contact address.</summary>
[Authorize]
public sealed class NotificationsModel(CantateDbContext db) : PageModel
{
    [BindProperty] public bool InvoiceNotifications { get; set; }
    public string ContactEmail { get; private set; } = string.Empty;
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await CurrentAsync(cancellationToken);
        if (user is null) return Challenge();
        (InvoiceNotifications, ContactEmail) = (user.InvoiceNotifications, user.ContactEmail);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await CurrentAsync(cancellationToken);
        if (user is null) return Challenge();
        user.InvoiceNotifications = InvoiceNotifications;
        await db.SaveChangesAsync(cancellationToken);
        ContactEmail = user.ContactEmail;
        Saved = true;
        return Page();
    }

    private Task<User?> CurrentAsync(CancellationToken cancellationToken)
    {
        var id = StructureAccess.UserIdOf(User);
        return id is null ? Task.FromResult<User?>(null) : db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
    }
}
