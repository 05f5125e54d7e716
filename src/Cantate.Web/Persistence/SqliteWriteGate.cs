using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cantate.Web.Persistence;

/// <summary>
/// SQLite allows one writer at a time. When several threads of this process write at once, the losers get
/// SQLITE_BUSY and the driver retries after sleeping, which turns a 5 ms commit into hundreds of milliseconds.
/// This gate makes the process's writers queue instead: each SaveChanges and each transaction takes it first.
/// </summary>
public sealed class SqliteWriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task EnterAsync(CancellationToken cancellationToken) => _gate.WaitAsync(cancellationToken);

    public void Enter() => _gate.Wait();

    public void Exit() => _gate.Release();

    public void Dispose() => _gate.Dispose();
}

/// <summary>Takes the gate around SaveChanges (not inside an explicit transaction, which SQLite's own lock covers).</summary>
public sealed class SqliteWriteGateInterceptor(SqliteWriteGate gate) : SaveChangesInterceptor
{
    private readonly ConcurrentDictionary<DbContext, bool> _holders = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData?.Context is { } context && context.Database.CurrentTransaction is null)
        {
            await gate.EnterAsync(cancellationToken);
            _holders[context] = true;
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData?.Context is { } context && context.Database.CurrentTransaction is null)
        {
            gate.Enter();
            _holders[context] = true;
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData?.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData?.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData?.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData?.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData?.Context);
        return Task.CompletedTask;
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _holders.TryRemove(context, out _)) gate.Exit();
    }
}
