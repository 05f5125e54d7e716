using System.Text.Json;
using Cantate.Web.Modules.Invoices.Features.DepositInvoice;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Deposit = Cantate.Web.Modules.Invoices.Features.DepositInvoice.DepositInvoice;

namespace Cantate.Web.Modules.Invoices.Features.DepositBatch;

/// <summary>
/// Receives a flow: one invoice file or an archive of up to 500. Its bytes are on disk and the flow, with its number
/// and deposit certificate, is committed together with the outbox message that will check its invoices, so that
/// nothing acknowledged can be lost. The API answers then and lets the outbox work; the portal checks at once.
/// </summary>
public sealed class DepositBatch(CantateDbContext db, DocumentStore documents, ProcessFlow processing, TimeProvider clock)
{
    public const long MaxFlowBytes = InvoiceCheck.MaxFileBytes;

    /// <summary>When the portal checks the flow itself, the outbox only steps in if that did not finish (a crash).</summary>
    private static readonly TimeSpan PortalSafetyDelay = TimeSpan.FromMinutes(5);

    /// <summary>Stores the flow and schedules its processing; returns it received (IN_RECU).</summary>
    public Task<DepositFlow> ReceiveAsync(Depositor depositor, string fileName, string syntax, byte[] content, CancellationToken cancellationToken) =>
        ReceiveAsync(depositor, fileName, syntax, content, TimeSpan.Zero, cancellationToken);

    /// <summary>Receives the flow and checks its invoices at once, for the portal: the answer shows every invoice's result.</summary>
    public async Task<DepositFlow> HandleAsync(Depositor depositor, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var flow = await ReceiveAsync(depositor, fileName, "LOT", content, PortalSafetyDelay, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await processing.ProcessAsync(flow.Id, cancellationToken) ?? flow;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another deposit took one of the numbers at the same moment: check again, it is now a duplicate.
            }
            catch (DbUpdateException)
            {
                // Still competing: the outbox will process the flow; the page shows it received.
                return await db.DepositFlows.AsNoTracking().FirstAsync(f => f.Id == flow.Id, cancellationToken);
            }
        }
    }

    private async Task<DepositFlow> ReceiveAsync(Depositor depositor, string fileName, string syntax, byte[] content, TimeSpan processAfter,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(depositor);
        ArgumentNullException.ThrowIfNull(content);
        var now = clock.GetUtcNow().UtcDateTime;
        var path = await documents.SaveAsync(content, FlowArchive.ExtensionOf(content), cancellationToken);
        var flow = Deposit.NewFlow(depositor, syntax, fileName, content, path, now);
        db.DepositFlows.Add(flow);
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = ProcessFlow.Kind,
            Payload = JsonSerializer.Serialize(new ProcessFlow.Message(flow.Id)),
            CreatedAt = now,
            AvailableAt = now + processAfter,
        });
        await db.SaveChangesAsync(cancellationToken);
        return flow;
    }
}
