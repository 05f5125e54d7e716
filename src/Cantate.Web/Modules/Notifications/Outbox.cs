using System.Collections.Frozen;
using System.Data.Common;
using System.Text.Json;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cantate.Web.Modules.Notifications;

/// <summary>Adds outbox work to the current unit of work; it is committed with the change that caused it.</summary>
public static class OutboxExtensions
{
    public static void Enqueue<T>(this CantateDbContext db, string kind, T payload, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = kind,
            Payload = JsonSerializer.Serialize(payload),
            CreatedAt = now,
            AvailableAt = now,
        });
    }
}

/// <summary>
/// Wakes the outbox workers when new work was committed, so routing and e-mails start at once rather than at the next
/// poll. Every waiting loop of the lane the work is for is woken (a single permit would wake one loop, and the one the
/// work was for could sleep until its poll); the other lane sleeps on. A loop takes <see cref="Next"/> before it looks
/// for work, so work committed between that look and its wait still wakes it.
/// </summary>
public sealed class OutboxSignal
{
    private readonly TaskCompletionSource[] _pulses = [.. Enum.GetValues<OutboxLane>().Select(_ => NewPulse())];
    private FrozenSet<string>? _externalKinds;

    /// <summary>Completes at the next <see cref="Notify()"/> for <paramref name="lane"/>.</summary>
    public Task Next(OutboxLane lane) => Volatile.Read(ref _pulses[(int)lane]).Task;

    /// <summary>Tells which kinds of message belong to the external lane; until then every lane is woken for any work.</summary>
    public void UseLanes(IEnumerable<string> externalKinds) => _externalKinds = externalKinds.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Wakes every lane.</summary>
    public void Notify()
    {
        foreach (var lane in Enum.GetValues<OutboxLane>()) Pulse(lane);
    }

    /// <summary>Wakes the lanes that handle messages of these kinds.</summary>
    public void Notify(IReadOnlyCollection<string> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        if (Volatile.Read(ref _externalKinds) is not { } external)
        {
            Notify();
            return;
        }
        if (kinds.Any(external.Contains)) Pulse(OutboxLane.External);
        if (kinds.Any(k => !external.Contains(k))) Pulse(OutboxLane.Platform);
    }

    private void Pulse(OutboxLane lane) => Interlocked.Exchange(ref _pulses[(int)lane], NewPulse()).TrySetResult();

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits until <paramref name="next"/> (taken from <see cref="Next"/>) completes, or the timeout.</summary>
    public static async Task WaitAsync(Task next, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The poll: work whose commit did not signal (another instance's) is found this way.
        }
    }
}

/// <summary>
/// Wakes the outbox workers once new outbox work is committed, and only then: waking them for a save of anything else
/// (the workers' own bookkeeping among them) would only make every lane look for work again, and waking them before
/// the commit of a transaction the caller opened would let them look before the work is visible, and then sleep.
/// Work saved in a transaction that is then rolled back wakes the workers with the context's next commit, for nothing.
/// </summary>
public sealed class OutboxSaveChangesInterceptor(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    private void Saved(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not CantateDbContext { OutboxKindsAdded.Count: > 0 } db) return;
        // SaveChanges' own transaction has committed by now; one the caller opened has not.
        if (db.Database.CurrentTransaction is not null) return;
        signal.Notify(db.OutboxKindsAdded);
        db.OutboxKindsAdded.Clear();
    }

    private void Committed(TransactionEndEventData eventData)
    {
        if (eventData?.Context is not CantateDbContext { OutboxKindsAdded.Count: > 0 } db) return;
        signal.Notify(db.OutboxKindsAdded);
        db.OutboxKindsAdded.Clear();
    }
}

/// <summary>Handles one kind of outbox message.</summary>
public interface IOutboxHandler
{
    string Kind { get; }
    Task HandleAsync(string payload, CancellationToken cancellationToken);

    /// <summary>
    /// True when the handler's only effects are changes to the scoped <see cref="CantateDbContext"/> (no e-mail, no
    /// HTTP call). Such a handler leaves its changes unsaved: the worker saves them with the message's bookkeeping, and
    /// the database-only messages of one batch together, in one transaction and one SaveChanges, so a batch costs one
    /// commit instead of two per message, and a crash can never keep the effect without marking the message handled.
    /// </summary>
    bool OnlyWritesDatabase => false;

    /// <summary>
    /// Called before the handler is given the database-only messages of one batch (their payloads), so it can read what
    /// they need in one query instead of one per message. Whatever it reads must still be checked when each message is
    /// handled: the batch may be retried message by message with a cleared change tracker.
    /// </summary>
    Task PrepareAsync(IReadOnlyList<string> payloads, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handlers that wait on other systems (webhook receivers) run in their own lane, so a slow receiver never delays routing or e-mail.</summary>
    OutboxLane Lane => OutboxLane.Platform;
}

/// <summary>The outbox worker's independent loops.</summary>
public enum OutboxLane
{
    /// <summary>The platform's own work (routing, notifications, e-mail) and any kind without a handler.</summary>
    Platform,
    /// <summary>Calls to other systems that may be slow to answer.</summary>
    External,
}

/// <summary>
/// Claims due outbox messages and hands them to their handler. Claims are leases: a message whose
/// instance died is taken again when the lease ends. On PostgreSQL, SKIP LOCKED lets several instances
/// share the work without doing anything twice.
/// </summary>
public sealed partial class OutboxWorker(
    IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, ILogger<OutboxWorker> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private const int MaxAttempts = 12;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            signal.UseLanes(scope.ServiceProvider.GetServices<IOutboxHandler>().Where(h => h.Lane == OutboxLane.External).Select(h => h.Kind));
        }
        await ReleaseClaimsOfDeadInstancesAsync(stoppingToken);
        await Task.WhenAll(Enum.GetValues<OutboxLane>().Select(lane => RunLaneAsync(lane, stoppingToken)));
    }

    private async Task RunLaneAsync(OutboxLane lane, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = signal.Next(lane);
            int processed;
            try
            {
                processed = await ProcessBatchAsync(lane, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBatchFailed(logger, ex);
                processed = 0;
            }
            if (processed == 0)
            {
                try { await OutboxSignal.WaitAsync(next, PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>
    /// With SQLite only this process uses the database, so whatever is still claimed was claimed by a process that
    /// died: it is released at once instead of waiting for the lease to end. With PostgreSQL other instances may be
    /// alive, so their leases are left to expire.
    /// </summary>
    private async Task ReleaseClaimsOfDeadInstancesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
        if (db is not SqliteCantateDbContext) return;
        await db.OutboxMessages.Where(m => m.ProcessedAt == null && m.LockedBy != null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTime?)null), cancellationToken);
    }

    /// <summary>Processes one batch of every lane; returns how many messages were handled.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var processed = 0;
        foreach (var lane in Enum.GetValues<OutboxLane>()) processed += await ProcessBatchAsync(lane, cancellationToken);
        return processed;
    }

    /// <summary>Processes one batch of a lane; returns how many messages were handled.</summary>
    public async Task<int> ProcessBatchAsync(OutboxLane lane, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
        var handlers = scope.ServiceProvider.GetServices<IOutboxHandler>().ToDictionary(h => h.Kind);
        var external = handlers.Values.Where(h => h.Lane == OutboxLane.External).Select(h => h.Kind).ToList();
        if (lane == OutboxLane.External && external.Count == 0) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = $"{_instance}:{Guid.NewGuid():N}";
        var gate = scope.ServiceProvider.GetService<SqliteWriteGate>();
        int claimed;
        if (gate is null)
        {
            claimed = await ClaimAsync(db, claim, now, lane, external, cancellationToken);
        }
        else
        {
            await gate.EnterAsync(cancellationToken);
            try { claimed = await ClaimAsync(db, claim, now, lane, external, cancellationToken); }
            finally { gate.Exit(); }
        }
        if (claimed == 0) return 0;

        var messages = await db.OutboxMessages.Where(m => m.LockedBy == claim).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var together = messages.Where(m => handlers.TryGetValue(m.Kind, out var h) && h.OnlyWritesDatabase).ToList();
        if (together.Count > 1 && await TryHandleTogetherAsync(db, gate, handlers, together, cancellationToken))
        {
            messages = messages.Except(together).ToList();
        }
        else if (together.Count > 1)
        {
            // One of them failed: the transaction was rolled back; each is now handled on its own so the others go through.
            db.ChangeTracker.Clear();
            messages = await db.OutboxMessages.Where(m => m.LockedBy == claim).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        }
        foreach (var message in messages)
        {
            await HandleOneAsync(db, handlers, message, cancellationToken);
        }
        return claimed;
    }

    /// <summary>Handles database-only messages in one transaction; false (and nothing kept) when one of them fails.</summary>
    private async Task<bool> TryHandleTogetherAsync(CantateDbContext db, SqliteWriteGate? gate, Dictionary<string, IOutboxHandler> handlers,
        List<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        // SQLite: the transaction holds the database's write lock, so this process's other writers queue at the gate.
        if (gate is not null) await gate.EnterAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var kind in messages.GroupBy(m => m.Kind))
            {
                await handlers[kind.Key].PrepareAsync([.. kind.Select(m => m.Payload)], cancellationToken);
            }
            foreach (var message in messages)
            {
                await handlers[message.Kind].HandleAsync(message.Payload, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            // The bookkeeping of the whole batch in one statement, in the same transaction as the handlers' changes.
            var ids = messages.Select(m => m.Id).ToList();
            var now = clock.GetUtcNow().UtcDateTime;
            await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.ProcessedAt, now)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            foreach (var message in messages) db.Entry(message).State = EntityState.Detached;
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBatchRetriedOneByOne(logger, messages.Count, ex);
            return false;
        }
        finally
        {
            gate?.Exit();
        }
    }

    private async Task HandleOneAsync(CantateDbContext db, Dictionary<string, IOutboxHandler> handlers, OutboxMessage message, CancellationToken cancellationToken)
    {
        message.Attempts++;
        try
        {
            if (!handlers.TryGetValue(message.Kind, out var handler))
            {
                throw new InvalidOperationException($"No handler for outbox messages of kind '{message.Kind}'.");
            }
            await handler.HandleAsync(message.Payload, cancellationToken);
            message.ProcessedAt = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // What the handler left unsaved must not be saved with the retry bookkeeping.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not OutboxMessage || e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }
            message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            if (message.Attempts >= MaxAttempts)
            {
                message.ProcessedAt = clock.GetUtcNow().UtcDateTime;
                LogAbandoned(logger, message.Id, message.Kind, message.Attempts, ex);
            }
            else
            {
                // 2, 4, 8 ... seconds, capped at one hour.
                var delay = TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, message.Attempts)));
                message.AvailableAt = clock.GetUtcNow().UtcDateTime + delay;
                LogRetry(logger, message.Id, message.Kind, message.Attempts, delay, ex);
            }
        }
        message.LockedBy = null;
        message.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Task<int> ClaimAsync(CantateDbContext db, string claim, DateTime now, OutboxLane lane, List<string> externalKinds, CancellationToken cancellationToken)
    {
        var until = now + Lease;
        var skipLocked = db is PostgresCantateDbContext ? " FOR UPDATE SKIP LOCKED" : string.Empty;
        var kinds = string.Join(", ", externalKinds.Select((_, i) => "{" + (i + 3).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}"));
        var inLane = externalKinds.Count == 0 ? string.Empty : lane == OutboxLane.External ? $" AND \"Kind\" IN ({kinds})" : $" AND \"Kind\" NOT IN ({kinds})";
        // Table and column names are EF's defaults; the values are parameters.
        var sql = $$"""
            UPDATE "OutboxMessages" SET "LockedBy" = {0}, "LockedUntil" = {1}
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "ProcessedAt" IS NULL AND "AvailableAt" <= {2} AND ("LockedUntil" IS NULL OR "LockedUntil" < {2}){{inLane}}
                ORDER BY "Id" LIMIT {{BatchSize}}{{skipLocked}})
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [claim, until, now, .. externalKinds], cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: {Count} database-only messages failed together; each is retried on its own")]
    private static partial void LogBatchRetriedOneByOne(ILogger logger, int count, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox batch failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Kind}) failed at attempt {Attempts}; retry in {Delay}")]
    private static partial void LogRetry(ILogger logger, long id, string kind, int attempts, TimeSpan delay, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({Kind}) abandoned after {Attempts} attempts")]
    private static partial void LogAbandoned(ILogger logger, long id, string kind, int attempts, Exception ex);
}
