using Cantate.Web.Modules.Api.Operations.Tracking;
using Cantate.Web.Modules.Invoices.Features.DownloadInvoices;

namespace Cantate.Web.Modules.Api.Operations;

/// <summary>
/// Following invoices after their deposit: searches and consultation for both sides, the history, the recipient's
/// processing (traiter/recue), the supplier's recycling and completion, downloads, and the A9/A12 validation circuit. Every operation acts for the
/// structure of the calling technical account only.
/// </summary>
public static class InvoiceTrackingOperations
{
    /// <summary>Services the operations need, registered with the API module.</summary>
    public static void Register(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<TrackedInvoices>();
        services.AddScoped<InvoiceSummaries>();
        services.AddScoped<InvoiceSearches>();
        services.AddScoped<InvoiceDocumentContent>();
        services.AddScoped<InvoiceConsultation>();
        services.AddScoped<InvoiceHistory>();
        services.AddScoped<ReceivedInvoiceProcessing>();
        services.AddScoped<SupplierCorrections>();
        services.AddScoped<InvoiceDownloads>();
        services.AddScoped<GroupDownload>();
        services.AddScoped<ValidatorInvoices>();
    }

    public static void Map(RouteGroupBuilder cpro)
    {
        ArgumentNullException.ThrowIfNull(cpro);
        cpro.MapPost("/factures/v1/rechercher/fournisseur", (HttpContext http, InvoiceSearches s, CancellationToken c) => s.BySupplierAsync(http, c));
        cpro.MapPost("/factures/v1/rechercher/recipiendaire", (HttpContext http, InvoiceSearches s, CancellationToken c) => s.ByRecipientAsync(http, c));
        cpro.MapPost("/factures/v1/consulter/fournisseur", (HttpContext http, InvoiceConsultation s, CancellationToken c) => s.AsSupplierAsync(http, c));
        cpro.MapPost("/factures/v1/consulter/recipiendaire", (HttpContext http, InvoiceConsultation s, CancellationToken c) => s.AsRecipientAsync(http, c));
        cpro.MapPost("/factures/v1/consulter/historique", (HttpContext http, InvoiceHistory s, CancellationToken c) => s.HandleAsync(http, c));
        cpro.MapPost("/factures/v1/traiter/recue", (HttpContext http, ReceivedInvoiceProcessing s, CancellationToken c) => s.HandleAsync(http, c));
        cpro.MapPost("/factures/v1/recycler", (HttpContext http, SupplierCorrections s, CancellationToken c) => s.RecycleAsync(http, c));
        cpro.MapPost("/factures/v1/completer", (HttpContext http, SupplierCorrections s, CancellationToken c) => s.CompleteAsync(http, c));
        cpro.MapPost("/factures/v1/telecharger/groupe", (HttpContext http, GroupDownload s, CancellationToken c) => s.HandleAsync(http, c));
        cpro.MapPost("/factures/v1/rechercher/valideur", (HttpContext http, InvoiceSearches s, CancellationToken c) => s.ByValidatorAsync(http, c));
        cpro.MapPost("/factures/v1/consulter/valideur", (HttpContext http, InvoiceConsultation s, CancellationToken c) => s.AsValidatorAsync(http, c));
        cpro.MapPost("/factures/v1/traiter/factureAValider", (HttpContext http, ValidatorInvoices s, CancellationToken c) => s.ProcessAsync(http, c));
        cpro.MapPost("/factures/v1/corriger/valideur/facture", (HttpContext http, ValidatorInvoices s, CancellationToken c) => s.CorrectAsync(http, c));
        cpro.MapPost("/factures/v1/recuperer/statutsFactureVisibles/valideur", () => ValidatorInvoices.VisibleStatuses());
    }
}
