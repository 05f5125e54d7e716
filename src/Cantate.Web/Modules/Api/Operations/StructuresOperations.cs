namespace Cantate.Web.Modules.Api.Operations;

public static class StructuresOperations
{
    public static void Map(RouteGroupBuilder cpro)
    {
        ArgumentNullException.ThrowIfNull(cpro);
    }
}
