namespace Cantate.Web.Modules.Api.Operations;

public static class TransversesOperations
{
    public static void Map(RouteGroupBuilder cpro)
    {
        ArgumentNullException.ThrowIfNull(cpro);
    }
}
