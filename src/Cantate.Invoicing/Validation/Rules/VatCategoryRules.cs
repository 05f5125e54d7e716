using System.Xml.Linq;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;
using static Cantate.Invoicing.Validation.Rules.XmlValues;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// The VAT category families of EN 16931: BR-S (standard), BR-Z (zero), BR-E (exempt), BR-AE (reverse charge),
/// BR-IC (intra-community), BR-G (export), BR-O (not subject), BR-IG (IGIC) and BR-IP (IPSI). Each family has
/// the same ten questions asked of its category code; the table below says how each family answers them.
/// </summary>
internal static class VatCategoryRules
{
    private enum SellerNeed
    {
        /// <summary>Seller VAT id (BT-31), tax registration (BT-32) or tax representative VAT id (BT-63).</summary>
        VatOrTaxRegistration,

        /// <summary>As above, and the buyer VAT id (BT-48) or legal registration (BT-47).</summary>
        ReverseCharge,

        /// <summary>Seller VAT id (BT-31) or representative's (BT-63), and buyer VAT id (BT-48).</summary>
        IntraCommunity,

        /// <summary>Seller VAT id (BT-31) or representative's (BT-63).</summary>
        VatOnly,

        /// <summary>No VAT id at all (BT-31, BT-63, BT-48).</summary>
        NoVatIds,
    }

    private enum RateNeed
    {
        Positive,
        Zero,
        Absent,
        NonNegative,
    }

    private sealed record Family(string Code, string Prefix, string Fr, string En, bool AtLeastOne, SellerNeed Seller, RateNeed Rate, bool ExemptionReasonRequired, bool PerRate)
    {
        public RuleDefinition R(string suffix, string term, string fr, string en) =>
            Fatal($"{Prefix}-{suffix}", term, fr.Replace("{cat}", Fr, StringComparison.Ordinal), en.Replace("{cat}", En, StringComparison.Ordinal));
    }

    private static readonly Family[] Families =
    [
        new("S", "BR-S", "« Taux normal »", "\"Standard rated\"", true, SellerNeed.VatOrTaxRegistration, RateNeed.Positive, false, true),
        new("Z", "BR-Z", "« Taux zéro »", "\"Zero rated\"", false, SellerNeed.VatOrTaxRegistration, RateNeed.Zero, false, false),
        new("E", "BR-E", "« Exonéré de TVA »", "\"Exempt from VAT\"", false, SellerNeed.VatOrTaxRegistration, RateNeed.Zero, true, false),
        new("AE", "BR-AE", "« Autoliquidation »", "\"Reverse charge\"", false, SellerNeed.ReverseCharge, RateNeed.Zero, true, false),
        new("K", "BR-IC", "« Livraison intracommunautaire »", "\"Intra-community supply\"", false, SellerNeed.IntraCommunity, RateNeed.Zero, true, false),
        new("G", "BR-G", "« Exportation hors UE »", "\"Export outside the EU\"", false, SellerNeed.VatOnly, RateNeed.Zero, true, false),
        new("O", "BR-O", "« Non soumis à la TVA »", "\"Not subject to VAT\"", false, SellerNeed.NoVatIds, RateNeed.Absent, true, false),
        new("L", "BR-AF", "« IGIC »", "\"IGIC\"", true, SellerNeed.VatOrTaxRegistration, RateNeed.NonNegative, false, true),
        new("M", "BR-AG", "« IPSI »", "\"IPSI\"", true, SellerNeed.VatOrTaxRegistration, RateNeed.NonNegative, false, true),
    ];

    private sealed record FamilyRules(Family F)
    {
        public RuleDefinition R01 { get; } = F.R("01", "BT-118", "Une facture dont une ligne, une remise ou une charge est en catégorie {cat} doit avoir " + (F.AtLeastOne ? "au moins une" : "exactement une") + " ventilation de TVA (BG-23) en catégorie {cat} (trouvé : {0}).", "An Invoice with an Invoice line, a Document level allowance or charge in category {cat} shall contain " + (F.AtLeastOne ? "at least one" : "exactly one") + " VAT breakdown (BG-23) with category {cat} (found: {0}).");

        public RuleDefinition R02 { get; } = F.R("02", "BT-31", SellerFr(F, "une ligne"), SellerEn(F, "an Invoice line (BG-25)"));

        public RuleDefinition R03 { get; } = F.R("03", "BT-31", SellerFr(F, "une remise au niveau du document"), SellerEn(F, "a Document level allowance (BG-20)"));

        public RuleDefinition R04 { get; } = F.R("04", "BT-31", SellerFr(F, "une charge au niveau du document"), SellerEn(F, "a Document level charge (BG-21)"));

        public RuleDefinition R05 { get; } = F.R("05", "BT-152", RateFr(F, "Dans une ligne", "BT-152"), RateEn(F, "In an Invoice line", "BT-152"));

        public RuleDefinition R06 { get; } = F.R("06", "BT-96", RateFr(F, "Dans une remise au niveau du document", "BT-96"), RateEn(F, "In a Document level allowance", "BT-96"));

        public RuleDefinition R07 { get; } = F.R("07", "BT-103", RateFr(F, "Dans une charge au niveau du document", "BT-103"), RateEn(F, "In a Document level charge", "BT-103"));

        public RuleDefinition R08 { get; } = F.R("08", "BT-116", "Dans une ventilation de TVA en catégorie {cat}, la base imposable (BT-116 = {0}) ne correspond pas à la somme des lignes moins les remises plus les charges de cette catégorie ({1}).", "In a VAT breakdown with category {cat} the VAT category taxable amount (BT-116 = {0}) shall equal the sum of Invoice line net amounts minus allowances plus charges of that category ({1}).");

        public RuleDefinition R09 { get; } = F.PerRate
            ? F.R("09", "BT-117", "Dans une ventilation de TVA en catégorie {cat}, le montant de TVA (BT-117 = {0}) doit être égal à la base imposable multipliée par le taux ({1}).", "The VAT category tax amount (BT-117 = {0}) in a VAT breakdown with category {cat} shall equal the VAT category taxable amount multiplied by the VAT category rate ({1}).")
            : F.R("09", "BT-117", "Dans une ventilation de TVA en catégorie {cat}, le montant de TVA (BT-117 = {0}) doit être 0.", "The VAT category tax amount (BT-117 = {0}) in a VAT breakdown with category {cat} shall be 0 (zero).");

        public RuleDefinition R10 { get; } = F.ExemptionReasonRequired
            ? F.R("10", "BT-120", "Une ventilation de TVA en catégorie {cat} doit avoir un motif d'exonération (BT-120) ou un code de motif (BT-121).", "A VAT breakdown with category {cat} shall have a VAT exemption reason code (BT-121) or a VAT exemption reason text (BT-120).")
            : F.R("10", "BT-120", "Une ventilation de TVA en catégorie {cat} ne doit pas avoir de motif d'exonération (BT-120 = {0}, BT-121 = {1}).", "A VAT breakdown with category {cat} shall not have a VAT exemption reason code (BT-121 = {1}) or VAT exemption reason text (BT-120 = {0}).");

        private static string SellerFr(Family f, string what) => f.Seller switch
        {
            SellerNeed.NoVatIds => $"Une facture avec {what} en catégorie {{cat}} ne doit contenir ni le numéro de TVA du vendeur (BT-31), ni celui de son représentant fiscal (BT-63), ni celui de l'acheteur (BT-48).",
            SellerNeed.ReverseCharge => $"Une facture avec {what} en catégorie {{cat}} doit contenir le numéro de TVA ou d'enregistrement fiscal du vendeur (BT-31, BT-32) ou de son représentant (BT-63), et le numéro de TVA (BT-48) ou l'identifiant légal (BT-47) de l'acheteur.",
            SellerNeed.IntraCommunity => $"Une facture avec {what} en catégorie {{cat}} doit contenir le numéro de TVA du vendeur (BT-31) ou de son représentant (BT-63), et le numéro de TVA de l'acheteur (BT-48).",
            SellerNeed.VatOnly => $"Une facture avec {what} en catégorie {{cat}} doit contenir le numéro de TVA du vendeur (BT-31) ou de son représentant fiscal (BT-63).",
            _ => $"Une facture avec {what} en catégorie {{cat}} doit contenir le numéro de TVA du vendeur (BT-31), son identifiant d'enregistrement fiscal (BT-32) ou le numéro de TVA de son représentant fiscal (BT-63).",
        };

        private static string SellerEn(Family f, string what) => f.Seller switch
        {
            SellerNeed.NoVatIds => $"An Invoice that contains {what} with category {{cat}} shall not contain the Seller VAT identifier (BT-31), the Seller tax representative VAT identifier (BT-63) or the Buyer VAT identifier (BT-48).",
            SellerNeed.ReverseCharge => $"An Invoice that contains {what} with category {{cat}} shall contain the Seller VAT Identifier (BT-31), the Seller Tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48) and/or the Buyer legal registration identifier (BT-47).",
            SellerNeed.IntraCommunity => $"An Invoice that contains {what} with category {{cat}} shall contain the Seller VAT Identifier (BT-31) or the Seller tax representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48).",
            SellerNeed.VatOnly => $"An Invoice that contains {what} with category {{cat}} shall contain the Seller VAT Identifier (BT-31) or the Seller tax representative VAT identifier (BT-63).",
            _ => $"An Invoice that contains {what} with category {{cat}} shall contain the Seller VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        };

        private static string RateFr(Family f, string where, string term) => f.Rate switch
        {
            RateNeed.Positive => $"{where} en catégorie {{cat}}, le taux de TVA ({term} = {{0}}) doit être supérieur à zéro.",
            RateNeed.Zero => $"{where} en catégorie {{cat}}, le taux de TVA ({term} = {{0}}) doit être 0.",
            RateNeed.Absent => $"{where} en catégorie {{cat}}, aucun taux de TVA ({term} = {{0}}) ne doit être indiqué.",
            _ => $"{where} en catégorie {{cat}}, le taux de TVA ({term} = {{0}}) doit être 0 ou plus.",
        };

        private static string RateEn(Family f, string where, string term) => f.Rate switch
        {
            RateNeed.Positive => $"{where} with category {{cat}} the VAT rate ({term} = {{0}}) shall be greater than zero.",
            RateNeed.Zero => $"{where} with category {{cat}} the VAT rate ({term} = {{0}}) shall be 0 (zero).",
            RateNeed.Absent => $"{where} with category {{cat}} the VAT rate ({term} = {{0}}) shall not be given.",
            _ => $"{where} with category {{cat}} the VAT rate ({term} = {{0}}) shall be 0 (zero) or greater than zero.",
        };
    }

    private static readonly FamilyRules[] Rules = [.. Families.Select(f => new FamilyRules(f))];

    private static readonly RuleDefinition Ic11 = Fatal("BR-IC-11", "BT-72", "Une facture avec une ventilation de TVA en catégorie « Livraison intracommunautaire » doit indiquer la date de livraison (BT-72) ou la période de facturation (BG-14).", "In an Invoice with a VAT breakdown (BG-23) where the VAT category code (BT-118) is \"Intra-community supply\" the Actual delivery date (BT-72) or the Invoicing period (BG-14) shall not be blank.");
    private static readonly RuleDefinition Ic12 = Fatal("BR-IC-12", "BT-80", "Une facture avec une ventilation de TVA en catégorie « Livraison intracommunautaire » doit indiquer le pays de livraison (BT-80).", "In an Invoice with a VAT breakdown (BG-23) where the VAT category code (BT-118) is \"Intra-community supply\" the Deliver to country code (BT-80) shall not be blank.");
    private static readonly RuleDefinition O11 = Fatal("BR-O-11", "BG-23", "Une facture avec une ventilation de TVA « Non soumis à la TVA » ne doit pas contenir d'autre ventilation de TVA (trouvé : {0}).", "An Invoice that contains a VAT breakdown group (BG-23) with a VAT category code (BT-118) \"Not subject to VAT\" shall not contain other VAT breakdown groups (BG-23) (found: {0}).");
    private static readonly RuleDefinition O12 = Fatal("BR-O-12", "BT-151", "Une facture avec une ventilation de TVA « Non soumis à la TVA » ne doit pas contenir de ligne d'une autre catégorie (trouvé : {0}).", "An Invoice that contains a VAT breakdown group (BG-23) with a VAT category code (BT-118) \"Not subject to VAT\" shall not contain an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is not \"Not subject to VAT\" (found: {0}).");
    private static readonly RuleDefinition O13 = Fatal("BR-O-13", "BT-95", "Une facture avec une ventilation de TVA « Non soumis à la TVA » ne doit pas contenir de remise d'une autre catégorie (trouvé : {0}).", "An Invoice that contains a VAT breakdown group (BG-23) with a VAT category code (BT-118) \"Not subject to VAT\" shall not contain Document level allowances (BG-20) where Document level allowance VAT category code (BT-95) is not \"Not subject to VAT\" (found: {0}).");
    private static readonly RuleDefinition O14 = Fatal("BR-O-14", "BT-102", "Une facture avec une ventilation de TVA « Non soumis à la TVA » ne doit pas contenir de charge d'une autre catégorie (trouvé : {0}).", "An Invoice that contains a VAT breakdown group (BG-23) with a VAT category code (BT-118) \"Not subject to VAT\" shall not contain Document level charges (BG-21) where Document level charge VAT category code (BT-102) is not \"Not subject to VAT\" (found: {0}).");

    public static void Check(RuleRun run)
    {
        var v = run.View;
        var used = CategoriesUsed(v);
        foreach (var rules in Rules)
        {
            // A family none of whose categories appears anywhere has nothing to check: skip its lists.
            if (used.Contains(rules.F.Code))
            {
                CheckFamily(run, v, rules);
            }
        }

        var outOfScope = v.VatBreakdowns.Where(b => b.CategoryCode.Norm() == "O").ToList();
        if (outOfScope.Count > 0)
        {
            var at = outOfScope[0].Node;
            var others = v.VatBreakdowns.Where(b => b.CategoryCode is not null && b.CategoryCode.Norm() != "O").Select(b => b.CategoryCode.Norm()).ToList();
            run.Check(others.Count == 0, O11, at, string.Join(", ", others));
            var lines = v.Lines.Where(l => l.CategoryCode is not null && l.CategoryCode.Norm() != "O").Select(l => l.CategoryCode.Norm()).ToList();
            run.Check(lines.Count == 0, O12, at, string.Join(", ", lines));
            var allowances = v.Allowances.Where(a => a.CategoryCode is not null && a.CategoryCode.Norm() != "O").Select(a => a.CategoryCode.Norm()).ToList();
            run.Check(allowances.Count == 0, O13, at, string.Join(", ", allowances));
            var charges = v.Charges.Where(a => a.CategoryCode is not null && a.CategoryCode.Norm() != "O").Select(a => a.CategoryCode.Norm()).ToList();
            run.Check(charges.Count == 0, O14, at, string.Join(", ", charges));
        }

        if (v.VatBreakdowns.Any(b => b.CategoryCode.Norm() == "K"))
        {
            var hasDate = (v.ActualDeliveryDate?.Value.Length ?? 0) > 1 || v.InvoicePeriods.Any(p => p.HasElements);
            run.Check(hasDate, Ic11, v.Root);
            run.Check((v.DeliverToCountry?.Value.Length ?? 0) > 1, Ic12, v.Root);
        }
    }

    /// <summary>Every category code written on a line, an allowance or charge (whatever its scheme) or a breakdown.</summary>
    private static List<string> CategoriesUsed(InvoiceView v)
    {
        var codes = new List<string>(4);
        void Add(XElement? code)
        {
            if (code is not null && !codes.Contains(code.Norm()))
            {
                codes.Add(code.Norm());
            }
        }

        foreach (var line in v.Lines)
        {
            Add(line.CategoryCode);
        }

        foreach (var ac in v.AllowanceCharges)
        {
            Add(ac.CategoryCode);
            Add(ac.AnySchemeCategoryCode);
        }

        foreach (var breakdown in v.VatBreakdowns)
        {
            Add(breakdown.CategoryCode);
        }

        return codes;
    }

    private static void CheckFamily(RuleRun run, InvoiceView v, FamilyRules rules)
    {
        var f = rules.F;
        bool Is(XElement? code) => code is not null && code.Norm() == f.Code;
        bool IsAny(AllowanceChargeView a) => Is(a.CategoryCode ?? a.AnySchemeCategoryCode);

        var lines = v.Lines.Where(l => Is(l.CategoryCode)).ToList();
        var allowances = v.Allowances.Where(IsAny).ToList();
        var charges = v.Charges.Where(IsAny).ToList();
        var breakdowns = v.VatBreakdowns.Where(b => Is(b.CategoryCode)).ToList();
        var used = lines.Count + allowances.Count + charges.Count > 0;

        run.Check(BreakdownPresenceMeets(v, f, lines.Count, allowances.Count + charges.Count, breakdowns.Count), rules.R01, v.Root, breakdowns.Count);

        if (lines.Count > 0)
        {
            run.Check(PartiesMeet(v, f.Seller), rules.R02, lines[0].Node);
        }

        if (allowances.Count > 0)
        {
            run.Check(PartiesMeet(v, f.Seller), rules.R03, allowances[0].Node);
        }

        if (charges.Count > 0)
        {
            run.Check(PartiesMeet(v, f.Seller), rules.R04, charges[0].Node);
        }

        foreach (var line in lines)
        {
            run.Check(RateMeets(line.Rate, f.Rate), rules.R05, line.CategoryCode, line.Rate);
        }

        foreach (var a in allowances)
        {
            run.Check(RateMeets(a.Rate, f.Rate), rules.R06, a.CategoryCode, a.Rate);
        }

        foreach (var c in charges)
        {
            run.Check(RateMeets(c.Rate, f.Rate), rules.R07, c.CategoryCode, c.Rate);
        }

        foreach (var b in breakdowns)
        {
            if (!v.IsUbl && f.Code == "K" && !used)
            {
                continue;
            }

            var rate = b.Rate.Dec();
            bool SameRate(XElement? r) => !f.PerRate || r.Dec() == rate;
            var expected = CalculationRules.Sum(lines.Where(l => SameRate(l.Rate)).Select(l => l.NetAmount))
                + CalculationRules.Sum(charges.Where(c => SameRate(c.Rate)).Select(c => c.Amount))
                - CalculationRules.Sum(allowances.Where(a => SameRate(a.Rate)).Select(a => a.Amount));
            var taxable = b.TaxableAmount.Dec();
            var ok08 = taxable is not null && expected is not null && (f.PerRate
                ? taxable.Value - 1 < expected.Value && taxable.Value + 1 > expected.Value
                : taxable.Value == Round2(expected.Value));
            run.Check(ok08, rules.R08, b.Node, b.TaxableAmount, expected);

            var tax = b.TaxAmount.Dec();
            if (f.PerRate)
            {
                decimal? expectedTax = taxable is not null && rate is not null ? Round2(Math.Abs(taxable.Value) * rate.Value / 100m) : null;
                var ok09 = tax is not null && expectedTax is not null && Math.Abs(tax.Value) - 1 < expectedTax && Math.Abs(tax.Value) + 1 > expectedTax;
                run.Check(ok09, rules.R09, b.Node, b.TaxAmount, expectedTax);
            }
            else
            {
                run.Check(tax == 0m, rules.R09, b.Node, b.TaxAmount);
            }

            var hasReason = b.ExemptionReason is not null || b.ExemptionReasonCode is not null;
            run.Check(f.ExemptionReasonRequired ? hasReason : !hasReason, rules.R10, b.Node, b.ExemptionReason, b.ExemptionReasonCode);
        }
    }

    /// <summary>The -01 rules, whose wording differs between the UBL and the CII bindings.</summary>
    private static bool BreakdownPresenceMeets(InvoiceView v, Family f, int lines, int documentLevel, int breakdowns)
    {
        var used = lines + documentLevel > 0;
        if (v.IsUbl)
        {
            return f.AtLeastOne ? (used && breakdowns > 0) || (!used && breakdowns == 0) : !used || breakdowns == 1;
        }

        if (f.AtLeastOne)
        {
            return (lines == 0 || lines + breakdowns >= 2) && (documentLevel == 0 || documentLevel + breakdowns >= 2);
        }

        return f.Code switch
        {
            // CII: a breakdown in these categories must also be used by a line, an allowance or a charge.
            "Z" or "E" or "AE" or "G" => (!used && breakdowns == 0) || (used && breakdowns == 1),
            "O" => breakdowns == 0 || (breakdowns == 1 && used),
            _ => !used || breakdowns == 1,
        };
    }

    private static bool RateMeets(XElement? rate, RateNeed need) => need switch
    {
        RateNeed.Positive => rate.Dec() > 0,
        RateNeed.Zero => rate.Dec() == 0,
        RateNeed.Absent => rate is null,
        _ => rate.Dec() >= 0,
    };

    private static bool PartiesMeet(InvoiceView v, SellerNeed need)
    {
        var sellerVat = v.Seller?.VatIds.Count > 0;
        var sellerTaxReg = v.Seller?.TaxRegistrationIds.Count > 0;
        var representativeVat = v.TaxRepresentative?.VatIds.Count > 0;
        var buyerVat = v.Buyer?.VatIds.Count > 0;
        var buyerLegal = v.Buyer?.LegalIds.Count > 0;
        return need switch
        {
            SellerNeed.VatOrTaxRegistration => sellerVat || sellerTaxReg || representativeVat,
            SellerNeed.ReverseCharge => (sellerVat || sellerTaxReg || representativeVat) && (buyerVat || buyerLegal),
            SellerNeed.IntraCommunity => (sellerVat || representativeVat) && buyerVat,
            SellerNeed.VatOnly => sellerVat || representativeVat,
            _ => !sellerVat && !representativeVat && !buyerVat,
        };
    }
}
