using Cantate.Web.Modules.Invoices.Features;
using Cantate.Web.Modules.Invoices.Features.DepositInvoice;
using Cantate.Web.Modules.Invoices.Features.ProcessInvoice;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Modules.Notifications;

namespace Cantate.Web.Modules.Invoices;

public static class InvoicesModule
{
    public static IServiceCollection AddInvoices(this IServiceCollection services)
    {
        services.AddSingleton<DocumentStore>();
        services.AddScoped<RoutingRules>();
        services.AddScoped<DepositInvoice>();
        services.AddDeposits();
        services.AddScoped<Features.EnterInvoice.EnterInvoice>();
        services.AddScoped<InvoiceActions>();
        services.AddScoped<ListInvoices>();
        services.AddScoped<IOutboxHandler, InvoiceRouting>();
        services.AddScoped<IOutboxHandler, InvoiceStatusNotifications>();
        services.AddSingleton<Features.ValidateInvoice.TacitValidation>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.ValidateInvoice.TacitValidation>());
        return services;
    }
}
