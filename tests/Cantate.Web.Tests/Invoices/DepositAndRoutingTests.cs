using System.Security.Cryptography;
using Cantate.Invoicing.Syntax;
using Cantate.Testing;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features.DepositInvoice;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Web.Tests.Invoices;

public abstract class DepositAndRoutingTests(TestDatabase database) : PortalTest(database)
{
    private const string Supplier = InvoiceParties.SupplierSiret;
    private const string Recipient = InvoiceParties.RecipientSiret;

    [Theory]
    [InlineData("UBL")]
    [InlineData("CII")]
    [InlineData("FACTURX")]
    public async Task A_valid_invoice_is_deposited_with_a_certificate_and_reaches_its_recipient(string format)
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var number = $"F-{format}-1";
        var (name, content) = format switch
        {
            "UBL" => ("facture.xml", SampleInvoices.Ubl(number, Supplier, Recipient)),
            "CII" => ("facture-cii.xml", SampleInvoices.Cii(number, Supplier, Recipient)),
            _ => ("facture.pdf", SampleInvoices.FacturX(number, Supplier, Recipient)),
        };
        var page = await parties.DepositAsync(name, content);
        Assert.Contains($"La facture {number} est déposée", page.Text);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), page.Document.QuerySelector(".empreinte")?.TextContent);
        var flowNumber = page.Document.QuerySelector(".numero-flux")!.TextContent;

        var invoice = await parties.WaitForStatusAsync(number, InvoiceStatus.MiseADisposition);
        Assert.Equal(["DEPOSEE", "EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION"], invoice.History.OrderBy(h => h.Id).Select(h => h.Action));
        Assert.Equal(parties.RecipientId, invoice.RecipientStructureId);
        Assert.Equal(360m, invoice.TotalWithVat);
        var flow = await Factory.QueryAsync(db => db.DepositFlows.SingleAsync(f => f.Number == flowNumber));
        Assert.Equal((FlowStatus.InIntegre, content.LongLength), (flow.Status, flow.Size));
        Assert.True(File.Exists(Path.Combine(Factory.DataDirectory, "documents", flow.StoragePath)));

        var received = await parties.Recipient.GetAsync($"/espaces/factures-recues?structure={parties.RecipientId}");
        Assert.Contains(number, received.Text);
        Assert.Contains("ATELIER DUPONT MENUISERIE", received.Text);
        var sent = await parties.Supplier.GetAsync($"/espaces/factures-emises?structure={parties.SupplierId}");
        Assert.Contains("Mise à disposition", sent.Text);
    }

    [Fact]
    public async Task An_invoice_that_breaks_en16931_is_refused_at_once_with_the_rule_and_the_field_and_nothing_is_kept()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var model = SampleInvoices.Model("F-FAUX-1", Supplier, Recipient);
        model.Totals!.TaxInclusiveAmount = 999.99m;
        var page = await parties.DepositAsync("faux.xml", InvoiceXml.ToBytes(UblWriter.Write(model)));
        Assert.Contains("n'est pas déposée", page.Text);
        var rules = page.Document.QuerySelectorAll(".problemes .regle").Select(r => r.TextContent).ToList();
        Assert.Contains("BR-CO-15", rules);
        Assert.Contains("BT-112", page.Text);
        Assert.Equal(0, await Factory.QueryAsync(db => db.DepositFlows.CountAsync()));
        Assert.Equal(0, await Factory.QueryAsync(db => db.Invoices.CountAsync()));
    }

    [Theory]
    [InlineData("vide.xml", "", "FICHIER-VIDE")]
    [InlineData("texte.xml", "ceci n'est pas une facture", "XML-WF")]
    [InlineData("xxe.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "XML-DOCTYPE")]
    [InlineData("faux.pdf", "%PDF-1.4 pas vraiment un PDF", "FX-NO-XML")]
    public async Task An_unreadable_or_hostile_file_is_refused_with_a_clear_reason(string name, string text, string rule)
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var page = await parties.DepositAsync(name, System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Contains("n'est pas déposée", page.Text);
        Assert.Contains(rule, page.Document.QuerySelectorAll(".problemes .regle").Select(r => r.TextContent));
        Assert.Equal(0, await Factory.QueryAsync(db => db.DepositFlows.CountAsync()));
    }

    public static TheoryData<string, string?, string?, string> RoutingRefusals() => new()
    {
        // recipient flags are set by each case; (service, EJ) on the invoice; expected rule
        { "service", null, null, "ROUTAGE-SERVICE-OBLIGATOIRE" },
        { "engagement", null, null, "ROUTAGE-EJ-OBLIGATOIRE" },
        { "either", null, null, "ROUTAGE-SERVICE-OU-EJ" },
        { "none", "INCONNU", null, "ROUTAGE-SERVICE-INCONNU" },
        { "none", "FERME", null, "ROUTAGE-SERVICE-INACTIF" },
        { "none", "TRAVAUX", null, "ROUTAGE-EJ-OBLIGATOIRE-SERVICE" },
        { "inactive", null, null, "ROUTAGE-DESTINATAIRE-INACTIF" },
    };

    [Theory]
    [MemberData(nameof(RoutingRefusals))]
    public async Task Routing_rules_of_the_directory_are_enforced_at_deposit(string flags, string? service, string? engagement, string rule)
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        await parties.SetRoutingAsync(service: flags == "service", engagement: flags == "engagement", serviceOrEngagement: flags == "either",
            active: flags != "inactive",
            new StructureService { Code = "FERME", Label = "Service fermé", IsActive = false },
            new StructureService { Code = "TRAVAUX", Label = "Travaux", EngagementRequired = true });
        var page = await parties.DepositAsync("f.xml", SampleInvoices.Ubl("F-ROUTE-1", Supplier, Recipient, service, engagement));
        Assert.Contains(rule, page.Document.QuerySelectorAll(".problemes .regle").Select(r => r.TextContent));
        Assert.Equal(0, await Factory.QueryAsync(db => db.Invoices.CountAsync()));

        // The same invoice with what the directory asks for goes through.
        if (flags != "inactive")
        {
            var fixedPage = await parties.DepositAsync("f.xml", SampleInvoices.Ubl("F-ROUTE-1", Supplier, Recipient,
                flags == "engagement" ? null : "TRAVAUX", "EJ-2026-0042"));
            Assert.Contains("est déposée", fixedPage.Text);
        }
    }

    [Fact]
    public async Task An_unknown_recipient_is_refused()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var page = await parties.DepositAsync("f.xml", SampleInvoices.Ubl("F-INCONNU", Supplier, "21920023500014"));
        Assert.Contains("ROUTAGE-DESTINATAIRE-INCONNU", page.Document.QuerySelectorAll(".problemes .regle").Select(r => r.TextContent));
    }

    [Fact]
    public async Task The_same_invoice_number_cannot_be_deposited_twice_by_a_supplier()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        Assert.Contains("est déposée", (await parties.DepositAsync("a.xml", SampleInvoices.Ubl("F-2026-7", Supplier, Recipient))).Text);
        var again = await parties.DepositAsync("b.xml", SampleInvoices.Cii("F-2026-7", Supplier, Recipient));
        Assert.Contains("DOUBLON", again.Document.QuerySelectorAll(".problemes .regle").Select(r => r.TextContent));
        Assert.Equal(1, await Factory.QueryAsync(db => db.Invoices.CountAsync()));
    }

    [Fact]
    public async Task Deposits_arriving_together_are_each_saved_once_and_a_number_deposited_twice_at_once_is_refused_once()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        // Twenty deposits at once, the last one repeating the first one's number: they share commits, and a group that
        // holds both numbers must fail as a whole and be saved again deposit by deposit.
        var numbers = Enumerable.Range(0, 20).Select(i => $"F-GRP-{(i == 19 ? 0 : i)}").ToList();
        var results = await Task.WhenAll(numbers.Select(async (number, i) =>
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var deposit = scope.ServiceProvider.GetRequiredService<DepositInvoice>();
            return await deposit.HandleAsync(parties.SupplierId, null, "test", "API", $"{i}.xml", SampleInvoices.Ubl(number, Supplier, Recipient), CancellationToken.None);
        }));

        Assert.Equal(19, results.Count(r => r.Accepted));
        var refused = Assert.Single(results, r => !r.Accepted);
        Assert.Equal("DOUBLON", Assert.Single(refused.Problems).Rule);
        var saved = await Factory.QueryAsync(db => db.Invoices.Select(i => new { i.Id, i.Number, i.FlowId, i.CppId }).ToListAsync());
        Assert.Equal(results.Where(r => r.Accepted).Select(r => r.Invoice!.Id).Order(), saved.Select(i => i.Id).Order());
        Assert.Equal(numbers.Distinct().Order(), saved.Select(i => i.Number).Order());
        Assert.Equal(19, saved.Select(i => i.CppId).Distinct().Count());
        var flows = await Factory.QueryAsync(db => db.DepositFlows.Select(f => f.Id).ToListAsync());
        Assert.Equal(saved.Select(i => i.FlowId).Order(), flows.Order());
        foreach (var number in numbers.Distinct()) await parties.WaitForStatusAsync(number, InvoiceStatus.MiseADisposition);
    }

    [Fact]
    public async Task An_invoice_number_over_twenty_characters_is_refused_by_the_chorus_rules()
    {
        var parties = await InvoiceParties.CreateAsync(Factory);
        var page = await parties.DepositAsync("long.xml", SampleInvoices.Ubl("F-2026-NUMERO-TROP-LONG", Supplier, Recipient));
        Assert.Contains("n'est pas déposée", page.Text);
        Assert.Contains("BT-1", page.Text);
    }
}

public sealed class DepositAndRoutingOnSqliteTests() : DepositAndRoutingTests(TestDatabase.Sqlite);

public sealed class DepositAndRoutingOnPostgresTests() : DepositAndRoutingTests(TestDatabase.Postgres);
