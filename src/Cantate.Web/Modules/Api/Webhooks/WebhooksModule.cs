using Cantate.Web.Modules.Api.Features;
using Cantate.Web.Modules.Notifications;

namespace Cantate.Web.Modules.Api.Webhooks;

/// <summary>
/// Push notifications: subscriptions, events captured with the changes that cause them, signed deliveries from the
/// outbox with retries; and the reminder before a technical account's password expires.
/// </summary>
public static class WebhooksModule
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddSingleton<WebhookAddresses>();
        services.AddSingleton<WebhookEventCapture>();
        services.AddScoped<WebhookSubscriptions>();
        services.AddScoped<IOutboxHandler, WebhookFanOut>();
        services.AddScoped<IOutboxHandler, WebhookSender>();
        services.AddHttpClient(WebhookSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // Every connection goes through the address check; no proxy and no redirect can lead elsewhere.
                ConnectCallback = sp.GetRequiredService<WebhookAddresses>().ConnectAsync,
                UseProxy = false,
                AllowAutoRedirect = false,
                ConnectTimeout = WebhookSender.Timeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .RemoveAllLoggers();
        services.AddSingleton<TechnicalAccountExpiryReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<TechnicalAccountExpiryReminders>());
        return services;
    }
}
