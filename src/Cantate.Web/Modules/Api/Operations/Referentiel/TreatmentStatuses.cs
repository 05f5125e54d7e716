using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;

namespace Cantate.Web.Modules.Api.Operations.Referentiel;

/// <summary>
/// <c>POST /cpro/transverses/v1/recuperer/etats/traitement</c> <c>{statutCourant}</c>: the statuses a recipient may
/// give an invoice in that status (<c>listeStatutsPossiblesPourTraitement[].statutPossiblePourTraitement</c>). The
/// <see cref="Invoice"/> aggregate alone knows its transitions, so a specimen invoice (never saved) is taken to the
/// status through the aggregate's own methods and asked.
/// </summary>
public static class TreatmentStatuses
{
    private static readonly Guid Nobody = Guid.Empty;

    public static IResult Handle(CproRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var codes = Enum.GetValues<InvoiceStatus>().Select(s => s.Code()).ToList();
        var current = CproChoices.One(request, "statutCourant", codes)
            ?? throw request.Missing("statutCourant", $"donnez le statut actuel de la facture ({string.Join(", ", codes)})");
        var next = After(InvoiceStatuses.FromCode(current)!.Value).NextStatusesForRecipient();
        return CproResults.Ok(new
        {
            listeStatutsPossiblesPourTraitement = next.Select(s => new { statutPossiblePourTraitement = s.Code() }),
        });
    }

    /// <summary>A specimen invoice taken to <paramref name="status"/> by the transitions of the aggregate.</summary>
    private static Invoice After(InvoiceStatus status)
    {
        var at = DateTime.UnixEpoch;
        var invoice = Invoice.Deposit(Specimen, Nobody, Nobody, string.Empty, "specimen", null, at);
        switch (status)
        {
            case InvoiceStatus.Deposee:
                return invoice;
            case InvoiceStatus.ARecycler:
                invoice.RoutingFailed("specimen", at);
                return invoice;
        }
        invoice.StartRouting(Nobody, "specimen", at);
        if (status == InvoiceStatus.EnCoursAcheminement) return invoice;
        invoice.MakeAvailable(at);
        if (status == InvoiceStatus.MiseADisposition) return invoice;
        var target = status == InvoiceStatus.Completee ? InvoiceStatus.Suspendue : status;
        invoice.ProcessByRecipient(target, Nobody, "specimen", "specimen", at);
        if (status == InvoiceStatus.Completee) invoice.Complete("specimen", Nobody, "specimen", at);
        return invoice;
    }

    private static readonly InvoiceDraft Specimen = new()
    {
        Number = "SPECIMEN",
        TypeCode = "380",
        Cadre = "A1",
        Currency = "EUR",
        SupplierName = "specimen",
        RecipientSiret = "00000000000000",
        Syntax = "UBL-Invoice",
    };
}
