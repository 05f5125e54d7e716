namespace Cantate.Web.Modules.Api.Operations;

public static class UtilisateursOperations
{
    public static void Map(RouteGroupBuilder cpro)
    {
        ArgumentNullException.ThrowIfNull(cpro);
    }
}
