using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Api.Operations.Structures;

namespace Cantate.Web.Modules.Api.Operations;

/// <summary>
/// <c>/cpro/utilisateurs/v1</c>: the technical account's own rattachements (<see cref="MyRattachements"/>). User
/// administration is portal-only, as on PISTE since 2020.
/// </summary>
public static class UtilisateursOperations
{
    /// <summary>Services the operations need, registered with the API module.</summary>
    public static void Register(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<MyRattachements>();
    }

    public static void Map(RouteGroupBuilder cpro)
    {
        ArgumentNullException.ThrowIfNull(cpro);
        cpro.MapPost("/utilisateurs/v1/monCompte/recuperer/rattachements", (HttpContext http, MyRattachements handler) =>
            handler.HandleAsync(CproCaller.Of(http), CproCaller.RequestOf(http), http.RequestAborted));
    }
}
