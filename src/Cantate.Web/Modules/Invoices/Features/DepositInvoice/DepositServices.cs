using Cantate.Web.Modules.Invoices.Features.DepositBatch;
using Cantate.Web.Modules.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cantate.Web.Modules.Invoices.Features.DepositInvoice;

/// <summary>The deposit use cases (one file, a flow or batch, a plain PDF) and the outbox handler that checks flows.</summary>
public static class DepositServices
{
    /// <summary>Idempotent: both the portal's module and the API's deposit operations may call it.</summary>
    public static IServiceCollection AddDeposits(this IServiceCollection services)
    {
        services.TryAddScoped<ValidateInvoice.ValidatorRules>();
        services.TryAddScoped<InvoiceCheck>();
        services.TryAddScoped<DepositInvoice>();
        services.TryAddSingleton<DepositCommits>();
        services.TryAddScoped<ProcessFlow>();
        services.TryAddScoped<DepositBatch.DepositBatch>();
        services.TryAddScoped<DepositPdf.DepositPdf>();
        services.TryAddScoped<DepositPdf.PendingPdf>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboxHandler, ProcessFlow>());
        return services;
    }
}
