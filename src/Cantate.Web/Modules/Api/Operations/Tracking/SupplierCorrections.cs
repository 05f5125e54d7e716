using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features.ProcessInvoice;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Operations.Tracking;

/// <summary>
/// What the supplier's technical account does after the recipient's decision: <c>factures/v1/recycler</c> an
/// A_RECYCLER invoice (new recipient, service or engagement, checked against the directory at once; a field left
/// out keeps its value) and <c>factures/v1/completer</c> a SUSPENDUE one (a comment and files added beforehand with
/// ajouter/fichier by the same structure, copied to the invoice under Chorus Pro's attachment rules).
/// </summary>
public sealed class SupplierCorrections(TrackedInvoices tracked, InvoiceActions actions, DocumentStore documents, CantateDbContext db, TimeProvider clock)
{
    public async Task<IResult> RecycleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var (caller, request, viewed) = await FindAsync(http, InvoiceStatus.ARecycler, "recyclée", cancellationToken);
        var invoice = viewed.Invoice;
        var recipient = request.Child("destinataire");
        var references = request.Child("references", "reference");
        var problems = await actions.RecycleAsync(viewed, caller.TechnicalAccountId, caller.Login,
            recipient?.Text("codeDestinataire") ?? invoice.RecipientSiret, recipient?.Text("codeServiceExecutant") ?? invoice.ServiceCode,
            references?.Text("numeroBonCommande") ?? invoice.EngagementNumber, Comment(request), cancellationToken);
        if (problems.Count > 0)
        {
            var code = problems.Any(p => p.Rule == "RECYCLAGE") ? CproCodes.WrongStatus : CproCodes.InvoiceRefused;
            throw new CproException(code, "La facture n'est pas recyclée : " + string.Join(" ", problems.Select(p => p.Message)));
        }
        return Done(invoice);
    }

    public async Task<IResult> CompleteAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var (caller, request, viewed) = await FindAsync(http, InvoiceStatus.Suspendue, "complétée", cancellationToken);
        var invoice = viewed.Invoice;
        var comment = Comment(request);
        var ids = request.Children("pieceJointeComplementaire", "listePieceJointeComplementaire")
            .Select(p => p.Id("pieceJointeComplementaireId", "pieceJointeId")
                ?? throw p.Missing("pieceJointeComplementaireId", "le pieceJointeId rendu par transverses/v1/ajouter/fichier"))
            .Distinct().ToList();
        if (comment is null && ids.Count == 0)
            throw request.Missing("commentaire", "indiquez un commentaire ou des pièces jointes (pieceJointeComplementaire) pour compléter la facture");
        var wanted = ids.Where(id => id is > 0 and <= int.MaxValue).Select(id => (int)id).ToList();
        var files = await db.ApiFiles.Where(f => f.StructureId == caller.StructureId && wanted.Contains(f.CppId)).ToListAsync(cancellationToken);
        if (ids.FirstOrDefault(id => files.All(f => f.CppId != id)) is var unknown and not 0)
        {
            throw new CproException(CproCodes.NotFound,
                $"La pièce jointe {unknown} (pieceJointeComplementaireId) n'existe pas pour votre structure : ajoutez le fichier avec transverses/v1/ajouter/fichier et indiquez le pieceJointeId rendu.");
        }
        if (files.FirstOrDefault(f => f.InvoiceId is { } used && used != invoice.Id) is { } taken)
        {
            throw new CproException(CproCodes.InvalidField,
                $"La pièce jointe {taken.CppId} (« {taken.FileName} ») est déjà jointe à une autre facture : ajoutez-la de nouveau avec transverses/v1/ajouter/fichier.");
        }
        var offered = new List<CompletionFile>();
        foreach (var file in files.OrderBy(f => ids.IndexOf(f.CppId)))
        {
            // A copy: the invoice's documents do not depend on how long the API keeps its uploaded files.
            offered.Add(new CompletionFile(file.FileName, file.Size, file.MimeType, await documents.ReadAsync(file.StoragePath, cancellationToken)));
        }
        var problems = await actions.CheckAttachmentsAsync(invoice.Id, offered, cancellationToken);
        if (problems.Count > 0)
            throw new CproException(CproCodes.InvalidField, "Le champ « pieceJointeComplementaire » est refusé : " + string.Join(" ", problems));
        var attachments = await actions.StoreAttachmentsAsync(invoice.Id, offered, caller.Login, cancellationToken);
        files.ForEach(f => f.InvoiceId = invoice.Id);
        var error = await actions.CompleteAsync(viewed, caller.TechnicalAccountId, caller.Login, comment, attachments, cancellationToken);
        if (error is not null) throw new CproException(CproCodes.WrongStatus, error);
        return Done(invoice);
    }

    private static string? Comment(CproRequest request) => request.Text("commentaire") is { Length: > Invoice.MaxReasonLength } text
        ? throw new CproException(CproCodes.InvalidField,
            $"Le champ « commentaire » compte {text.Length} caractères : {Invoice.MaxReasonLength} au plus. Raccourcissez-le.")
        : request.Text("commentaire");

    /// <summary>The supplier's invoice named by the request, which must be at the status the action needs.</summary>
    private async Task<(CproCaller Caller, CproRequest Request, InvoiceActions.Viewed Viewed)> FindAsync(HttpContext http, InvoiceStatus expected,
        string done, CancellationToken cancellationToken)
    {
        var caller = CproCaller.Of(http);
        var request = CproCaller.RequestOf(http);
        var viewed = await tracked.FindAsync(caller, request, InvoiceSide.Supplier, cancellationToken, "identifiantFactureCPP", "idFacture");
        var invoice = viewed.Invoice;
        if (invoice.Status != expected)
        {
            throw new CproException(CproCodes.WrongStatus,
                $"GDP_MSG_11.033 La facture {invoice.Number} est au statut {invoice.Status.Code()} (« {invoice.Status.Label()} ») : seule une facture au statut {expected.Code()} peut être {done}.");
        }
        return (caller, request, viewed);
    }

    private IResult Done(Invoice invoice) => CproResults.Ok(new
    {
        identifiantFactureCPP = invoice.CppId,
        numeroFacture = invoice.Number,
        statutFacture = invoice.Status.Code(),
        dateTraitement = CproDates.Date(clock.GetUtcNow().UtcDateTime),
    });
}
