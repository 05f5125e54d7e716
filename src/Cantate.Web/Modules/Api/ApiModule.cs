using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Cantate.Web.Hosting;
using Cantate.Web.Modules.Api.Features;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Api.Operations;
using Cantate.Web.Modules.Api.Reference;
using Cantate.Web.Modules.Api.Webhooks;

namespace Cantate.Web.Modules.Api;

/// <summary>
/// The Chorus Pro-compatible API: <c>POST /api/oauth/token</c>, then every <c>/cpro/...</c> operation behind the
/// gateway (Bearer token, cpro-account, quota). Operations are other doors to the portal's own handlers.
/// </summary>
public static class ApiModule
{
    public static IServiceCollection AddApi(this IServiceCollection services, CantateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<CproGateway>();
        services.AddScoped<ApiCredentials>();
        FacturesOperations.Register(services);
        InvoiceTrackingOperations.Register(services);
        StructuresOperations.Register(services);
        TransversesOperations.Register(services);
        UtilisateursOperations.Register(services);
        services.AddWebhooks();
        services.AddRateLimiter(o => o.AddPolicy(OAuthToken.RateLimitPolicy, http =>
            RateLimitPartition.GetFixedWindowLimiter(
                string.Create(CultureInfo.InvariantCulture, $"{OAuthToken.RateLimitPolicy}:{http.Connection.RemoteIpAddress ?? IPAddress.None}"),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.Api.TokenRequestsPerMinutePerAddress),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })));
        return services;
    }

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(OpenApiDocument.Path, OpenApiDocument.Serve);
        app.MapPost(OAuthToken.Path, OAuthToken.HandleAsync).RequireRateLimiting(OAuthToken.RateLimitPolicy).DisableAntiforgery();

        var gateway = app.ServiceProvider.GetRequiredService<CproGateway>();
        var cpro = app.MapGroup("/cpro").AddEndpointFilter(gateway.InvokeAsync).DisableAntiforgery();
        cpro.MapGet("/transverses/v1/health-check", HealthCheck.Handle);
        FacturesOperations.Map(cpro);
        InvoiceTrackingOperations.Map(cpro);
        StructuresOperations.Map(cpro);
        TransversesOperations.Map(cpro);
        UtilisateursOperations.Map(cpro);
        // An unknown path or method under /cpro answers in the API's own terms, not with the portal's error page.
        cpro.MapFallback(UnknownOperation);
        return app;
    }

    private static IResult UnknownOperation(HttpContext http) =>
        CproResults.Error(CproCodes.UnknownOperation,
            $"Opération inconnue : {http.Request.Method} {http.Request.Path}. Les opérations sont des POST (sauf GET /cpro/transverses/v1/health-check) ; la liste est dans /api/openapi.json.",
            StatusCodes.Status404NotFound);
}
