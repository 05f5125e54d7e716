using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features.DownloadInvoices;
using Cantate.Web.Modules.Invoices.Features.ProcessInvoice;

namespace Cantate.Web.Modules.Api.Operations.Tracking;

/// <summary>
/// <c>factures/v1/telecharger/groupe</c>: invoices the caller's structure issued or received, as <c>fichierResultat</c>
/// (base64): the document itself for one invoice (pastell decodes it as the PDF), a zip for several or with their
/// attachments (<c>avecPiecesJointesComplementaires</c> OUI). PDF gives the Factur-X or a rendering of the UBL/CII;
/// PIVOT and XML give the invoice XML. Above 120 Mo: HTTP 413. A recipient's download is recorded
/// (factureTelechargeeParDestinataire). One id the caller may not see refuses the whole request (20000).
/// </summary>
public sealed class GroupDownload(TrackedInvoices tracked, InvoiceActions actions, InvoiceDownloads downloads)
{
    public async Task<IResult> HandleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var caller = CproCaller.Of(http);
        var request = CproCaller.RequestOf(http);
        var asked = request.Text("format")?.ToUpperInvariant();
        var format = asked switch
        {
            null => throw request.Missing("format", "PDF ou PIVOT"),
            "PDF" or "ZIP" => DownloadFormat.Pdf,
            "PIVOT" or "XML" => DownloadFormat.Xml,
            var other => throw new CproException(CproCodes.InvalidField, $"Le champ « format » vaut « {other} » : indiquez PDF ou PIVOT (le XML de la facture)."),
        };
        var withAttachments = request.Bool("avecPiecesJointesComplementaires") == true;
        var wanted = request.Children("listeFacture", "listeFactures");
        if (wanted.Count == 0) throw request.Missing("listeFacture", "la liste des factures à télécharger, [{\"idFacture\": …}]");

        var viewed = new List<InvoiceActions.Viewed>();
        var items = new List<InvoiceToDownload>();
        foreach (var item in wanted)
        {
            var invoice = await tracked.FindAsync(caller, item, null, cancellationToken, "idFacture", "identifiantFactureCPP");
            if (viewed.Any(v => v.Invoice.Id == invoice.Invoice.Id)) continue;
            viewed.Add(invoice);
            items.Add(new InvoiceToDownload(invoice.Invoice, withAttachments ? await actions.AttachmentsAsync(invoice.Invoice.Id, cancellationToken) : []));
        }
        var file = await downloads.BundleAsync(items, format, zip: asked == "ZIP", InvoiceDownloads.MaxBytes, cancellationToken)
            ?? throw new CproException(CproCodes.FileTooLarge,
                "Les factures demandées et leurs pièces jointes dépassent 120 Mo, la taille maximale d'un téléchargement : demandez-les en plusieurs fois.",
                StatusCodes.Status413PayloadTooLarge);
        await actions.RecordDownloadsAsync(viewed, caller.TechnicalAccountId, caller.Login, cancellationToken);
        return CproResults.Ok(new
        {
            fichierResultat = Convert.ToBase64String(file.Content),
            nomFichier = file.FileName,
            typeMime = file.ContentType,
        });
    }
}
