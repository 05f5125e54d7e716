using System.Globalization;
using System.Xml.Linq;
using Cantate.Invoicing.Syntax;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// The Factur-X EXTENDED Schematron's rules on sub-lines (BT-X-8 "subtype of invoice item": GROUP, DETAIL,
/// INFORMATION; BT-X-304 parent line): every parent is an existing line (BR-FXEXT-11), a line that has or is a
/// parent states its subtype (BR-FXEXT-06), a GROUP's net amount is the sum of its DETAIL and GROUP children
/// (BR-FXEXT-08); and BR-FXEXT-S-08, which takes the place of BR-S-08: the standard-rated taxable amount per rate
/// counts DETAIL lines (or lines without subtype) only, within 0.01 per amount summed. BR-FXEXT-12 (a GROUP line that
/// gives its net amount requires it of every GROUP line below it, at any depth) follows the rule's wording in the
/// Factur-X 1.09 Schematron (FX-SCH-A-000414, fatal).
/// </summary>
internal static class FacturXExtendedRules
{
    private static readonly RuleDefinition Fxext06 = Fatal("BR-FXEXT-06", "BT-X-8", "La ligne {0} a une ligne parente ou des sous-lignes : elle doit indiquer son sous-type (BT-X-8 : GROUP, DETAIL ou INFORMATION).", "Invoice line {0} has a parent line or sub-lines: it shall state its subtype (BT-X-8: GROUP, DETAIL or INFORMATION).");
    private static readonly RuleDefinition Fxext08 = Fatal("BR-FXEXT-08", "BT-131", "Le montant net de la ligne de regroupement {0} (BT-131 = {1}) doit être la somme des montants nets de ses sous-lignes DETAIL et GROUP ({2}).", "The net amount of GROUP line {0} (BT-131 = {1}) shall be the sum of the net amounts of its DETAIL and GROUP sub-lines ({2}).");
    private static readonly RuleDefinition Fxext11 = Fatal("BR-FXEXT-11", "BT-X-304", "La ligne parente {0} indiquée par la ligne {1} n'existe pas (BT-126).", "The parent line {0} named by invoice line {1} does not exist (BT-126).");
    private static readonly RuleDefinition Fxext12 = Fatal("BR-FXEXT-12", "BT-131", "La ligne de regroupement {0} indique son montant net (BT-131) : les lignes GROUP placées sous elle doivent aussi l'indiquer, ce que ne fait pas la ligne {1}.", "GROUP line {0} gives its net amount (BT-131): the GROUP lines below it shall give theirs too, which line {1} does not.");
    private static readonly RuleDefinition FxextS08 = Fatal("BR-FXEXT-S-08", "BT-116", "Pour le taux {0} % en catégorie S, la base imposable (BT-116 = {1}) s'écarte de plus de {2} de la somme des lignes DETAIL moins les remises plus les charges à ce taux ({3}).", "For rate {0} % in category S, the VAT category taxable amount (BT-116 = {1}) differs by more than {2} from the sum of DETAIL lines minus allowances plus charges at that rate ({3}).");

    private static readonly XName Transaction = Namespaces.Rsm + "SupplyChainTradeTransaction";
    private static readonly XName LineItem = Namespaces.Ram + "IncludedSupplyChainTradeLineItem";
    private static readonly XName Document = Namespaces.Ram + "AssociatedDocumentLineDocument";
    private static readonly XName Settlement = Namespaces.Ram + "SpecifiedLineTradeSettlement";

    /// <summary>BR-S-08 of the CEN rules, which the EXTENDED Schematron replaces by BR-FXEXT-S-08.</summary>
    public const string ReplacedRule = "BR-S-08";

    public static void Check(RuleRun run, XElement root)
    {
        var transaction = root.Element(Transaction);
        if (transaction is null)
        {
            return;
        }

        var lines = transaction.Elements(LineItem).Select(Line.Of).ToList();
        var ids = lines.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.ParentId.Length > 0 && !ids.Contains(line.ParentId))
            {
                run.Fail(Fxext11, line.Node, line.ParentId, line.Id);
            }

            var isParent = lines.Any(o => !ReferenceEquals(o, line) && o.ParentId == line.Id);
            if ((line.ParentId.Length > 0 || isParent) && !line.StatesSubtype)
            {
                run.Fail(Fxext06, line.Node, line.Id);
            }

            if (line.Subtype == "GROUP" && line.NetAmount is { } amount && XmlValues.Norm(amount).Length > 0)
            {
                var children = lines.Where(c => c.ParentId == line.Id && c.Subtype is "DETAIL" or "GROUP").ToList();
                var sum = children.Aggregate((decimal?)0m, (total, c) => total + c.NetAmount.Dec());
                run.Check(sum is { } s && amount.Dec() == s, Fxext08, amount, line.Id, amount, sum);
            }
        }

        CheckGroupAmounts(run, lines);
        CheckStandardRatedBasis(run, transaction, lines);
    }

    /// <summary>BR-FXEXT-12, one finding per GROUP line whose lower GROUP lines do not all give a net amount.</summary>
    private static void CheckGroupAmounts(RuleRun run, List<Line> lines)
    {
        if (!lines.Any(l => l.Subtype == "GROUP" && l.ParentId.Length > 0))
        {
            return;
        }

        var children = lines.Where(l => l.ParentId.Length > 0).ToLookup(l => l.ParentId, StringComparer.Ordinal);
        foreach (var group in lines.Where(l => l.Subtype == "GROUP" && HasAmount(l)))
        {
            var seen = new HashSet<Line>(ReferenceEqualityComparer.Instance) { group };
            var pending = new Stack<Line>(children[group.Id]);
            while (pending.Count > 0)
            {
                var line = pending.Pop();
                if (!seen.Add(line))
                {
                    continue;
                }

                if (line.Subtype == "GROUP" && !HasAmount(line))
                {
                    run.Fail(Fxext12, group.Node, group.Id, line.Id);
                    break;
                }

                foreach (var child in children[line.Id])
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static bool HasAmount(Line line) => XmlValues.Norm(line.NetAmount).Length > 0;

    private static void CheckStandardRatedBasis(RuleRun run, XElement transaction, List<Line> lines)
    {
        var settlement = transaction.Element(Namespaces.Ram + "ApplicableHeaderTradeSettlement");
        if (settlement is null)
        {
            return;
        }

        var allowances = settlement.Elements(Namespaces.Ram + "SpecifiedTradeAllowanceCharge").ToList();
        var logistics = settlement.Elements(Namespaces.Ram + "SpecifiedLogisticsServiceCharge").ToList();
        var detail = lines.Where(l => l.Subtype is "" or "DETAIL").ToList();
        foreach (var breakdown in settlement.Elements(Namespaces.Ram + "ApplicableTradeTax").Where(t => t.Elements(Namespaces.Ram + "CategoryCode").Any(c => XmlValues.StringValue(c) == "S")))
        {
            var basis = breakdown.Element(Namespaces.Ram + "BasisAmount").Dec();
            foreach (var rate in breakdown.Elements(Namespaces.Ram + "RateApplicablePercent").Select(r => r.Dec()).OfType<decimal>())
            {
                bool Taxed(XElement? tax) => tax is not null && tax.Elements(Namespaces.Ram + "CategoryCode").Any(c => XmlValues.StringValue(c) == "S")
                    && tax.Elements(Namespaces.Ram + "RateApplicablePercent").Any(r => r.Dec() == rate);
                var atRate = detail.Where(l => l.Taxes.Any(Taxed)).ToList();
                var charges = allowances.Where(a => Taxed(a.Element(Namespaces.Ram + "CategoryTradeTax"))).ToList();
                var fees = logistics.Where(f => Taxed(f.Element(Namespaces.Ram + "AppliedTradeTax"))).ToList();
                var lineSum = XmlValues.Round2(atRate.Sum(l => l.NetAmount.Dec() ?? 0m));
                var chargeSum = XmlValues.Round2(charges.Where(a => IsCharge(a) == true).Sum(a => a.Element(Namespaces.Ram + "ActualAmount").Dec() ?? 0m));
                var allowanceSum = XmlValues.Round2(charges.Where(a => IsCharge(a) == false).Sum(a => a.Element(Namespaces.Ram + "ActualAmount").Dec() ?? 0m));
                var feeSum = XmlValues.Round2(fees.Sum(f => f.Element(Namespaces.Ram + "AppliedAmount").Dec() ?? 0m));
                var expected = lineSum + chargeSum + feeSum - allowanceSum;
                var tolerance = 0.01m * (atRate.Count + charges.Count + fees.Count);
                run.Check(basis is { } b && Math.Abs(b - expected) <= tolerance, FxextS08, breakdown.Element(Namespaces.Ram + "BasisAmount") ?? breakdown, rate, basis, tolerance, expected.ToString("0.00", CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The XPath boolean of ChargeIndicator/Indicator ("true" or "1"; "false" or "0"), or null.</summary>
    private static bool? IsCharge(XElement allowanceCharge) =>
        allowanceCharge.Element(Namespaces.Ram + "ChargeIndicator")?.Element(Namespaces.Udt + "Indicator").Norm() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => null,
        };

    private sealed record Line(XElement Node, string Id, string ParentId, string Subtype, XElement? NetAmount, IReadOnlyList<XElement> Taxes)
    {
        /// <summary>BR-FXEXT-06 reads the subtype on the line, its document or its settlement, whichever comes first.</summary>
        public bool StatesSubtype =>
            new[] { Node, Node.Element(Document), Node.Element(Settlement) }
                .Select(e => e?.Element(Namespaces.Ram + "LineStatusReasonCode"))
                .FirstOrDefault(e => e is not null)
                .Norm().Length > 0;

        public static Line Of(XElement item)
        {
            var document = item.Element(Document);
            var settlement = item.Element(Settlement);
            return new Line(
                item,
                document?.Element(Namespaces.Ram + "LineID").Norm() ?? string.Empty,
                document?.Element(Namespaces.Ram + "ParentLineID").Norm() ?? string.Empty,
                document?.Element(Namespaces.Ram + "LineStatusReasonCode").Norm() ?? string.Empty,
                settlement?.Element(Namespaces.Ram + "SpecifiedTradeSettlementLineMonetarySummation")?.Element(Namespaces.Ram + "LineTotalAmount"),
                [.. settlement?.Elements(Namespaces.Ram + "ApplicableTradeTax") ?? []]);
        }
    }
}
