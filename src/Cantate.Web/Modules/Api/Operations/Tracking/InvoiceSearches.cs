using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features;
using Cantate.Web.Modules.Invoices.Features.ProcessInvoice;
using Cantate.Web.Persistence;

namespace Cantate.Web.Modules.Api.Operations.Tracking;

/// <summary>
/// <c>factures/v1/rechercher/fournisseur</c> (the invoices the caller's structure issued) and
/// <c>factures/v1/rechercher/recipiendaire</c> (those made available to it), and <c>rechercher/valideur</c>. A structure only ever finds its own:
/// another structure's id in a filter gives an empty page. An empty search is a success (HTTP 200, codeRetour 0,
/// an empty list and its pagination), as pastell's polling needs.
/// </summary>
public sealed class InvoiceSearches(CantateDbContext db, ListInvoices lists, InvoiceSummaries summaries)
{
    public async Task<IResult> BySupplierAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var caller = CproCaller.Of(http);
        var request = CproCaller.RequestOf(http);
        var query = InvoiceSearchFilters.Apply(lists.Sent(caller.StructureId), request);
        if (request.Id("idFournisseur") is { } supplier && supplier != caller.StructureCppId) query = InvoiceSearchFilters.None(query);
        if (request.Text("numeroFluxDepot") is { } flow) query = query.Where(i => db.DepositFlows.Any(f => f.Id == i.FlowId && f.Number == flow));
        // rejetTraite: false is go's zero value, so only true filters.
        if (request.Bool("rejetTraite") == true) query = query.Where(i => i.RejectionAcknowledgedAt != null);
        var recipients = CppIds(request.Children("listeDestinataire").Select(d => d.Id("idDestinataire")));
        if (recipients.Count > 0) query = query.Where(i => db.Structures.Any(s => s.Id == i.RecipientStructureId && recipients.Contains(s.CppId)));
        // idStructureValideur: the A9/A12 invoices designated to that valideur (titulaire or mandataire).
        var validators = CppIds([request.Id("idStructureValideur")]);
        if (validators.Count > 0) query = query.Where(i => db.Structures.Any(s => s.Id == i.ValidatorStructureId && validators.Contains(s.CppId)));

        return await PageAsync(query, InvoiceSide.Supplier, request.Child("rechercheFactureParFournisseur", "parametresRecherche", "paramRecherche"), cancellationToken);
    }

    /// <summary>
    /// <c>factures/v1/rechercher/valideur</c>: the A9/A12 invoices the caller's structure is the designated valideur of,
    /// whatever their status since; the supplier's filters, plus listeFournisseurs.
    /// </summary>
    public async Task<IResult> ByValidatorAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var caller = CproCaller.Of(http);
        var request = CproCaller.RequestOf(http);
        var query = InvoiceSearchFilters.Apply(lists.ToValidate(caller.StructureId), request);
        if (request.Id("idStructureValideur") is { } validator && validator != caller.StructureCppId) query = InvoiceSearchFilters.None(query);
        query = FromSuppliers(query, request);
        return await PageAsync(query, InvoiceSide.Validator, request.Child("paramRecherche", "parametresRecherche", "rechercheFactureParValideur"), cancellationToken);
    }

    /// <summary>listeFournisseurs[].idFournisseur: only the invoices of those suppliers (the recipient's and the valideur's searches).</summary>
    private IQueryable<Invoice> FromSuppliers(IQueryable<Invoice> query, CproRequest request)
    {
        var suppliers = CppIds(request.Children("listeFournisseurs").Select(f => f.Id("idFournisseur")));
        return suppliers.Count == 0 ? query : query.Where(i => db.Structures.Any(s => s.Id == i.SupplierStructureId && suppliers.Contains(s.CppId)));
    }

    /// <summary>One page of rows, with the pagination in parametresRetour (the supplier's and the valideur's answers).</summary>
    private async Task<IResult> PageAsync(IQueryable<Invoice> query, InvoiceSide side, CproRequest? paging, CancellationToken cancellationToken)
    {
        var page = SearchPage.Of(paging);
        var (rows, total) = await SearchPage.ReadAsync(query, page, cancellationToken);
        return CproResults.Ok(new
        {
            listeFactures = await summaries.RowsAsync(rows, side, cancellationToken),
            parametresRetour = page.Result(total),
        }, total == 0 ? CproCodes.NoResultLabel : CproCodes.OkLabel);
    }

    public async Task<IResult> ByRecipientAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var caller = CproCaller.Of(http);
        var request = CproCaller.RequestOf(http);
        var query = InvoiceSearchFilters.Apply(lists.Received(caller.StructureId), request);
        if (request.Id("idDestinataire") is { } recipient && recipient != caller.StructureCppId) query = InvoiceSearchFilters.None(query);
        query = FromSuppliers(query, request);
        if (request.Id("idServiceExecutant") is { } service)
        {
            query = query.Where(i => db.StructureServices.Any(s => s.StructureId == caller.StructureId && s.CppId == service && s.Code == i.ServiceCode));
        }
        // Here false is meaningful: pastell sends it to fetch the invoices not yet downloaded.
        if (request.Bool("factureTelechargeeParDestinataire") is { } downloaded)
        {
            query = downloaded
                ? query.Where(i => i.History.Any(e => e.Action == Invoice.DownloadAction))
                : query.Where(i => !i.History.Any(e => e.Action == Invoice.DownloadAction));
        }

        var page = SearchPage.Of(request.Child("paramRecherche", "parametresRecherche", "rechercheFactureParRecipiendaire"));
        var (rows, total) = await SearchPage.ReadAsync(query, page, cancellationToken);
        // Here the pagination is at the top level (go, pastell), not in parametresRetour.
        return CproResults.Ok(new
        {
            listeFactures = await summaries.RowsAsync(rows, InvoiceSide.Recipient, cancellationToken),
            pageCourante = page.Number,
            pages = page.Pages(total),
            nbResultatsParPage = page.Size,
            total,
        }, total == 0 ? CproCodes.NoResultLabel : CproCodes.OkLabel);
    }

    /// <summary>The structure ids given (0 and absent left out); an id no structure can have matches nothing.</summary>
    private static List<int> CppIds(IEnumerable<long?> ids) =>
        ids.OfType<long>().Select(id => id is > 0 and <= int.MaxValue ? (int)id : -1).Distinct().ToList();
}
