namespace Cantate.Web.Modules.Api.Operations;

public static class FacturesOperations
{
    public static void Map(RouteGroupBuilder cpro)
    {
        ArgumentNullException.ThrowIfNull(cpro);
    }
}
