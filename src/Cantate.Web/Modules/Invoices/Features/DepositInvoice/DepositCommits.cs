using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Invoices.Features.DepositInvoice;

/// <summary>
/// Group commit of deposits. The deposits that arrive while a commit is running are saved together by the next one:
/// one transaction, one fsync, one reservation of API ids and one look for webhook subscriptions for all of them,
/// instead of one each. Nothing waits on purpose: a group is whatever queued during the previous commit, so a lone
/// deposit is saved at once. Each caller is answered only after the transaction that holds its deposit committed.
/// When a group fails (two deposits of one number racing), each of its deposits is saved again on its own, so one
/// deposit's problem never refuses another.
/// </summary>
public sealed partial class DepositCommits(IServiceScopeFactory scopes, ILogger<DepositCommits> logger)
{
    private const int MaxGroup = 64;
    private readonly Lock _lock = new();
    private readonly Queue<Pending> _waiting = new();
    private bool _committing;

    /// <summary>What one deposit adds to the unit of work; called again with a fresh context if its group failed.</summary>
    public delegate T Unit<out T>(CantateDbContext db);

    private abstract class Pending(Guid supplierStructureId, string number)
    {
        public Guid SupplierStructureId { get; } = supplierStructureId;
        public string Number { get; } = number;

        public abstract void AddTo(CantateDbContext db);

        public abstract void Saved(bool saved);

        public abstract void Failed(Exception exception);
    }

    private sealed class Pending<T>(Guid supplierStructureId, string number, Unit<T> unit) : Pending(supplierStructureId, number) where T : class
    {
        private T? _added;

        public TaskCompletionSource<T?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void AddTo(CantateDbContext db) => _added = unit(db);

        public override void Saved(bool saved) => Outcome.TrySetResult(saved ? _added : null);

        public override void Failed(Exception exception) => Outcome.TrySetException(exception);
    }

    /// <summary>
    /// Saves what <paramref name="unit"/> adds, with the deposits that arrive meanwhile, and returns what it returned;
    /// null when another deposit of the supplier already holds <paramref name="number"/> (then nothing of it is saved).
    /// </summary>
    public Task<T?> SaveAsync<T>(Guid supplierStructureId, string number, Unit<T> unit) where T : class
    {
        var pending = new Pending<T>(supplierStructureId, number, unit);
        bool lead;
        lock (_lock)
        {
            _waiting.Enqueue(pending);
            lead = !_committing;
            _committing = true;
        }
        // The caller that finds no commit running starts one; it runs on the thread pool so that no caller's answer
        // waits for other callers' groups.
        if (lead) _ = Task.Run(CommitWhileWaitingAsync);
        return pending.Outcome.Task;
    }

    private async Task CommitWhileWaitingAsync()
    {
        while (true)
        {
            var group = new List<Pending>();
            lock (_lock)
            {
                while (group.Count < MaxGroup && _waiting.TryDequeue(out var next)) group.Add(next);
                if (group.Count == 0)
                {
                    _committing = false;
                    return;
                }
            }
            try
            {
                await CommitAsync(group);
            }
            catch (Exception ex)
            {
                // CommitAsync answers every deposit itself; this only guards the loop, which must never stop with callers waiting.
                LogGroupFailed(logger, group.Count, ex);
                foreach (var pending in group) pending.Failed(ex);
            }
        }
    }

    private async Task CommitAsync(List<Pending> group)
    {
        if (group.Count > 1)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
                foreach (var pending in group) pending.AddTo(db);
                await db.SaveChangesAsync(CancellationToken.None);
                foreach (var pending in group) pending.Saved(true);
                return;
            }
            catch (DbUpdateException ex)
            {
                // Rolled back as a whole; each deposit gets its own answer below.
                LogGroupRetriedOneByOne(logger, group.Count, ex);
            }
        }
        foreach (var pending in group)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
                pending.AddTo(db);
                var saved = await DepositInvoice.SaveAsync(db, scope.ServiceProvider.GetRequiredService<InvoiceCheck>(), pending.SupplierStructureId,
                    pending.Number, CancellationToken.None);
                pending.Saved(saved);
            }
            catch (Exception ex)
            {
                pending.Failed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deposits: a group of {Count} failed to commit together; each is saved on its own")]
    private static partial void LogGroupRetriedOneByOne(ILogger logger, int count, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deposits: a group of {Count} could not be saved")]
    private static partial void LogGroupFailed(ILogger logger, int count, Exception ex);
}
