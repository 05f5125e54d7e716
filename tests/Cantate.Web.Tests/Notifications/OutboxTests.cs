using System.Collections.Concurrent;
using Cantate.Testing;
using Cantate.Web.Modules.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cantate.Web.Tests.Notifications;

public abstract class OutboxTests(TestDatabase database) : IAsyncLifetime
{
    private const string Kind = "test-work";
    private readonly ConcurrentDictionary<string, int> _runs = new();
    private CantateFactory _factory = default!;

    private sealed class CountingHandler(ConcurrentDictionary<string, int> runs) : IOutboxHandler
    {
        public string Kind => OutboxTests.Kind;

        public async Task HandleAsync(string payload, CancellationToken cancellationToken)
        {
            runs.AddOrUpdate(payload, 1, (_, n) => n + 1);
            await Task.Delay(5, cancellationToken);
        }
    }

    /// <summary>A database-only handler: its effect (an "echo" message) is saved by the worker with the batch; "boom" fails.</summary>
    private sealed class EchoHandler(Cantate.Web.Persistence.CantateDbContext db) : IOutboxHandler
    {
        public string Kind => "test-db-only";

        public bool OnlyWritesDatabase => true;

        public Task HandleAsync(string payload, CancellationToken cancellationToken)
        {
            if (payload == "\"boom\"") throw new InvalidOperationException("boom");
            db.Enqueue("test-echo", payload, DateTime.UtcNow);
            return Task.CompletedTask;
        }
    }

    public Task InitializeAsync()
    {
        _factory = new CantateFactory(database, services: s => s
            .AddScoped<IOutboxHandler>(_ => new CountingHandler(_runs))
            .AddScoped<IOutboxHandler, EchoHandler>());
        _ = _factory.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Several_workers_share_the_outbox_and_each_message_is_handled_exactly_once()
    {
        const int count = 300;
        await _factory.QueryAsync(async db =>
        {
            for (var i = 0; i < count; i++) db.Enqueue(Kind, i, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        // Three more instances compete with the application's own worker, as several servers would.
        var workers = Enumerable.Range(0, 3).Select(_ => new OutboxWorker(
            _factory.Services.GetRequiredService<IServiceScopeFactory>(), new OutboxSignal(), TimeProvider.System, NullLogger<OutboxWorker>.Instance)).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        await Task.WhenAll(workers.Select(async worker =>
        {
            while (DateTime.UtcNow < deadline && _runs.Count < count)
            {
                if (await worker.ProcessBatchAsync(CancellationToken.None) == 0) await Task.Delay(10);
            }
        }));

        Assert.Equal(count, _runs.Count);
        Assert.All(_runs, r => Assert.Equal(1, r.Value));
        var pending = await _factory.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == Kind && m.ProcessedAt == null));
        Assert.Equal(0, pending);
        Assert.Equal(count, await _factory.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == Kind && m.Attempts == 1)));
    }

    [Fact]
    public async Task Database_only_messages_are_handled_together_and_one_failing_sends_the_others_through_one_by_one()
    {
        foreach (var payloads in new[] { new[] { "a", "b", "c", "d" }, ["e", "boom", "f"] })
        {
            await _factory.QueryAsync(async db =>
            {
                foreach (var p in payloads) db.Enqueue("test-db-only", p, _factory.Clock.GetUtcNow().UtcDateTime);
                return await db.SaveChangesAsync();
            });
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && await _factory.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "test-echo")) < 6) await Task.Delay(50);

        var echoes = await _factory.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == "test-echo").Select(m => m.Payload).ToListAsync());
        Assert.Equal(["a", "b", "c", "d", "e", "f"], echoes.Select(e => System.Text.Json.JsonSerializer.Deserialize<string>(System.Text.Json.JsonSerializer.Deserialize<string>(e)!)).Order());
        var handled = await _factory.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == "test-db-only").ToListAsync());
        Assert.All(handled.Where(m => m.Payload != "\"boom\""), m =>
        {
            Assert.NotNull(m.ProcessedAt);
            Assert.Equal(1, m.Attempts);
            Assert.Null(m.LockedBy);
            Assert.Null(m.LastError);
        });
        var failed = Assert.Single(handled, m => m.Payload == "\"boom\"");
        Assert.Null(failed.ProcessedAt);
        Assert.Equal("boom", failed.LastError);
    }

    [Fact]
    public async Task A_failing_message_is_retried_later_and_does_not_block_the_others()
    {
        await _factory.QueryAsync(async db =>
        {
            var now = _factory.Clock.GetUtcNow().UtcDateTime;
            db.Enqueue("kind-without-handler", 1, now);
            db.Enqueue(Kind, "after", now);
            return await db.SaveChangesAsync();
        });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!_runs.ContainsKey("\"after\"") && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(_runs.ContainsKey("\"after\""));
        var failed = await _factory.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == "kind-without-handler"));
        Assert.Null(failed.ProcessedAt);
        Assert.Contains("No handler", failed.LastError);
        Assert.True(failed.AvailableAt > _factory.Clock.GetUtcNow().UtcDateTime, "the failed message waits before its next attempt");
    }
}

public sealed class OutboxOnSqliteTests() : OutboxTests(TestDatabase.Sqlite);

public sealed class OutboxOnPostgresTests() : OutboxTests(TestDatabase.Postgres);

public sealed class OutboxSignalTests
{
    [Fact]
    public void Before_the_lanes_are_known_any_work_wakes_every_lane()
    {
        var signal = new OutboxSignal();
        var (platform, external) = (signal.Next(OutboxLane.Platform), signal.Next(OutboxLane.External));
        signal.Notify(["invoice-routing"]);
        Assert.True(platform.IsCompleted);
        Assert.True(external.IsCompleted);
    }

    [Fact]
    public void Work_wakes_only_the_lane_that_handles_its_kind()
    {
        var signal = new OutboxSignal();
        signal.UseLanes(["webhook-delivery"]);
        var (platform, external) = (signal.Next(OutboxLane.Platform), signal.Next(OutboxLane.External));
        signal.Notify(["invoice-routing"]);
        Assert.True(platform.IsCompleted);
        Assert.False(external.IsCompleted);

        var nextPlatform = signal.Next(OutboxLane.Platform);
        Assert.False(nextPlatform.IsCompleted);
        signal.Notify(["webhook-delivery"]);
        Assert.True(external.IsCompleted);
        Assert.False(nextPlatform.IsCompleted);

        signal.Notify();
        Assert.True(nextPlatform.IsCompleted);
    }
}

/// <summary>The workers are woken when new outbox work is committed: not by other saves, not before the commit of the caller's transaction.</summary>
public abstract class OutboxWakeUpTests(TestDatabase database) : IAsyncLifetime
{
    private CantateFactory _factory = default!;

    public Task InitializeAsync()
    {
        _factory = new CantateFactory(database);
        _ = _factory.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_save_without_outbox_work_wakes_no_one_and_work_saved_in_a_transaction_wakes_at_its_commit()
    {
        var signal = _factory.Services.GetRequiredService<OutboxSignal>();
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Cantate.Web.Persistence.CantateDbContext>();

        var next = signal.Next(OutboxLane.Platform);
        db.Structures.Add(new Cantate.Web.Modules.Structures.Structure { Siret = "84321765400014", RaisonSociale = "ATELIER DUPONT" });
        await db.SaveChangesAsync();
        Assert.False(next.IsCompleted, "a save without outbox work woke the workers");

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Enqueue("kind-for-the-test", 1, DateTime.UtcNow);
            await db.SaveChangesAsync();
            Assert.False(next.IsCompleted, "the workers were woken before the work they would look for was committed");
            await transaction.CommitAsync();
        }
        Assert.True(next.IsCompleted, "committed work did not wake the workers");

        next = signal.Next(OutboxLane.Platform);
        db.Enqueue("kind-for-the-test", 2, DateTime.UtcNow);
        await db.SaveChangesAsync();
        Assert.True(next.IsCompleted, "work saved on its own did not wake the workers");
    }
}

public sealed class OutboxWakeUpOnSqliteTests() : OutboxWakeUpTests(TestDatabase.Sqlite);

public sealed class OutboxWakeUpOnPostgresTests() : OutboxWakeUpTests(TestDatabase.Postgres);
