using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Invoices.Features.ValidateInvoice;

/// <summary>
/// Tacit validation of A9/A12 invoices: one whose valideur has not acted within <see cref="Invoice.ValidationDelay"/>
/// becomes ABSENCE_VALIDATION_1_HORS_DELAI and is routed to its recipient (routing written to the outbox in the same
/// transaction; its commit wakes the outbox workers). Checks at start and every quarter of an hour of the application's clock. The invoice's optimistic version makes a
/// valideur's last-minute answer and this job exclusive: whichever saves first wins, the other sees the new status.
/// </summary>
public sealed partial class TacitValidation(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TacitValidation> logger)
    : PeriodicJob(clock, TimeSpan.FromMinutes(15), logger)
{
    private const int Batch = 200;
    /// <summary>Bounds one check; what is left waits for the next tick.</summary>
    private const int MaxPasses = 50;

    protected override Task RunAsync(DateTime now, CancellationToken cancellationToken) => ValidateOverdueAsync(now, cancellationToken);

    /// <summary>Validates tacitly every invoice whose delay ran out at that time; returns how many.</summary>
    private async Task<int> ValidateOverdueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var waitingSince = now - Invoice.ValidationDelay;
        var validated = 0;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
            var overdue = await db.Invoices.Include(i => i.History)
                .Where(i => i.Status == InvoiceStatus.AValider1 && i.StatusChangedAt <= waitingSince)
                .OrderBy(i => i.StatusChangedAt).Take(Batch).ToListAsync(cancellationToken);
            if (overdue.Count == 0) break;
            foreach (var invoice in overdue)
            {
                invoice.ValidateTacitly(now);
                db.Enqueue(InvoiceRouting.Kind, new InvoiceRouting.Message(invoice.Id), now);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                validated += overdue.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A valideur acted on one of them meanwhile: the next pass reads them again, without that one.
                LogRaced(logger);
                continue;
            }
            if (overdue.Count < Batch) break;
        }
        return validated;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A valideur acted while its invoice was being validated tacitly; retrying the batch")]
    private static partial void LogRaced(ILogger logger);
}
