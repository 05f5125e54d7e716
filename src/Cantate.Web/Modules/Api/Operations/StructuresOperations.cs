using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Api.Operations.Structures;

namespace Cantate.Web.Modules.Api.Operations;

/// <summary>
/// <c>/cpro/structures/v1</c>: search, consult and services of the structures an API caller may see (see
/// <see cref="VisibleStructures"/>).
/// </summary>
public static class StructuresOperations
{
    /// <summary>Services the operations need, registered with the API module.</summary>
    public static void Register(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<SearchStructures>();
        services.AddScoped<ConsultStructure>();
        services.AddScoped<SearchServices>();
        services.AddScoped<ConsultService>();
    }

    public static void Map(RouteGroupBuilder cpro)
    {
        ArgumentNullException.ThrowIfNull(cpro);
        var structures = cpro.MapGroup("/structures/v1");
        structures.MapPost("/rechercher", (HttpContext http, SearchStructures handler) =>
            handler.HandleAsync(CproCaller.Of(http), CproCaller.RequestOf(http), http.RequestAborted));
        structures.MapPost("/consulter", (HttpContext http, ConsultStructure handler) =>
            handler.HandleAsync(CproCaller.Of(http), CproCaller.RequestOf(http), http.RequestAborted));
        structures.MapPost("/rechercher/services", (HttpContext http, SearchServices handler) =>
            handler.HandleAsync(CproCaller.Of(http), CproCaller.RequestOf(http), http.RequestAborted));
        structures.MapPost("/consulter/service", (HttpContext http, ConsultService handler) =>
            handler.HandleAsync(CproCaller.Of(http), CproCaller.RequestOf(http), http.RequestAborted));
    }
}
