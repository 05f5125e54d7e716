using System.Globalization;
using System.Text.Json;
using Cantate.Web.Hosting;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cantate.Web.Modules.Invoices;

/// <summary>
/// Tells the supplier's users (those holding "Factures émises" who did not switch these e-mails off, at their contact
/// address) when their invoice is rejected, suspended, to be recycled or paid, or refused or sent back by its valideur;
/// and the valideur's users (holding "Factures à valider") when an A9/A12 invoice awaits them. Runs from the outbox,
/// one e-mail per user.
/// </summary>
public sealed class InvoiceStatusNotifications(CantateDbContext db, IOptions<CantateOptions> options, TimeProvider clock) : IOutboxHandler
{
    public const string Kind = "invoice-status-notification";

    public static readonly IReadOnlySet<InvoiceStatus> Notified = new HashSet<InvoiceStatus>
    {
        InvoiceStatus.Rejetee, InvoiceStatus.Suspendue, InvoiceStatus.ARecycler, InvoiceStatus.MiseEnPaiement,
        InvoiceStatus.AValider1, InvoiceStatus.Refusee1, InvoiceStatus.ErreurFournisseurSurValideur,
    };

    public sealed record Message(Guid InvoiceId, string Status);

    string IOutboxHandler.Kind => Kind;

    /// <summary>It only queues e-mails, which leave through their own outbox messages.</summary>
    bool IOutboxHandler.OnlyWritesDatabase => true;

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize<Message>(payload) ?? throw new InvalidOperationException("Empty notification message.");
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.History).FirstOrDefaultAsync(i => i.Id == message.InvoiceId, cancellationToken);
        if (invoice is null || InvoiceStatuses.FromCode(message.Status) is not { } status) return;
        var reason = invoice.History.LastOrDefault(h => h.Action == message.Status)?.Comment;
        if (status == InvoiceStatus.AValider1)
        {
            await ToValidatorAsync(invoice, cancellationToken);
            return;
        }
        var recipients = await db.Memberships.AsNoTracking()
            .Where(m => m.StructureId == invoice.SupplierStructureId && m.Status == MembershipStatus.Validee)
            .Join(db.Users.Where(u => u.InvoiceNotifications), m => m.UserId, u => u.Id, (m, u) => new { m.WorkspaceList, u.ContactEmail, u.FirstName, u.LastName })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/factures/{invoice.Id}?structure={invoice.SupplierStructureId}";
        foreach (var user in recipients.Where(r => Workspaces.Parse(r.WorkspaceList).Contains(Workspace.FacturesEmises)))
        {
            db.EnqueueEmail(new EmailMessage(user.ContactEmail, $"Facture {invoice.Number} : {status.Label().ToLower(CultureInfo.GetCultureInfo("fr-FR"))}",
                $"""
                Bonjour {user.FirstName} {user.LastName},

                Votre facture {invoice.Number} du {invoice.IssueDate.ToString("dd/MM/yyyy", CultureInfo.GetCultureInfo("fr-FR"))} adressée à {invoice.RecipientName ?? invoice.RecipientSiret}, d'un montant de {invoice.TotalWithVat.ToString("N2", CultureInfo.GetCultureInfo("fr-FR"))} {invoice.Currency}, est passée au statut « {status.Label()} ».
                {(reason is null ? "" : $"\nMotif : {reason}\n")}
                {WhatToDo(status)}

                {link}
                """), now);
        }
        // Database-only: the outbox worker saves the queued e-mails with the message's bookkeeping.
    }

    /// <summary>The valideur's users are told an invoice awaits them, with its deadline; only the valideur designated now.</summary>
    private async Task ToValidatorAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        if (invoice.Status != InvoiceStatus.AValider1 || invoice.ValidatorStructureId is not { } validatorId) return;
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        var users = await db.Memberships.AsNoTracking()
            .Where(m => m.StructureId == validatorId && m.Status == MembershipStatus.Validee)
            .Join(db.Users.Where(u => u.InvoiceNotifications), m => m.UserId, u => u.Id, (m, u) => new { m.WorkspaceList, u.ContactEmail, u.FirstName, u.LastName })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/factures/{invoice.Id}?structure={validatorId}";
        var role = Invoice.ValidatorRole(invoice.Cadre);
        var kind = role == "mandataire" ? "de cotraitant (A12)" : "de sous-traitant (A9)";
        var deadline = invoice.ValidationDeadline!.Value.ToString("dd/MM/yyyy", fr);
        foreach (var user in users.Where(r => Workspaces.Parse(r.WorkspaceList).Contains(Workspace.FacturesAValider)))
        {
            db.EnqueueEmail(new EmailMessage(user.ContactEmail, $"Facture {invoice.Number} de {invoice.SupplierName} à valider",
                $"""
                Bonjour {user.FirstName} {user.LastName},

                {invoice.SupplierName} vous désigne comme {role} pour valider sa facture {kind} {invoice.Number} du {invoice.IssueDate.ToString("dd/MM/yyyy", fr)}, adressée à {invoice.RecipientSiret}, d'un montant de {invoice.TotalWithVat.ToString("N2", fr)} {invoice.Currency}.

                Validez-la, refusez-la (avec un motif) ou indiquez que vous n'êtes pas le bon valideur dans l'espace « Factures à valider ».
                Sans réponse avant le {deadline}, elle sera réputée validée et transmise à son destinataire.

                {link}
                """), now);
        }
        // Database-only: the outbox worker saves the queued e-mails with the message's bookkeeping.
    }

    private static string WhatToDo(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Rejetee => "Le rejet est définitif : acquittez-le sur Cantate, puis émettez une nouvelle facture si besoin.",
        InvoiceStatus.Suspendue => "Complétez la facture sur Cantate (pièces jointes et commentaire) pour que son traitement reprenne.",
        InvoiceStatus.ARecycler => "Corrigez le destinataire, le code service ou l'engagement juridique sur Cantate : la facture garde son numéro.",
        InvoiceStatus.MiseEnPaiement => "Le paiement est émis par le comptable public.",
        InvoiceStatus.Refusee1 => "Le refus du valideur est définitif : la facture ne sera pas transmise à son destinataire. Émettez une nouvelle facture si besoin.",
        InvoiceStatus.ErreurFournisseurSurValideur =>
            "La structure désignée n'est pas le valideur de cette facture : désignez le bon titulaire ou mandataire sur Cantate (« Corriger le valideur ») ; la facture garde son numéro.",
        _ => string.Empty,
    };
}
