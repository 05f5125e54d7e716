using System.Globalization;
using Cantate.Testing;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Web.Tests.Invoices;

/// <summary>
/// A list filtered on a range of issue dates is paged from the keys read through the issue-date index; it must give
/// exactly the pages the database's own ordering gives, ties on the deposit date included.
/// </summary>
public abstract class InvoiceListPagingTests(TestDatabase database) : PortalTest(database)
{
    private const int Rows = 130;

    [Fact]
    public async Task Pages_filtered_on_issue_dates_match_the_unfiltered_order_and_keep_only_the_range()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        await parties.DepositAsync("facture.xml", SampleInvoices.Ubl("P-0", InvoiceParties.SupplierSiret, InvoiceParties.RecipientSiret));
        await parties.WaitForStatusAsync("P-0", InvoiceStatus.MiseADisposition);
        await InsertAsync(parties);

        // Every issue date of the rows lies in 2025; a range over the whole year keeps them all, so its pages must be the
        // unfiltered pages minus the deposited invoice (issued today).
        var all = new List<InvoiceRow>();
        var ranged = new List<InvoiceRow>();
        for (var page = 1; page <= 4; page++)
        {
            all.AddRange(await ListAsync(parties.RecipientId, new InvoiceFilter(Page: page)));
            ranged.AddRange(await ListAsync(parties.RecipientId, new InvoiceFilter(From: new DateOnly(2025, 1, 1), To: new DateOnly(2025, 12, 31), Page: page)));
        }
        Assert.Equal(Rows + 1, all.Count);
        Assert.Equal(all.Where(r => r.Number != "P-0").Select(r => r.Number), ranged.Select(r => r.Number));

        // A narrow range keeps exactly its rows, newest deposit first, with the other filters applied too.
        var narrow = await ListAsync(parties.RecipientId, new InvoiceFilter(From: new DateOnly(2025, 3, 1), To: new DateOnly(2025, 3, 10), MinAmount: 200m));
        var expected = all.Where(r => r.IssueDate >= new DateOnly(2025, 3, 1) && r.IssueDate <= new DateOnly(2025, 3, 10) && r.TotalWithVat >= 200m)
            .Select(r => r.Number).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, narrow.Select(r => r.Number));
        Assert.True(narrow.Zip(narrow.Skip(1)).All(p => p.First.DepositedAt >= p.Second.DepositedAt));
    }

    private async Task<List<InvoiceRow>> ListAsync(Guid recipientId, InvoiceFilter filter)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ListInvoices>().ReceivedAsync(recipientId, filter, CancellationToken.None);
    }

    /// <summary>Rows written straight to the table: issue dates one a day from 1 January 2025, deposits by threes at the same instant.</summary>
    private Task<int> InsertAsync(InvoiceParties parties) => Factory.QueryAsync(async db =>
    {
        var flowId = await db.DepositFlows.Select(f => f.Id).FirstAsync();
        var start = new DateTime(2025, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        var rows = Enumerable.Range(1, Rows).Select(i =>
        {
            var deposited = start.AddDays(i / 3);
            var amount = 100m + (i % 5 * 50m);
            return string.Create(CultureInfo.InvariantCulture,
                $"('{G(Guid.NewGuid())}','{G(flowId)}','{G(parties.SupplierId)}','{G(parties.RecipientId)}','P-{i:D3}','380','A1','{DateOnly.FromDateTime(start.AddDays(i)):yyyy-MM-dd}','EUR',{amount},0,{amount},{amount},'FOURNISSEUR','{InvoiceParties.RecipientSiret}','DESTINATAIRE','x.xml','UBL-Invoice','MISE_A_DISPOSITION','{deposited:yyyy-MM-dd HH:mm:ss}','{deposited:yyyy-MM-dd HH:mm:ss}',1,{900_000 + i},'UPLOAD_API')");
        });
        // Every value is generated above by the test.
#pragma warning disable EF1003
        return await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Invoices" ("Id","FlowId","SupplierStructureId","RecipientStructureId","Number","TypeCode","Cadre","IssueDate","Currency",
              "TotalWithoutVat","TotalVat","TotalWithVat","AmountDue","SupplierName","RecipientSiret","RecipientName","DocumentPath","Syntax","Status",
              "DepositedAt","StatusChangedAt","Version","CppId","DepositMode") VALUES
            """ + string.Join(",", rows));
#pragma warning restore EF1003
    });

    // EF Core stores GUIDs as upper-case text in SQLite; PostgreSQL's uuid accepts either case.
    private static string G(Guid id) => id.ToString("D").ToUpperInvariant();
}

public sealed class InvoiceListPagingOnSqliteTests() : InvoiceListPagingTests(TestDatabase.Sqlite);

public sealed class InvoiceListPagingOnPostgresTests() : InvoiceListPagingTests(TestDatabase.Postgres);
