using Cantate.Invoicing.Syntax;
using System.Xml.Linq;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;
using static Cantate.Invoicing.Validation.Rules.XmlValues;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>EN 16931 conditions and calculations (BR-CO-*) and decimal precision rules (BR-DEC-*).</summary>
internal static class CalculationRules
{
    private static readonly RuleDefinition Co03 = Fatal("BR-CO-03", "BT-7", "La date d'exigibilité de la TVA (BT-7) et son code (BT-8) s'excluent mutuellement.", "Value added tax point date (BT-7) and Value added tax point date code (BT-8) are mutually exclusive.");
    private static readonly RuleDefinition Co04 = Fatal("BR-CO-04", "BT-151", "Chaque ligne (BG-25) doit avoir un code de catégorie de TVA (BT-151).", "Each Invoice line (BG-25) shall be categorized with an Invoiced item VAT category code (BT-151).");
    private static readonly RuleDefinition Co09 = Fatal("BR-CO-09", "BT-31", "L'identifiant de TVA ({0}) doit commencer par un code pays ISO 3166-1 (EL pour la Grèce).", "The Seller VAT identifier (BT-31), the Seller tax representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48) shall have a prefix in accordance with ISO code ISO 3166-1 alpha-2 ({0}).");
    private static readonly RuleDefinition Co10 = Fatal("BR-CO-10", "BT-106", "La somme des montants nets des lignes (BT-106 = {0}) ne correspond pas à la somme des montants nets de chaque ligne (Σ BT-131 = {1}).", "Sum of Invoice line net amount (BT-106 = {0}) shall equal the sum of Invoice line net amounts (Σ BT-131 = {1}).");
    private static readonly RuleDefinition Co11 = Fatal("BR-CO-11", "BT-107", "Le total des remises au niveau du document (BT-107 = {0}) ne correspond pas à la somme des remises (Σ BT-92 = {1}).", "Sum of allowances on document level (BT-107 = {0}) shall equal Σ Document level allowance amount (BT-92 = {1}).");
    private static readonly RuleDefinition Co12 = Fatal("BR-CO-12", "BT-108", "Le total des charges au niveau du document (BT-108 = {0}) ne correspond pas à la somme des charges (Σ BT-99 = {1}).", "Sum of charges on document level (BT-108 = {0}) shall equal Σ Document level charge amount (BT-99 = {1}).");
    private static readonly RuleDefinition Co13 = Fatal("BR-CO-13", "BT-109", "Le total HT (BT-109 = {0}) ne correspond pas à la somme des lignes moins les remises plus les charges ({1}).", "Invoice total amount without VAT (BT-109 = {0}) shall equal Σ Invoice line net amount − allowances + charges ({1}).");
    private static readonly RuleDefinition Co14 = Fatal("BR-CO-14", "BT-110", "Le total de la TVA (BT-110 = {0}) ne correspond pas à la somme des montants de TVA par catégorie (Σ BT-117 = {1}).", "Invoice total VAT amount (BT-110 = {0}) shall equal Σ VAT category tax amount (BT-117 = {1}).");
    private static readonly RuleDefinition Co15 = Fatal("BR-CO-15", "BT-112", "Le total TTC (BT-112 = {0}) ne correspond pas au total HT plus la TVA (BT-109 + BT-110 = {1}).", "Invoice total amount with VAT (BT-112 = {0}) shall equal Invoice total amount without VAT + Invoice total VAT amount (BT-109 + BT-110 = {1}).");
    private static readonly RuleDefinition Co16 = Fatal("BR-CO-16", "BT-115", "Le montant à payer (BT-115 = {0}) ne correspond pas au total TTC moins le montant déjà payé plus l'arrondi (BT-112 − BT-113 + BT-114 = {1}).", "Amount due for payment (BT-115 = {0}) shall equal Invoice total amount with VAT − Paid amount + Rounding amount (BT-112 − BT-113 + BT-114 = {1}).");
    private static readonly RuleDefinition Co17 = Fatal("BR-CO-17", "BT-117", "Le montant de TVA de la catégorie (BT-117 = {0}) ne correspond pas à la base imposable multipliée par le taux (BT-116 × BT-119 / 100 = {1}).", "VAT category tax amount (BT-117 = {0}) shall equal VAT category taxable amount × (VAT category rate / 100), rounded to two decimals ({1}).");
    private static readonly RuleDefinition Co18 = Fatal("BR-CO-18", "BG-23", "La facture doit contenir au moins une ventilation de TVA (BG-23).", "An Invoice shall at least have one VAT breakdown group (BG-23).");
    private static readonly RuleDefinition Co19 = Fatal("BR-CO-19", "BG-14", "Si la période de facturation (BG-14) est utilisée, sa date de début (BT-73) ou de fin (BT-74) doit être renseignée.", "If Invoicing period (BG-14) is used, the Invoicing period start date (BT-73) or the Invoicing period end date (BT-74) shall be filled, or both.");
    private static readonly RuleDefinition Co20 = Fatal("BR-CO-20", "BG-26", "Si la période de ligne (BG-26) est utilisée, sa date de début (BT-134) ou de fin (BT-135) doit être renseignée.", "If Invoice line period (BG-26) is used, the Invoice line period start date (BT-134) or the Invoice line period end date (BT-135) shall be filled, or both.");
    private static readonly RuleDefinition Co21 = Fatal("BR-CO-21", "BG-20", "Chaque remise au niveau du document (BG-20) doit avoir un motif (BT-97) ou un code de motif (BT-98), ou les deux.", "Each Document level allowance (BG-20) shall contain a Document level allowance reason (BT-97) or a Document level allowance reason code (BT-98), or both.");
    private static readonly RuleDefinition Co22 = Fatal("BR-CO-22", "BG-21", "Chaque charge au niveau du document (BG-21) doit avoir un motif (BT-104) ou un code de motif (BT-105), ou les deux.", "Each Document level charge (BG-21) shall contain a Document level charge reason (BT-104) or a Document level charge reason code (BT-105), or both.");
    private static readonly RuleDefinition Co23 = Fatal("BR-CO-23", "BG-27", "Chaque remise de ligne (BG-27) doit avoir un motif (BT-139) ou un code de motif (BT-140), ou les deux.", "Each Invoice line allowance (BG-27) shall contain an Invoice line allowance reason (BT-139) or an Invoice line allowance reason code (BT-140), or both.");
    private static readonly RuleDefinition Co24 = Fatal("BR-CO-24", "BG-28", "Chaque charge de ligne (BG-28) doit avoir un motif (BT-144) ou un code de motif (BT-145), ou les deux.", "Each Invoice line charge (BG-28) shall contain an Invoice line charge reason (BT-144) or an Invoice line charge reason code (BT-145), or both.");
    private static readonly RuleDefinition Co26 = Fatal("BR-CO-26", "BT-29", "Pour identifier le vendeur, l'identifiant du vendeur (BT-29), son identifiant légal (BT-30) ou son numéro de TVA (BT-31) doit être fourni.", "In order for the buyer to automatically identify a supplier, the Seller identifier (BT-29), the Seller legal registration identifier (BT-30) and/or the Seller VAT identifier (BT-31) shall be present.");
    private static readonly RuleDefinition Br53 = Fatal("BR-53", "BT-111", "Si la devise de comptabilisation de la TVA (BT-6 = {0}) est présente, le total de TVA dans cette devise (BT-111) doit être fourni.", "If the VAT accounting currency code (BT-6 = {0}) is present, then the Invoice total VAT amount in accounting currency (BT-111) shall be provided.");

    private static readonly Dictionary<string, RuleDefinition> Dec = new(StringComparer.Ordinal)
    {
        ["BT-92"] = DecRule("BR-DEC-01", "BT-92", "montant de la remise au niveau du document", "Document level allowance amount"),
        ["BT-93"] = DecRule("BR-DEC-02", "BT-93", "montant de base de la remise au niveau du document", "Document level allowance base amount"),
        ["BT-99"] = DecRule("BR-DEC-05", "BT-99", "montant de la charge au niveau du document", "Document level charge amount"),
        ["BT-100"] = DecRule("BR-DEC-06", "BT-100", "montant de base de la charge au niveau du document", "Document level charge base amount"),
        ["BT-106"] = DecRule("BR-DEC-09", "BT-106", "somme des montants nets des lignes", "Sum of Invoice line net amount"),
        ["BT-107"] = DecRule("BR-DEC-10", "BT-107", "somme des remises au niveau du document", "Sum of allowances on document level"),
        ["BT-108"] = DecRule("BR-DEC-11", "BT-108", "somme des charges au niveau du document", "Sum of charges on document level"),
        ["BT-109"] = DecRule("BR-DEC-12", "BT-109", "total hors TVA", "Invoice total amount without VAT"),
        ["BT-110"] = DecRule("BR-DEC-13", "BT-110", "total de la TVA", "Invoice total VAT amount"),
        ["BT-112"] = DecRule("BR-DEC-14", "BT-112", "total TTC", "Invoice total amount with VAT"),
        ["BT-111"] = DecRule("BR-DEC-15", "BT-111", "total de la TVA en devise de comptabilisation", "Invoice total VAT amount in accounting currency"),
        ["BT-113"] = DecRule("BR-DEC-16", "BT-113", "montant déjà payé", "Paid amount"),
        ["BT-114"] = DecRule("BR-DEC-17", "BT-114", "montant d'arrondi", "Rounding amount"),
        ["BT-115"] = DecRule("BR-DEC-18", "BT-115", "montant à payer", "Amount due for payment"),
        ["BT-116"] = DecRule("BR-DEC-19", "BT-116", "base imposable de la catégorie de TVA", "VAT category taxable amount"),
        ["BT-117"] = DecRule("BR-DEC-20", "BT-117", "montant de TVA de la catégorie", "VAT category tax amount"),
        ["BT-131"] = DecRule("BR-DEC-23", "BT-131", "montant net de la ligne", "Invoice line net amount"),
        ["BT-136"] = DecRule("BR-DEC-24", "BT-136", "montant de la remise de ligne", "Invoice line allowance amount"),
        ["BT-137"] = DecRule("BR-DEC-25", "BT-137", "montant de base de la remise de ligne", "Invoice line allowance base amount"),
        ["BT-141"] = DecRule("BR-DEC-27", "BT-141", "montant de la charge de ligne", "Invoice line charge amount"),
        ["BT-142"] = DecRule("BR-DEC-28", "BT-142", "montant de base de la charge de ligne", "Invoice line charge base amount"),
    };

    private static RuleDefinition DecRule(string id, string term, string fr, string en) => Fatal(
        id,
        term,
        $"Le {fr} ({term} = {{0}}) a plus de 2 décimales.",
        $"The allowed maximum number of decimals for the {en} ({term} = {{0}}) is 2.");

    public static void Check(RuleRun run)
    {
        var v = run.View;
        var codes = v.TaxPointDateCodes.Count;
        run.Check(!(v.TaxPointDate is not null && codes > 0), Co03, v.TaxPointDate);
        if (v.IsUbl)
        {
            run.Check(v.VatBreakdowns.Count > 0, Co18, v.Root);
        }
        else
        {
            // The CII binding asks the question once per line item.
            foreach (var line in v.Lines)
            {
                run.Check(v.VatBreakdowns.Count > 0, Co18, line.Node);
            }
        }

        foreach (var taxCurrency in v.TaxCurrencies)
        {
            var code = taxCurrency.Value;
            run.Check(v.TaxTotalAmounts.Any(a => a.Attr("currencyID") == code), Br53, taxCurrency, taxCurrency);
        }

        if (v.Seller is { } seller)
        {
            run.Check(seller.Identifiers.Count > 0 || seller.LegalIds.Count > 0 || seller.VatIds.Count > 0, Co26, seller.Node);
        }

        foreach (var party in new[] { v.Seller, v.Buyer, v.TaxRepresentative })
        {
            foreach (var vatId in party?.VatIds ?? [])
            {
                var prefix = vatId.Value.Length >= 2 ? vatId.Value[..2] : vatId.Value;
                run.Check(CodeLists.VatPrefixes.Contains(prefix), Co09, vatId, vatId);
            }
        }

        CheckTotals(run, v);
        CheckBreakdowns(run, v);

        foreach (var period in v.InvoicePeriods)
        {
            run.Check(period.Elements().Any(e => e.Name.LocalName is "StartDate" or "EndDate" or "StartDateTime" or "EndDateTime" or "DescriptionCode"), Co19, period);
        }

        foreach (var ac in v.AllowanceCharges)
        {
            var hasReason = ac.Reason is not null || ac.ReasonCode is not null;
            if (ac.IsCharge == false)
            {
                run.Check(hasReason, Co21, ac.Node);
                Decimals(run, "BT-92", ac.Amount);
                Decimals(run, "BT-93", ac.BaseAmount);
            }
            else if (ac.IsCharge == true)
            {
                run.Check(hasReason, Co22, ac.Node);
                Decimals(run, "BT-99", ac.Amount);
                Decimals(run, "BT-100", ac.BaseAmount);
            }
        }

        foreach (var line in v.Lines)
        {
            run.Check(line.CategoryCode is not null, Co04, line.Node);
            Decimals(run, "BT-131", line.NetAmount);
            if (line.Period is not null)
            {
                run.Check(line.PeriodStart is not null || line.PeriodEnd is not null, Co20, line.Period);
            }

            foreach (var ac in line.AllowanceCharges)
            {
                var hasReason = ac.Reason is not null || ac.ReasonCode is not null;
                if (ac.IsCharge == false)
                {
                    run.Check(hasReason, Co23, ac.Node);
                    Decimals(run, "BT-136", ac.Amount);
                    Decimals(run, "BT-137", ac.BaseAmount);
                }
                else if (ac.IsCharge == true)
                {
                    run.Check(hasReason, Co24, ac.Node);
                    Decimals(run, "BT-141", ac.Amount);
                    Decimals(run, "BT-142", ac.BaseAmount);
                }
            }
        }
    }

    private static void Decimals(RuleRun run, string term, XElement? amount)
    {
        if (amount is not null && amount.Decimals() > 2)
        {
            run.Fail(Dec[term], amount, amount);
        }
    }

    private static void CheckTotals(RuleRun run, InvoiceView v)
    {
        var currency = v.Currency?.Value;
        var docTaxTotals = v.TaxTotalAmounts.Where(a => currency is not null && a.Attr("currencyID") == currency).ToList();

        if (v.Totals is { } totals)
        {
            var lineSum = Sum(v.Lines.Select(l => l.NetAmount));
            var lineTotal = v.LineTotal.Dec();
            run.Check(lineTotal is not null && lineSum is not null && lineTotal == Round2(lineSum.Value), Co10, totals, v.LineTotal, lineSum);

            var allowanceSum = Sum(v.Allowances.Select(a => a.Amount));
            var hasAllowances = v.Allowances.Any();
            run.Check(
                (v.AllowanceTotal is null && !hasAllowances) || (v.AllowanceTotal.Dec() is { } at && allowanceSum is not null && at == Round2(allowanceSum.Value)),
                Co11,
                totals,
                v.AllowanceTotal,
                allowanceSum);

            var chargeSum = Sum(v.Charges.Select(a => a.Amount));
            var hasCharges = v.Charges.Any();
            run.Check(
                (v.ChargeTotal is null && !hasCharges) || (v.ChargeTotal.Dec() is { } ct && chargeSum is not null && ct == Round2(chargeSum.Value)),
                Co12,
                totals,
                v.ChargeTotal,
                chargeSum);

            var expectedExclusive = lineTotal + (v.ChargeTotal is null ? 0 : v.ChargeTotal.Dec()) - (v.AllowanceTotal is null ? 0 : v.AllowanceTotal.Dec());
            var exclusive = v.TaxExclusive.Dec();
            run.Check(exclusive is not null && expectedExclusive is not null && exclusive == Round2(expectedExclusive.Value), Co13, totals, v.TaxExclusive, expectedExclusive);

            CheckPayable(run, v, totals);

            Decimals(run, "BT-106", v.LineTotal);
            Decimals(run, "BT-107", v.AllowanceTotal);
            Decimals(run, "BT-108", v.ChargeTotal);
            Decimals(run, "BT-109", v.TaxExclusive);
            Decimals(run, "BT-112", v.TaxInclusive);
            Decimals(run, "BT-113", v.Prepaid);
            Decimals(run, "BT-114", v.Rounding);
            Decimals(run, "BT-115", v.Payable);
        }

        if (currency is not null && (v.IsUbl || v.Totals is not null))
        {
            // BR-CO-15: BT-112 = BT-109 + BT-110 (the VAT total in the invoice currency).
            var inclusive = v.TaxInclusive.Dec();
            var exclusive = v.TaxExclusive.Dec();
            decimal? tax = docTaxTotals.Count == 1 ? docTaxTotals[0].Dec() : null;
            if (!v.IsUbl && docTaxTotals.Count == 0)
            {
                tax = 0m;
            }

            decimal? expected = exclusive is not null && tax is not null ? Round2(exclusive.Value + tax.Value) : null;
            run.Check(inclusive is not null && expected is not null && inclusive == expected, Co15, v.TaxInclusive ?? v.Totals ?? v.Root, v.TaxInclusive, expected);
        }

        foreach (var taxTotal in docTaxTotals)
        {
            Decimals(run, "BT-110", taxTotal);
        }

        foreach (var taxCurrency in v.TaxCurrencies)
        {
            foreach (var accounting in v.TaxTotalAmounts.Where(a => a.Attr("currencyID") == taxCurrency.Value && taxCurrency.Value != currency))
            {
                Decimals(run, "BT-111", accounting);
            }
        }

        CheckTaxTotal(run, v, docTaxTotals);
    }

    private static void CheckPayable(RuleRun run, InvoiceView v, XElement totals)
    {
        var payable = v.Payable.Dec();
        var inclusive = v.TaxInclusive.Dec();
        var prepaid = v.Prepaid.Dec() ?? 0m;
        var rounding = v.Rounding.Dec() ?? 0m;
        decimal? expected = inclusive is null ? null : Round2(inclusive.Value - prepaid + rounding);
        bool ok;
        if (payable is null || inclusive is null)
        {
            ok = false;
        }
        else if (rounding != 0m)
        {
            ok = Round2(payable.Value - rounding) == Round2(inclusive.Value - prepaid);
        }
        else
        {
            ok = payable.Value == Round2(inclusive.Value - prepaid);
        }

        run.Check(ok, Co16, totals, v.Payable, expected);
    }

    /// <summary>BR-CO-14: the VAT total in the invoice currency equals the sum of the breakdown amounts.</summary>
    private static void CheckTaxTotal(RuleRun run, InvoiceView v, List<XElement> docTaxTotals)
    {
        if (v.IsUbl)
        {
            var ns = Namespaces.Cac;
            foreach (var taxTotal in v.Root.Elements(ns + "TaxTotal"))
            {
                var subtotals = taxTotal.Elements(ns + "TaxSubtotal").ToList();
                if (subtotals.Count == 0)
                {
                    continue;
                }

                var amount = taxTotal.Element(Namespaces.Cbc + "TaxAmount");
                var sum = Sum(subtotals.Select(s => s.Element(Namespaces.Cbc + "TaxAmount")));
                run.Check(amount.Dec() is { } a && sum is not null && a == Round2(sum.Value), Co14, taxTotal, amount, sum);
            }

            return;
        }

        if (v.Totals is null)
        {
            return;
        }

        var breakdownSum = Sum(v.VatBreakdowns.Select(b => b.TaxAmount)) ?? 0m;
        if (docTaxTotals.Count > 0)
        {
            foreach (var total in docTaxTotals)
            {
                run.Check(total.Dec() is { } t && t == Round2(breakdownSum), Co14, total, total, breakdownSum);
            }
        }
    }

    private static void CheckBreakdowns(RuleRun run, InvoiceView v)
    {
        foreach (var vat in v.VatBreakdowns)
        {
            Decimals(run, "BT-116", vat.TaxableAmount);
            Decimals(run, "BT-117", vat.TaxAmount);
            if (vat.Rate is null)
            {
                continue;
            }

            var taxable = vat.TaxableAmount.Dec();
            var rate = vat.Rate.Dec();
            var tax = vat.TaxAmount.Dec();
            if (taxable is null || rate is null || tax is null)
            {
                run.Fail(Co17, vat.Node, vat.TaxAmount, null);
                continue;
            }

            // Both bindings allow a deviation of one unit; UBL excludes the bound, CII includes it and rounds
            // half away from zero.
            if (v.IsUbl)
            {
                var expected = Round2(taxable.Value * rate.Value / 100m);
                run.Check(tax.Value - 1 < expected && tax.Value + 1 > expected, Co17, vat.Node, vat.TaxAmount, expected);
            }
            else
            {
                var expected = Math.Round(taxable.Value * rate.Value / 100m, 2, MidpointRounding.AwayFromZero);
                run.Check(Math.Abs(tax.Value - expected) <= 1, Co17, vat.Node, vat.TaxAmount, expected);
            }
        }
    }

    /// <summary>Σ of the decimal values; null when one is not a decimal (the Schematron would fail on it).</summary>
    internal static decimal? Sum(IEnumerable<XElement?> amounts)
    {
        var total = 0m;
        foreach (var a in amounts)
        {
            if (a is null)
            {
                continue;
            }

            if (a.Dec() is not { } d)
            {
                return null;
            }

            total += d;
        }

        return total;
    }
}
