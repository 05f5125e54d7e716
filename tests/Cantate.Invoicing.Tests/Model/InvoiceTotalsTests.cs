using Cantate.Invoicing.Model;
using Cantate.Invoicing.Syntax;
using Cantate.Invoicing.Tests.Syntax;
using FsCheck.Xunit;

namespace Cantate.Invoicing.Tests.Model;

public class InvoiceTotalsTests
{
    private static InvoiceLine Line(decimal quantity, decimal price, string category = "S", decimal? rate = 20m, decimal? baseQuantity = null) => new()
    {
        Quantity = quantity,
        Price = new PriceDetails { NetPrice = price, BaseQuantity = baseQuantity },
        Vat = new LineVat { CategoryCode = category, Rate = rate },
    };

    [Fact]
    public void Amounts_are_rounded_half_away_from_zero_to_two_decimals()
    {
        Assert.Equal(0.13m, InvoiceTotals.Round(0.125m));
        Assert.Equal(-0.13m, InvoiceTotals.Round(-0.125m));
        Assert.Equal(0.12m, InvoiceTotals.Round(0.1249m));
    }

    [Fact]
    public void A_line_net_amount_is_quantity_times_price_per_base_quantity_plus_charges_minus_allowances()
    {
        var line = Line(3m, 19.99m, baseQuantity: 2m);
        line.AllowanceCharges.Add(new LineAllowanceCharge { IsCharge = false, BaseAmount = 29.99m, Percentage = 10m });
        line.AllowanceCharges.Add(new LineAllowanceCharge { IsCharge = true, Amount = 1.50m });

        // 3 x 19.99 / 2 = 29.985 -> 29.99; allowance 2.999 -> 3.00; charge 1.50.
        Assert.Equal(28.49m, InvoiceTotals.LineNetAmount(line));
    }

    [Fact]
    public void Totals_follow_the_document_allowances_charges_vat_and_prepaid_amount()
    {
        var invoice = new Invoice
        {
            Lines = { Line(2m, 100m), Line(1m, 50m, "S", 5.5m), Line(1m, 30m, "E", 0m) },
            AllowanceCharges =
            {
                new DocumentAllowanceCharge { IsCharge = false, Amount = 20m, VatCategoryCode = "S", VatRate = 20m },
                new DocumentAllowanceCharge { IsCharge = true, BaseAmount = 50m, Percentage = 10m, VatCategoryCode = "S", VatRate = 5.5m },
            },
            Totals = new DocumentTotals { PaidAmount = 100m, RoundingAmount = 0.01m },
        };

        var totals = InvoiceTotals.Apply(invoice);

        Assert.Equal(280m, totals.LineNetTotal);
        Assert.Equal(20m, totals.AllowanceTotal);
        Assert.Equal(5m, totals.ChargeTotal);
        Assert.Equal(265m, totals.TaxExclusiveAmount);
        Assert.Collection(
            invoice.VatBreakdowns,
            s20 => Assert.Equal((180m, 36m), (s20.TaxableAmount!.Value, s20.TaxAmount!.Value)),
            s55 => Assert.Equal((55m, 3.03m), (s55.TaxableAmount!.Value, s55.TaxAmount!.Value)),
            e => Assert.Equal((30m, 0m), (e.TaxableAmount!.Value, e.TaxAmount!.Value)));
        Assert.Equal(39.03m, invoice.Totals.VatTotal);
        Assert.Equal(304.03m, invoice.Totals.TaxInclusiveAmount);
        Assert.Equal(204.04m, invoice.Totals.AmountDue);
        Assert.Equal(5m, invoice.AllowanceCharges[1].Amount);
    }

    [Theory]
    [MemberData(nameof(RoundTripTests.ValidFiles), MemberType = typeof(RoundTripTests))]
    public void From_the_written_line_amounts_the_calculator_finds_the_document_totals_of_every_valid_corpus_invoice(string file)
    {
        var invoice = InvoiceReader.Read(CorpusFiles.Load(file));

        var totals = InvoiceTotals.Compute(invoice, LineNetAmounts.AsWritten);

        Assert.Equal(invoice.Totals!.LineNetTotal, totals.LineNetTotal);
        Assert.Equal(invoice.Totals.AllowanceTotal ?? 0m, totals.AllowanceTotal);
        Assert.Equal(invoice.Totals.ChargeTotal ?? 0m, totals.ChargeTotal);
        Assert.Equal(invoice.Totals.TaxExclusiveAmount, totals.TaxExclusiveAmount);
        foreach (var expected in invoice.VatBreakdowns)
        {
            var actual = Assert.Single(totals.VatBreakdowns, v => v.CategoryCode == expected.CategoryCode && (v.Rate ?? 0m) == (expected.Rate ?? 0m));
            Assert.Equal(expected.TaxableAmount, actual.TaxableAmount);
        }
    }

    [Property(Arbitrary = [typeof(InvoiceGenerators)])]
    public bool A_generated_invoice_satisfies_the_en16931_calculation_rules(Invoice invoice)
    {
        var t = invoice.Totals!;
        var lines = invoice.Lines.Sum(l => l.NetAmount!.Value);
        var allowances = invoice.Allowances.Sum(a => a.Amount!.Value);
        var charges = invoice.Charges.Sum(a => a.Amount!.Value);
        var amounts = new[] { t.LineNetTotal, t.TaxExclusiveAmount, t.VatTotal, t.TaxInclusiveAmount, t.AmountDue }
            .Concat(invoice.VatBreakdowns.SelectMany(v => new[] { v.TaxableAmount, v.TaxAmount }))
            .Select(a => a!.Value);
        return t.LineNetTotal == lines // BR-CO-10
            && t.TaxExclusiveAmount == lines - allowances + charges // BR-CO-13
            && t.VatTotal == invoice.VatBreakdowns.Sum(v => v.TaxAmount) // BR-CO-14
            && t.TaxInclusiveAmount == t.TaxExclusiveAmount + t.VatTotal // BR-CO-15
            && t.AmountDue == t.TaxInclusiveAmount - (t.PaidAmount ?? 0m) + (t.RoundingAmount ?? 0m) // BR-CO-16
            && invoice.VatBreakdowns.All(v => v.TaxAmount == Math.Round(v.TaxableAmount!.Value * v.Rate!.Value / 100m, 2, MidpointRounding.AwayFromZero)) // BR-CO-17
            && amounts.All(a => a == Math.Round(a, 2)); // BR-DEC
    }
}
