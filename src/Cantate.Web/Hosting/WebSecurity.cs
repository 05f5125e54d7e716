using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Cantate.Web.Hosting;

/// <summary>Security headers and per-address rate limits on the sensitive forms.</summary>
public static class WebSecurity
{
    public const string AccountCreationPolicy = "account-creation";
    public const string SignInPolicy = "sign-in";
    public const string RecoveryPolicy = "recovery";

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, CantateOptions options)
    {
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(AccountCreationPolicy, http => PostsPerMinute(http, AccountCreationPolicy, options.RateLimits.AccountCreationPerMinute));
            o.AddPolicy(SignInPolicy, http => PostsPerMinute(http, SignInPolicy, options.RateLimits.SignInPerMinute));
            o.AddPolicy(RecoveryPolicy, http => PostsPerMinute(http, RecoveryPolicy, options.RateLimits.RecoveryPerMinute));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "60";
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync("Trop de tentatives depuis votre adresse : patientez une minute puis réessayez.", cancellationToken);
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cantate.antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__jeton";
        });
        return services;
    }

    // Only form submissions count: reading the page is free.
    private static RateLimitPartition<string> PostsPerMinute(HttpContext http, string policy, int permits)
    {
        if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter(string.Empty);
        var address = http.Connection.RemoteIpAddress ?? IPAddress.None;
        return RateLimitPartition.GetFixedWindowLimiter(string.Create(CultureInfo.InvariantCulture, $"{policy}:{address}"), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next();
        });
}
