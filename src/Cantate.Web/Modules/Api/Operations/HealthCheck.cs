using Cantate.Web.Modules.Api.Gateway;

namespace Cantate.Web.Modules.Api.Operations;

/// <summary><c>GET /cpro/transverses/v1/health-check</c>: answers {body, statusCode, statusCodeValue} as Chorus Pro does.</summary>
public static class HealthCheck
{
    public static IResult Handle() => CproResults.Ok(new { body = "OK", statusCode = "OK", statusCodeValue = 200 });
}
