using System.Text.Json;
using Cantate.Web.Modules.Invoices.Features.DepositInvoice;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Deposit = Cantate.Web.Modules.Invoices.Features.DepositInvoice.DepositInvoice;

namespace Cantate.Web.Modules.Invoices.Features.DepositBatch;

/// <summary>
/// Checks every invoice of a received flow with the same checks as a single deposit, then records in one
/// transaction the accepted invoices (each with its routing message) and the flow's final state with its report.
/// Runs from the outbox, or at once for the portal; whoever saves first wins (the flow's state is a concurrency
/// token), so a flow is never processed twice, and a crash before the commit leaves it received, to be done again.
/// </summary>
public sealed class ProcessFlow(CantateDbContext db, DocumentStore documents, InvoiceCheck check, TimeProvider clock) : IOutboxHandler
{
    public const string Kind = "flow-processing";

    public sealed record Message(Guid FlowId);

    string IOutboxHandler.Kind => Kind;

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize<Message>(payload) ?? throw new InvalidOperationException("Empty flow-processing message.");
        await ProcessAsync(message.FlowId, cancellationToken);
    }

    /// <summary>Processes the flow if it is still waiting; returns it as it ends (null when it does not exist).</summary>
    public async Task<DepositFlow?> ProcessAsync(Guid flowId, CancellationToken cancellationToken)
    {
        var flow = await db.DepositFlows.FirstOrDefaultAsync(f => f.Id == flowId, cancellationToken);
        if (flow is null || flow.Status.IsFinal()) return flow;
        var content = await documents.ReadAsync(flow.StoragePath, cancellationToken);
        var opened = FlowArchive.Open(flow.FileName, content);
        var depositor = new Depositor(flow.SupplierStructureId, flow.DepositedByUserId, flow.DepositedBy ?? flow.Channel, flow.Channel);
        var now = clock.GetUtcNow().UtcDateTime;
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        var report = new List<FlowReportEntry>();
        foreach (var entry in opened.Entries)
        {
            var outcome = await check.CheckAsync(flow.SupplierStructureId, entry.Name, entry.Content, accepted, cancellationToken);
            if (!outcome.Accepted)
            {
                report.Add(Deposit.Entry(entry.Name, outcome.Draft, null, WithoutFlowHint(outcome.Problems, entry), outcome.Warnings));
                continue;
            }
            // A flow of one file is the invoice's document itself; the files of an archive are stored one by one.
            var path = ReferenceEquals(entry.Content, content) ? flow.StoragePath
                : await documents.SaveAsync(entry.Content, Deposit.ExtensionOf(outcome.Syntax), cancellationToken);
            var invoice = Deposit.Add(db, outcome.Draft!, flow, depositor, path, now);
            accepted.Add(outcome.Draft!.Number);
            report.Add(Deposit.Entry(entry.Name, outcome.Draft, invoice.Id, [], outcome.Warnings));
        }
        flow.Finish(new FlowReport { Invoices = report, Errors = opened.Problem is { } problem ? [problem] : [] }, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another worker finished this flow first, or another flow took one of these numbers meanwhile: forget
            // this attempt (not what the caller tracks) and read the flow again; if it is still waiting, fail so
            // that it is processed again, afresh.
            foreach (var added in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) added.State = EntityState.Detached;
            db.Entry(flow).State = EntityState.Detached;
            var current = await db.DepositFlows.AsNoTracking().FirstAsync(f => f.Id == flowId, cancellationToken);
            if (current.Status.IsFinal()) return current;
            throw;
        }
        return flow;
    }

    /// <summary>A plain PDF has its own door: say so rather than only "no XML inside".</summary>
    private static IReadOnlyList<DepositProblem> WithoutFlowHint(IReadOnlyList<DepositProblem> problems, FlowEntry entry) =>
        problems.Any(p => p.Rule == "FX-NO-XML") && entry.Content.AsSpan().StartsWith("%PDF"u8)
            ? [.. problems, new DepositProblem("PDF-SANS-DONNEES", "", "",
                $"« {entry.Name} » est un PDF sans données structurées Factur-X : un flux ne porte que des factures UBL, CII ou Factur-X. "
                + "Déposez un PDF simple avec factures/v1/soumettre (modeDepot DEPOT_PDF_API) ou depuis le portail, en indiquant le destinataire et les montants.")]
            : problems;
}
