using System.Collections.Concurrent;
using System.Security.Cryptography;
using Cantate.Testing;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Invoices;

/// <summary>
/// Kills the portal with SIGKILL while suppliers are depositing, then starts it again on the same data:
/// every acknowledged deposit must be there and be routed exactly once.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "cantate-crash", Guid.NewGuid().ToString("N"));
    private readonly TestSmtpServer _smtp = new();

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    private SqliteCantateDbContext Database() =>
        new(new DbContextOptionsBuilder<SqliteCantateDbContext>().UseSqlite(PersistenceModule.SqliteConnectionString(_data)).Options);

    [Fact]
    public async Task After_a_sigkill_during_deposits_every_acknowledged_invoice_is_routed_exactly_once()
    {
        var app = await CantateProcess.StartAsync(_data, _smtp.Port);
        using (var recipient = app.CreatePortalClient())
        {
            await AccountJourney.OnboardAsync(_smtp, recipient, "agent@exemple.fr", InvoiceParties.RecipientSiret);
        }
        await using (var db = Database())
        {
            var structure = await db.Structures.SingleAsync(s => s.Siret == InvoiceParties.RecipientSiret);
            (structure.ServiceCodeRequired, structure.EngagementRequired, structure.ServiceOrEngagementRequired) = (false, false, false);
            await db.SaveChangesAsync();
        }
        var supplierClient = app.CreatePortalClient();
        await AccountJourney.OnboardAsync(_smtp, supplierClient, "fournisseur@exemple.fr", InvoiceParties.SupplierSiret);
        Guid supplierId;
        await using (var db = Database()) supplierId = await db.Structures.Where(s => s.Siret == InvoiceParties.SupplierSiret).Select(s => s.Id).SingleAsync();

        // Four suppliers' sessions deposit in parallel; the process is killed once 12 deposits were acknowledged.
        var acknowledged = new ConcurrentDictionary<string, string>();
        var sent = 0;
        using var killSwitch = new CancellationTokenSource();
        async Task DepositLoopAsync(int lane)
        {
            for (var i = 0; !killSwitch.IsCancellationRequested && i < 40; i++)
            {
                var number = $"F-{lane}-{i:D3}";
                var content = SampleInvoices.Ubl(number, InvoiceParties.SupplierSiret, InvoiceParties.RecipientSiret);
                try
                {
                    var form = await supplierClient.GetAsync($"/espaces/factures-emises/deposer?structure={supplierId}");
                    Interlocked.Increment(ref sent);
                    var page = await supplierClient.UploadAsync(form, "Fichier", number + ".xml", content);
                    if (page.Document.QuerySelector(".empreinte")?.TextContent is { } sha)
                    {
                        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), sha);
                        acknowledged[number] = sha;
                    }
                }
                catch (HttpRequestException) { return; }
                catch (TaskCanceledException) { return; }
            }
        }
        var lanes = Enumerable.Range(0, 4).Select(DepositLoopAsync).ToList();
        while (acknowledged.Count < 12 && lanes.Any(l => !l.IsCompleted)) await Task.Delay(5);
        app.Kill();
        killSwitch.Cancel();
        await Task.WhenAll(lanes);
        Assert.True(acknowledged.Count >= 12, $"only {acknowledged.Count} deposits were acknowledged before the kill");

        using var restarted = await CantateProcess.StartAsync(_data, _smtp.Port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<Invoice> invoices;
        while (true)
        {
            await using var db = Database();
            invoices = await db.Invoices.AsNoTracking().Include(i => i.History).ToListAsync();
            if (invoices.All(i => i.Status == InvoiceStatus.MiseADisposition) && acknowledged.Keys.All(n => invoices.Any(i => i.Number == n))) break;
            Assert.True(DateTime.UtcNow < deadline, "not every invoice was routed after the restart: "
                + string.Join(", ", invoices.Where(i => i.Status != InvoiceStatus.MiseADisposition).Select(i => $"{i.Number}={i.Status}")));
            await Task.Delay(100);
        }

        // Nothing acknowledged is missing; an invoice whose answer the kill cut off may exist, and is then complete too.
        Assert.All(acknowledged.Keys, number => Assert.Contains(invoices, i => i.Number == number));
        Assert.True(invoices.Count <= sent);
        Assert.All(invoices, invoice => Assert.Equal(["DEPOSEE", "EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION"],
            invoice.History.OrderBy(h => h.Id).Select(h => h.Action)));
        await using (var db = Database())
        {
            var flows = await db.DepositFlows.AsNoTracking().ToListAsync();
            Assert.Equal(invoices.Count, flows.Count);
            Assert.All(flows, flow =>
            {
                Assert.Equal(FlowStatus.InIntegre, flow.Status);
                var bytes = File.ReadAllBytes(Path.Combine(_data, "documents", flow.StoragePath));
                Assert.Equal(flow.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            });
            foreach (var (number, sha) in acknowledged)
            {
                var invoice = invoices.Single(i => i.Number == number);
                Assert.Equal(sha, flows.Single(f => f.Id == invoice.FlowId).Sha256);
            }
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null && m.Kind == "invoice-routing"));
        }
        supplierClient.Dispose();
    }
}
