using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Api.Operations.Referentiel;
using Cantate.Web.Modules.Api.Operations.Structures;

namespace Cantate.Web.Modules.Api.Operations;

/// <summary>
/// <c>/cpro/transverses/v1</c>, but for files and flows: the caller's active structures, the annuaire (search and
/// download), SIRENE, and the reference lists (<see cref="ReferenceListOperations"/>). The health-check is mapped
/// with the gateway (<see cref="HealthCheck"/>).
/// </summary>
public static class TransversesOperations
{
    /// <summary>Services the operations need, registered with the API module.</summary>
    public static void Register(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<ActiveStructures>();
        services.AddScoped<SearchRecipients>();
        services.AddScoped<DownloadAnnuaire>();
        services.AddScoped<SiretInformation>();
    }

    public static void Map(RouteGroupBuilder cpro)
    {
        ArgumentNullException.ThrowIfNull(cpro);
        var transverses = cpro.MapGroup("/transverses/v1");
        transverses.MapPost("/recuperer/structures/actives/fournisseur", (HttpContext http, ActiveStructures handler) =>
            handler.HandleAsync(CproCaller.Of(http), ActiveStructures.Space.Fournisseur, http.RequestAborted));
        transverses.MapPost("/recuperer/structures/actives/destinataire", (HttpContext http, ActiveStructures handler) =>
            handler.HandleAsync(CproCaller.Of(http), ActiveStructures.Space.Destinataire, http.RequestAborted));
        transverses.MapPost("/rechercher/destinataire", (HttpContext http, SearchRecipients handler) =>
            handler.HandleAsync(CproCaller.RequestOf(http), http.RequestAborted));
        transverses.MapPost("/telecharger/annuaire/destinataire", (HttpContext http, DownloadAnnuaire handler) =>
            handler.HandleAsync(http.RequestAborted));
        transverses.MapPost("/consulter/information/siret", (HttpContext http, SiretInformation handler) =>
            handler.HandleAsync(CproCaller.RequestOf(http), http.RequestAborted));
        ReferenceListOperations.Map(transverses);
    }
}
