using Cantate.Invoicing.Syntax;
using Cantate.Testing;
using Cantate.Web.Modules.Invoices;
using Microsoft.EntityFrameworkCore;
using static Cantate.Web.Tests.Api.DepositApiJourney;

namespace Cantate.Web.Tests.Invoices;

/// <summary>"Déposer une facture" with a .zip or .tar.gz batch: one flow, every invoice's result shown at once.</summary>
public abstract class DepositBatchTests(TestDatabase database) : PortalTest(database)
{
    private const string Supplier = InvoiceParties.SupplierSiret;
    private const string Recipient = InvoiceParties.RecipientSiret;

    private static List<(string Number, string Result)> Rows(Page page) =>
        page.Document.QuerySelectorAll(".resultats-lot tr.acceptee, .resultats-lot tr.refusee")
            .Select(r => (r.QuerySelector(".numero")!.TextContent.Trim(), r.ClassName!)).ToList();

    [Fact]
    public async Task A_zip_batch_is_one_flow_and_the_page_shows_each_invoice_with_the_rule_the_field_and_the_explanation()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var wrong = SampleInvoices.Model("F-PL-FAUX", Supplier, Recipient);
        wrong.Totals!.TaxInclusiveAmount = 999.99m;
        var archive = Zip(("a.xml", SampleInvoices.Ubl("F-PL-1", Supplier, Recipient)), ("b.pdf", SampleInvoices.FacturX("F-PL-2", Supplier, Recipient)),
            ("c.xml", InvoiceXml.ToBytes(UblWriter.Write(wrong))), ("d.xml", SampleInvoices.Cii("F-PL-1", Supplier, Recipient)));
        var page = await parties.DepositAsync("lot.zip", archive);

        Assert.Contains("2 facture(s) déposée(s) sur 4", page.Text);
        Assert.Equal("IN_INTEGRE_PARTIEL", page.Document.QuerySelector(".etat-flux")?.TextContent);
        Assert.Equal([("F-PL-1", "acceptee"), ("F-PL-2", "acceptee"), ("F-PL-FAUX", "refusee"), ("F-PL-1", "refusee")], Rows(page));
        var refused = page.Document.QuerySelectorAll(".resultats-lot tr.refusee");
        Assert.Contains("BR-CO-15", refused[0].QuerySelectorAll(".regle").Select(r => r.TextContent));
        Assert.Contains("BT-112", refused[0].TextContent);
        Assert.Contains("DOUBLON", refused[1].QuerySelectorAll(".regle").Select(r => r.TextContent));
        Assert.Contains("figure deux fois dans ce dépôt", refused[1].TextContent);

        var number = page.Document.QuerySelector(".numero-flux")!.TextContent;
        var flow = await Factory.QueryAsync(db => db.DepositFlows.AsNoTracking().SingleAsync());
        Assert.Equal((number, "PORTAIL", FlowStatus.InIntegrePartiel), (flow.Number, flow.Channel, flow.Status));
        await parties.WaitForStatusAsync("F-PL-2", InvoiceStatus.MiseADisposition);
        Assert.Equal(2, await Factory.QueryAsync(db => db.Invoices.CountAsync(i => i.FlowId == flow.Id)));
    }

    [Fact]
    public async Task A_tar_gz_batch_of_valid_invoices_is_integrated_whole()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var page = await parties.DepositAsync("factur-x_chorus_lot_factures.tar.gz",
            TarGz(("factur-x_chorus_facture_F-TG-1.pdf", SampleInvoices.FacturX("F-TG-1", Supplier, Recipient)),
                  ("factur-x_chorus_facture_F-TG-2.pdf", SampleInvoices.FacturX("F-TG-2", Supplier, Recipient))));
        Assert.Contains("2 facture(s) déposée(s) sur 2", page.Text);
        Assert.Equal("IN_INTEGRE", page.Document.QuerySelector(".etat-flux")?.TextContent);
        await parties.WaitForStatusAsync("F-TG-1", InvoiceStatus.MiseADisposition);
        await parties.WaitForStatusAsync("F-TG-2", InvoiceStatus.MiseADisposition);
    }

    [Fact]
    public async Task A_hostile_archive_is_refused_with_its_reason_and_no_invoice_is_created()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var invoice = SampleInvoices.Ubl("F-HOST-1", Supplier, Recipient);
        var page = await parties.DepositAsync("lot.zip", Zip(("ok.xml", invoice), ("../../../x.xml", invoice)));
        Assert.Contains("0 facture(s) déposée(s) sur 0", page.Text);
        Assert.Contains("ARCHIVE-CHEMIN", page.Document.QuerySelectorAll(".problemes .regle").Select(r => r.TextContent));
        Assert.Equal("IN_REJETE", page.Document.QuerySelector(".etat-flux")?.TextContent);
        Assert.Equal(0, await Factory.QueryAsync(db => db.Invoices.CountAsync()));
    }
}

public sealed class DepositBatchOnSqliteTests() : DepositBatchTests(TestDatabase.Sqlite);

public sealed class DepositBatchOnPostgresTests() : DepositBatchTests(TestDatabase.Postgres);
