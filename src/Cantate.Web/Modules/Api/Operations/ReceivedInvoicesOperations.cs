namespace Cantate.Web.Modules.Api.Operations;

public static class ReceivedInvoicesOperations
{
    public static void Map(RouteGroupBuilder cpro)
    {
        ArgumentNullException.ThrowIfNull(cpro);
    }
}
