using Cantate.Testing;
using Cantate.Web.Modules.Api;
using Cantate.Web.Tests.Invoices;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cantate.Web.Tests.Api;

/// <summary>
/// The application stops after an event was committed but before its notification got through (the receiver was
/// down); a new instance on the same data directory and database delivers it, with the same id.
/// </summary>
public abstract class WebhookRestartTests(TestDatabase database) : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "cantate-webhooks", Guid.NewGuid().ToString("N"));
    private readonly string _postgresDatabase = "cantate_" + Guid.NewGuid().ToString("N")[..16];
    private Dictionary<string, string?> _settings = [];

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        _settings = new Dictionary<string, string?> { ["Cantate:DataDirectory"] = _data, ["Cantate:Webhooks:AllowInsecureUrls"] = "true" };
        if (database == TestDatabase.Postgres) _settings["ConnectionStrings:Cantate"] = CantateFactory.PostgresConnectionString(_postgresDatabase);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (database == TestDatabase.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(CantateFactory.PostgresVariable)) { Database = "postgres", Pooling = false };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_notification_whose_receiver_was_down_when_the_application_stopped_is_delivered_by_the_next_instance()
    {
        using var receiver = new WebhookReceiver();
        WebhookDelivery pending;
        string secret;
        var first = new CantateFactory(database, _settings);
        await using (first)
        {
            var parties = await InvoiceParties.CreateAsync(first);
            secret = await RaccordementJourney.SubscribeAsync(parties.Supplier, parties.SupplierId, receiver.UrlFor("flux"), WebhookEvents.FlowProcessed);
            await parties.DepositAsync("f.xml", SampleInvoices.Ubl("F-2026-710", InvoiceParties.SupplierSiret, InvoiceParties.RecipientSiret));
            pending = await WaitForAsync(first, d => d.Attempts == 1);
            Assert.Equal(WebhookDeliveryStatus.EnAttente, pending.Status);
            Assert.Null(pending.LastStatusCode);
            Assert.StartsWith("Erreur réseau", pending.LastResponse, StringComparison.Ordinal);
            parties.Supplier.Dispose();
            parties.Recipient.Dispose();
            Assert.Empty(first.ErrorLog.Errors);
        }

        receiver.Start();
        await using var second = new CantateFactory(database, _settings);
        _ = second.Services; // starts the host, hence the outbox worker
        // The new instance's clock starts at the real time; the retry falls due when it passes the time the first one set.
        var wait = pending.NextAttemptAt!.Value - second.Clock.GetUtcNow().UtcDateTime;
        if (wait > TimeSpan.Zero) second.Clock.Advance(wait + TimeSpan.FromSeconds(1));
        var received = await receiver.WaitForAsync(_ => true);
        Assert.Equal(pending.Id.ToString(), received.Delivery);
        Assert.Equal(pending.Payload, received.Body);
        Assert.True(received.IsSignedWith(secret));
        var delivered = await WaitForAsync(second, d => d.Status == WebhookDeliveryStatus.Livree);
        Assert.Equal(2, delivered.Attempts);
        Assert.Single(receiver.Received);
        Assert.Empty(second.ErrorLog.Errors);
    }

    private static async Task<WebhookDelivery> WaitForAsync(CantateFactory factory, Func<WebhookDelivery, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var delivery = await factory.QueryAsync(db => db.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync());
            if (delivery is not null && condition(delivery)) return delivery;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Delivery: {delivery?.Status} after {delivery?.Attempts} attempt(s): {delivery?.LastResponse}");
            await Task.Delay(50);
        }
    }
}

public sealed class WebhookRestartOnSqliteTests() : WebhookRestartTests(TestDatabase.Sqlite);

public sealed class WebhookRestartOnPostgresTests() : WebhookRestartTests(TestDatabase.Postgres);
