using Cantate.Web.Modules.Accounts;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features.ProcessInvoice;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Operations.Tracking;

/// <summary>
/// <c>factures/v1/consulter/historique</c>, for either side of the invoice (oca sends the supplier's
/// identifiantFactureCPP as idFacture; pastell the recipient's idFacture: the same id). Statuses newest first, as
/// Chorus Pro sorts them unless asked otherwise; <c>nbResultatsMaximum</c> 0 (php) means "no limit", not "none".
/// The three lists and <c>derniereAction</c> are always objects, never null (php refuses null objects).
/// </summary>
public sealed class InvoiceHistory(TrackedInvoices tracked, InvoiceActions actions, CantateDbContext db)
{
    public async Task<IResult> HandleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var request = CproCaller.RequestOf(http);
        var viewed = await tracked.FindAsync(CproCaller.Of(http), request, null, cancellationToken, "idFacture", "identifiantFactureCPP");
        var invoice = viewed.Invoice;
        var history = invoice.History.OrderBy(e => e.Id).ToList();
        var actorIds = history.Where(e => e.ActorId is not null).Select(e => e.ActorId!.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var attachments = await actions.AttachmentsAsync(invoice.Id, cancellationToken);

        var statusPaging = request.Child("paramRechercheHistoStatuts");
        var statuses = Sorted(history.Where(e => e.Action == e.Status.Code()), statusPaging?.Text("triSensListeHistoStatut"));
        if (request.PositiveInt("nbResultatsMaximum", 0, int.MaxValue) is > 0 and var max) statuses = statuses.Take(max).ToList();
        var (statusPage, statusNumber, statusPages, statusSize, statusTotal) =
            SearchPage.Slice(statuses, statusPaging, "nbResultatsParPageListeHistoStatut", "pageResultatDemandeeListeHistoStatut");
        var actionPaging = request.Child("paramRechercheHistoActionsUtilisateurs");
        var (actionPage, actionNumber, actionPages, actionSize, actionTotal) = SearchPage.Slice(
            Sorted(history.Where(e => e.Action != e.Status.Code()), actionPaging?.Text("triSensListeHistoAction")),
            actionPaging, "nbResultatsParPageListeHistoAction", "pageResultatDemandeeListeHistoAction");
        var eventPaging = request.Child("paramRechercheHistoEvenementsComplementaires");
        var (eventPage, eventNumber, eventPages, eventSize, eventTotal) = SearchPage.Slice(attachments,
            eventPaging, "nbResultatsParPageListeHistoEvenement", "pageResultatDemandeeListeHistoEvenement");

        var last = history[^1];
        return CproResults.Ok(new
        {
            idFacture = invoice.CppId,
            numeroFacture = invoice.Number,
            modeDepot = invoice.DepositMode,
            statutCourantCode = invoice.Status.Code(),
            derniereAction = new { derniereActionCode = last.Action, derniereActionId = last.Id },
            historiquesDesStatuts = new
            {
                histoStatut = statusPage.Select(e => Entry("histoStatut", "DatePassage", e, users, viewed.Side, e.Comment)).ToList(),
                pageCouranteHistoStatut = statusNumber, pagesHistoStatut = statusPages, nbResultatsParPageHistoStatut = statusSize, totalHistoStatut = statusTotal,
            },
            historiquesDesActionsUtilisateurs = new
            {
                histoAction = actionPage.Select(e => Entry("histoAction", "DateHeure", e, users, viewed.Side, null)).ToList(),
                pageCouranteHistoAction = actionNumber, pagesHistoAction = actionPages, nbResultatsParPageHistoAction = actionSize, totalHistoAction = actionTotal,
            },
            historiquesDesEvenementsComplementaires = new
            {
                evenement = eventPage.Select(a => new
                {
                    evenementId = a.CppId,
                    evenementLibelle = $"Pièce jointe ajoutée : {a.FileName}",
                    evenementDateHeure = CproDates.DateTime(a.AddedAt),
                    evenementQui = a.AddedBy,
                }).ToList(),
                pageCouranteEvenement = eventNumber, pagesEvenement = eventPages, nbResultatsParPageEvenement = eventSize, totalEvenement = eventTotal,
            },
        });
    }

    /// <summary>
    /// One histoStatut or histoAction: the same fields under the list's prefix (go types the id as int32), those
    /// Cantate does not know left out.
    /// </summary>
    private static Dictionary<string, object> Entry(string prefix, string dateField, InvoiceEvent e, Dictionary<Guid, User> users, InvoiceSide viewer,
        string? comment)
    {
        var (nom, prenom, email) = Actor(e, users, viewer);
        var fields = new Dictionary<string, object?>
        {
            [prefix + "Id"] = checked((int)e.Id),
            [prefix + "Code"] = e.Action,
            [prefix + "Commentaire"] = comment,
            [prefix + dateField] = CproDates.DateTime(e.At),
            [prefix + "UtilisateurNom"] = nom,
            [prefix + "UtilisateurPrenom"] = prenom,
            [prefix + "UtilisateurEmail"] = email,
        };
        return fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!);
    }

    private static List<InvoiceEvent> Sorted(IEnumerable<InvoiceEvent> events, string? sense) =>
        sense?.StartsWith("Asc", StringComparison.OrdinalIgnoreCase) == true ? events.OrderBy(e => e.Id).ToList() : events.OrderByDescending(e => e.Id).ToList();

    /// <summary>
    /// Who made the change: a portal user's names, a technical account's login, or "Cantate". The e-mail address is
    /// only given to the actor's own side: the other party sees names, as on the portal.
    /// </summary>
    private static (string Nom, string? Prenom, string? Email) Actor(InvoiceEvent e, Dictionary<Guid, User> users, InvoiceSide viewer)
    {
        var sameSide = (e.ActorKind, viewer) is (InvoiceActorKind.Fournisseur, InvoiceSide.Supplier) or (InvoiceActorKind.Destinataire, InvoiceSide.Recipient);
        return e.ActorId is { } id && users.TryGetValue(id, out var user)
            ? (user.LastName, user.FirstName, sameSide ? user.ContactEmail : null)
            : (e.ActorName, null, null);
    }
}
