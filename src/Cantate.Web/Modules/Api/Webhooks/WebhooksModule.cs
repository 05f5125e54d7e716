namespace Cantate.Web.Modules.Api.Webhooks;

/// <summary>Push notifications: subscriptions, signed deliveries from the outbox, retries.</summary>
public static class WebhooksModule
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services;
    }
}
