using Cantate.Testing;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features.DepositInvoice;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Web.Tests.Invoices;

/// <summary>Routing reads the invoices of an outbox batch together, and still routes each one when the batch is retried message by message.</summary>
public abstract class RoutingBatchTests(TestDatabase database) : PortalTest(database)
{
    [Fact]
    public async Task The_invoices_of_a_batch_are_read_together_and_each_is_routed()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add(await DepositWithoutRoutingAsync(parties, $"F-LOT-{i}"));

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
        var routing = scope.ServiceProvider.GetServices<IOutboxHandler>().OfType<InvoiceRouting>().Single();
        var payloads = ids.Select(Payload).ToList();
        await routing.PrepareAsync(payloads, CancellationToken.None);
        Assert.Equal(3, db.ChangeTracker.Entries<Invoice>().Count());
        foreach (var payload in payloads) await routing.HandleAsync(payload, CancellationToken.None);
        await db.SaveChangesAsync();

        var statuses = await Factory.QueryAsync(d => d.Invoices.Where(i => ids.Contains(i.Id)).Select(i => i.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(InvoiceStatus.MiseADisposition, s));
    }

    [Fact]
    public async Task An_invoice_read_with_a_batch_that_was_given_up_is_read_again_and_routed()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var id = await DepositWithoutRoutingAsync(parties, "F-LOT-REPRIS");

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
        var routing = scope.ServiceProvider.GetServices<IOutboxHandler>().OfType<InvoiceRouting>().Single();
        await routing.PrepareAsync([Payload(id)], CancellationToken.None);
        // What the outbox worker does when a batch fails: the change tracker is cleared, then each message is handled alone.
        db.ChangeTracker.Clear();
        await routing.HandleAsync(Payload(id), CancellationToken.None);
        await db.SaveChangesAsync();

        var invoice = await Factory.QueryAsync(d => d.Invoices.Include(i => i.History).SingleAsync(i => i.Id == id));
        Assert.Equal(InvoiceStatus.MiseADisposition, invoice.Status);
        Assert.Equal(["DEPOSEE", "EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION"], invoice.History.OrderBy(e => e.Id).Select(e => e.Action));
    }

    private static string Payload(Guid id) => System.Text.Json.JsonSerializer.Serialize(new InvoiceRouting.Message(id));

    /// <summary>A deposited invoice whose routing message is left out, so the test hands it to the routing itself.</summary>
    private async Task<Guid> DepositWithoutRoutingAsync(InvoiceParties parties, string number)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantateDbContext>();
        var check = scope.ServiceProvider.GetRequiredService<InvoiceCheck>();
        var content = SampleInvoices.Ubl(number, InvoiceParties.SupplierSiret, InvoiceParties.RecipientSiret);
        var outcome = await check.CheckAsync(parties.SupplierId, $"{number}.xml", content, new HashSet<string>(), CancellationToken.None);
        Assert.True(outcome.Accepted, string.Join(" ", outcome.Problems.Select(p => p.Message)));
        var depositor = new Depositor(parties.SupplierId, null, "test", "API");
        var now = Factory.Clock.GetUtcNow().UtcDateTime;
        var flow = DepositInvoice.NewFlow(depositor, "IN_DP_E1_UBL_INVOICE", $"{number}.xml", content, "test/" + number + ".xml", now);
        db.DepositFlows.Add(flow);
        var invoice = DepositInvoice.Add(db, outcome.Draft!, flow, depositor, "test/" + number + ".xml", now);
        foreach (var message in db.ChangeTracker.Entries<OutboxMessage>().ToList()) message.State = EntityState.Detached;
        await db.SaveChangesAsync();
        Assert.Equal(InvoiceStatus.Deposee, invoice.Status);
        return invoice.Id;
    }
}

public sealed class RoutingBatchOnSqliteTests() : RoutingBatchTests(TestDatabase.Sqlite);

public sealed class RoutingBatchOnPostgresTests() : RoutingBatchTests(TestDatabase.Postgres);
