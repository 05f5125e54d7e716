using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Api.Operations.Deposits;
using Cantate.Web.Modules.Invoices.Features.DepositInvoice;

namespace Cantate.Web.Modules.Api.Operations;

/// <summary>Deposits through the API: flows and their reports, files, and invoices submitted field by field.</summary>
public static class FacturesOperations
{
    /// <summary>base64 of a 120 MB flow, with the JSON around it.</summary>
    private const long FlowBodyLimit = 200L * 1024 * 1024;

    /// <summary>base64 of a file a little over the 10 MB limit, so that it gets the 20003 answer rather than a bare 413.</summary>
    private const long FileBodyLimit = 20L * 1024 * 1024;

    /// <summary>Services the operations need, registered with the API module.</summary>
    public static void Register(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDeposits();
        services.AddScoped<Soumettre>();
    }

    public static void Map(RouteGroupBuilder cpro)
    {
        ArgumentNullException.ThrowIfNull(cpro);
        cpro.MapPost("/factures/v1/deposer/flux", DeposerFlux.HandleAsync).WithMetadata(new CproBodyLimit(FlowBodyLimit));
        cpro.MapPost("/transverses/v1/consulterCRDetaille", FlowReports.DetailedAsync);
        cpro.MapPost("/transverses/v1/consulterCR", FlowReports.SummaryAsync);
        cpro.MapPost("/transverses/v1/ajouter/fichier", AjouterFichier.HandleAsync).WithMetadata(new CproBodyLimit(FileBodyLimit));
        cpro.MapPost("/factures/v1/soumettre", (HttpContext http, Soumettre soumettre, CancellationToken ct) => soumettre.HandleAsync(http, ct))
            .WithMetadata(new CproBodyLimit(FileBodyLimit));
    }
}
