namespace Cantate.Invoicing.Model;

/// <summary>Where <see cref="InvoiceTotals.Compute"/> takes the line net amounts (BT-131) from.</summary>
public enum LineNetAmounts
{
    /// <summary>Recompute each BT-131 from quantity, price and line allowances/charges (an invoice being written).</summary>
    Recompute,

    /// <summary>Take each BT-131 as written in the invoice (checking a received invoice's document totals).</summary>
    AsWritten,
}

/// <summary>The amounts <see cref="InvoiceTotals.Compute"/> derives from the lines and allowances/charges of an invoice.</summary>
/// <param name="LineNetAmounts">BT-131 of each line, in line order.</param>
/// <param name="LineNetTotal">BT-106 Sum of invoice line net amounts.</param>
/// <param name="AllowanceTotal">BT-107 Sum of document level allowances.</param>
/// <param name="ChargeTotal">BT-108 Sum of document level charges.</param>
/// <param name="TaxExclusiveAmount">BT-109 Invoice total amount without VAT.</param>
/// <param name="VatBreakdowns">BG-23, one per VAT category code and rate, in order of first appearance.</param>
/// <param name="VatTotal">BT-110 Invoice total VAT amount.</param>
/// <param name="TaxInclusiveAmount">BT-112 Invoice total amount with VAT.</param>
/// <param name="PaidAmount">BT-113 Paid amount (taken from the invoice, 0 when absent).</param>
/// <param name="RoundingAmount">BT-114 Rounding amount (taken from the invoice, 0 when absent).</param>
/// <param name="AmountDue">BT-115 Amount due for payment.</param>
public sealed record CalculatedTotals(
    IReadOnlyList<decimal> LineNetAmounts,
    decimal LineNetTotal,
    decimal AllowanceTotal,
    decimal ChargeTotal,
    decimal TaxExclusiveAmount,
    IReadOnlyList<VatBreakdown> VatBreakdowns,
    decimal VatTotal,
    decimal TaxInclusiveAmount,
    decimal PaidAmount,
    decimal RoundingAmount,
    decimal AmountDue);

/// <summary>
/// Computes invoice totals by the EN 16931 calculation rules, every amount rounded to 2 decimals
/// (half away from zero) at the step where the standard rounds:
/// <list type="bullet">
/// <item>allowance/charge amount = base amount x percentage / 100, when only the percentage is given;</item>
/// <item>BT-131 line net amount = quantity x net price / base quantity (rounded) + line charges - line allowances;</item>
/// <item>BT-106 = sum of BT-131; BT-107 / BT-108 = sum of document allowances / charges;
/// BT-109 = BT-106 - BT-107 + BT-108 (BR-CO-10, BR-CO-11, BR-CO-12, BR-CO-13);</item>
/// <item>per VAT category and rate: BT-116 = lines + charges - allowances of that category and rate,
/// BT-117 = BT-116 x BT-119 / 100 (rounded, BR-CO-17), 0 for categories without VAT (E, Z, AE, K, G, O);</item>
/// <item>BT-110 = sum of BT-117 (BR-CO-14); BT-112 = BT-109 + BT-110 (BR-CO-15);
/// BT-115 = BT-112 - BT-113 + BT-114 (BR-CO-16).</item>
/// </list>
/// Missing numbers count as 0, a missing base quantity as 1.
/// </summary>
public static class InvoiceTotals
{
    /// <summary>Rounds an amount to 2 decimals, half away from zero, as the EN 16931 rules do.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>An allowance or charge amount: the given amount, else base x percentage / 100, rounded.</summary>
    public static decimal AllowanceChargeAmount(decimal? amount, decimal? baseAmount, decimal? percentage) =>
        amount ?? Round((baseAmount ?? 0m) * (percentage ?? 0m) / 100m);

    /// <summary>BT-131 of a line: quantity x net price / base quantity, plus charges, minus allowances.</summary>
    public static decimal LineNetAmount(InvoiceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var baseQuantity = line.Price?.BaseQuantity is { } b && b != 0m ? b : 1m;
        var amount = Round((line.Quantity ?? 0m) * (line.Price?.NetPrice ?? 0m) / baseQuantity);
        foreach (var charge in line.AllowanceCharges)
        {
            var value = AllowanceChargeAmount(charge.Amount, charge.BaseAmount, charge.Percentage);
            amount += charge.IsCharge ? value : -value;
        }

        return amount;
    }

    /// <summary>The VAT amount of a breakdown: taxable amount x rate / 100, rounded; 0 without VAT.</summary>
    public static decimal VatAmount(decimal taxableAmount, string? categoryCode, decimal? rate) =>
        categoryCode is "E" or "Z" or "AE" or "K" or "G" or "O" ? 0m : Round(taxableAmount * (rate ?? 0m) / 100m);

    /// <summary>Computes every derived amount without changing the invoice.</summary>
    /// <param name="invoice">The invoice.</param>
    /// <param name="lines">Whether line net amounts are recomputed (default) or taken as written.</param>
    public static CalculatedTotals Compute(Invoice invoice, LineNetAmounts lines = LineNetAmounts.Recompute)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var lineAmounts = invoice.Lines.Select(l => lines == LineNetAmounts.AsWritten ? l.NetAmount ?? 0m : LineNetAmount(l)).ToList();
        var lineTotal = lineAmounts.Sum();
        decimal allowances = 0m, charges = 0m;
        // Taxable amounts per (category, rate), in order of first appearance; an absent rate counts as 0.
        var taxable = new List<(string? Category, decimal? Rate, decimal Amount)>();
        void Add(string? category, decimal? rate, decimal amount)
        {
            var i = taxable.FindIndex(t => t.Category == category && (t.Rate ?? 0m) == (rate ?? 0m));
            if (i < 0)
            {
                taxable.Add((category, rate, amount));
            }
            else
            {
                taxable[i] = (category, rate, taxable[i].Amount + amount);
            }
        }

        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            Add(invoice.Lines[i].Vat?.CategoryCode, invoice.Lines[i].Vat?.Rate, lineAmounts[i]);
        }

        foreach (var item in invoice.AllowanceCharges)
        {
            var value = AllowanceChargeAmount(item.Amount, item.BaseAmount, item.Percentage);
            if (item.IsCharge)
            {
                charges += value;
            }
            else
            {
                allowances += value;
            }

            Add(item.VatCategoryCode, item.VatRate, item.IsCharge ? value : -value);
        }

        var breakdowns = taxable.Select(t =>
        {
            var existing = invoice.VatBreakdowns.FirstOrDefault(v => v.CategoryCode == t.Category && (v.Rate ?? 0m) == (t.Rate ?? 0m));
            return new VatBreakdown
            {
                CategoryCode = t.Category,
                Rate = t.Rate,
                TaxableAmount = t.Amount,
                TaxAmount = VatAmount(t.Amount, t.Category, t.Rate),
                ExemptionReason = existing?.ExemptionReason,
                ExemptionReasonCode = existing?.ExemptionReasonCode,
            };
        }).ToList();

        var taxExclusive = lineTotal - allowances + charges;
        var vatTotal = breakdowns.Sum(b => b.TaxAmount ?? 0m);
        var taxInclusive = taxExclusive + vatTotal;
        var paid = invoice.Totals?.PaidAmount ?? 0m;
        var rounding = invoice.Totals?.RoundingAmount ?? 0m;
        return new CalculatedTotals(
            lineAmounts, lineTotal, allowances, charges, taxExclusive, breakdowns, vatTotal, taxInclusive, paid, rounding, taxInclusive - paid + rounding);
    }

    /// <summary>
    /// Computes the totals and writes them into the invoice: each line's BT-131, the line and document allowance and
    /// charge amounts given as percentages, the VAT breakdown (keeping exemption reasons already present for
    /// a category and rate) and BG-22. BT-113, BT-114 and BT-111 are kept; BT-107 / BT-108 are set only when
    /// there are allowances / charges.
    /// </summary>
    public static CalculatedTotals Apply(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var result = Compute(invoice);
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            invoice.Lines[i].NetAmount = result.LineNetAmounts[i];
            foreach (var item in invoice.Lines[i].AllowanceCharges)
            {
                item.Amount = AllowanceChargeAmount(item.Amount, item.BaseAmount, item.Percentage);
            }
        }

        foreach (var item in invoice.AllowanceCharges)
        {
            item.Amount = AllowanceChargeAmount(item.Amount, item.BaseAmount, item.Percentage);
        }

        invoice.VatBreakdowns.Clear();
        foreach (var breakdown in result.VatBreakdowns)
        {
            invoice.VatBreakdowns.Add(breakdown);
        }

        var totals = invoice.Totals ??= new DocumentTotals();
        totals.LineNetTotal = result.LineNetTotal;
        totals.AllowanceTotal = invoice.Allowances.Any() ? result.AllowanceTotal : null;
        totals.ChargeTotal = invoice.Charges.Any() ? result.ChargeTotal : null;
        totals.TaxExclusiveAmount = result.TaxExclusiveAmount;
        totals.VatTotal = result.VatTotal;
        totals.TaxInclusiveAmount = result.TaxInclusiveAmount;
        totals.AmountDue = result.AmountDue;
        return result;
    }
}
