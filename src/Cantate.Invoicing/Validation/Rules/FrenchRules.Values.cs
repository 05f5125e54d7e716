using System.Collections.Frozen;
using System.Xml.Linq;
using Cantate.Invoicing.Syntax;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// The reform's rules on values (FNFE-MPE France_RFE Schematrons v1.4.0, CII and UBL bindings): the number formats
/// of amounts, quantities, unit prices and VAT rates (BR-FR-DEC-01..04), the VAT categories the reform accepts
/// (BR-FR-15, with its own report of L and M), item attributes (BR-FR-27, BR-FR-28), the AFL and AVV invoiced
/// objects (BR-FR-29, BR-FR-30) and the 9 digits of a SIREN wherever one is given (BR-FR-32).
/// </summary>
internal static partial class FrenchRules
{
    /// <summary>BR-FR-DEC-01 per term: the amounts and their path, in CII from the transaction, in UBL from the root.</summary>
    private static readonly (string Term, XName[] Cii, XName[] Ubl)[] HeaderAmounts =
    [
        ("BT-92_BT-99", P("ram:ApplicableHeaderTradeSettlement", "ram:SpecifiedTradeAllowanceCharge", "ram:ActualAmount"), P("cac:AllowanceCharge", "cbc:Amount")),
        ("BT-93_BT-100", P("ram:ApplicableHeaderTradeSettlement", "ram:SpecifiedTradeAllowanceCharge", "ram:BasisAmount"), P("cac:AllowanceCharge", "cbc:BaseAmount")),
        ("BT-106", P("ram:ApplicableHeaderTradeSettlement", "ram:SpecifiedTradeSettlementHeaderMonetarySummation", "ram:LineTotalAmount"), P("cac:LegalMonetaryTotal", "cbc:LineExtensionAmount")),
        ("BT-107", P("ram:ApplicableHeaderTradeSettlement", "ram:SpecifiedTradeSettlementHeaderMonetarySummation", "ram:AllowanceTotalAmount"), P("cac:LegalMonetaryTotal", "cbc:AllowanceTotalAmount")),
        ("BT-108", P("ram:ApplicableHeaderTradeSettlement", "ram:SpecifiedTradeSettlementHeaderMonetarySummation", "ram:ChargeTotalAmount"), P("cac:LegalMonetaryTotal", "cbc:ChargeTotalAmount")),
        ("BT-109", P("ram:ApplicableHeaderTradeSettlement", "ram:SpecifiedTradeSettlementHeaderMonetarySummation", "ram:TaxBasisTotalAmount"), P("cac:LegalMonetaryTotal", "cbc:TaxExclusiveAmount")),

        // BT-111 shares BT-110's context in both Schematrons, so only BR-FR-DEC-01_BT-110 can fire.
        ("BT-110", P("ram:ApplicableHeaderTradeSettlement", "ram:SpecifiedTradeSettlementHeaderMonetarySummation", "ram:TaxTotalAmount"), P("cac:TaxTotal", "cbc:TaxAmount")),
        ("BT-112", P("ram:ApplicableHeaderTradeSettlement", "ram:SpecifiedTradeSettlementHeaderMonetarySummation", "ram:GrandTotalAmount"), P("cac:LegalMonetaryTotal", "cbc:TaxInclusiveAmount")),
        ("BT-113", P("ram:ApplicableHeaderTradeSettlement", "ram:SpecifiedTradeSettlementHeaderMonetarySummation", "ram:TotalPrepaidAmount"), P("cac:LegalMonetaryTotal", "cbc:PrepaidAmount")),
        ("BT-114", P("ram:ApplicableHeaderTradeSettlement", "ram:SpecifiedTradeSettlementHeaderMonetarySummation", "ram:RoundingAmount"), P("cac:LegalMonetaryTotal", "cbc:PayableRoundingAmount")),
        ("BT-115", P("ram:ApplicableHeaderTradeSettlement", "ram:SpecifiedTradeSettlementHeaderMonetarySummation", "ram:DuePayableAmount"), P("cac:LegalMonetaryTotal", "cbc:PayableAmount")),
        ("BT-116", P("ram:ApplicableHeaderTradeSettlement", "ram:ApplicableTradeTax", "ram:BasisAmount"), P("cac:TaxTotal", "cac:TaxSubtotal", "cbc:TaxableAmount")),
        ("BT-117", P("ram:ApplicableHeaderTradeSettlement", "ram:ApplicableTradeTax", "ram:CalculatedAmount"), P("cac:TaxTotal", "cac:TaxSubtotal", "cbc:TaxAmount")),
    ];

    /// <summary>BR-FR-DEC-01 on line amounts, from the line.</summary>
    private static readonly (string Term, XName[] Cii, XName[] Ubl)[] LineAmounts =
    [
        ("BT-131", P("ram:SpecifiedLineTradeSettlement", "ram:SpecifiedTradeSettlementLineMonetarySummation", "ram:LineTotalAmount"), P("cbc:LineExtensionAmount")),
        ("BT-136_BT-141", P("ram:SpecifiedLineTradeSettlement", "ram:SpecifiedTradeAllowanceCharge", "ram:ActualAmount"), P("cac:AllowanceCharge", "cbc:Amount")),
        ("BT-137_BT-142", P("ram:SpecifiedLineTradeSettlement", "ram:SpecifiedTradeAllowanceCharge", "ram:BasisAmount"), P("cac:AllowanceCharge", "cbc:BaseAmount")),
    ];

    private static readonly FrozenDictionary<string, RuleDefinition> AmountRules = HeaderAmounts.Select(a => a.Term).Concat(LineAmounts.Select(a => a.Term))
        .ToFrozenDictionary(
            t => t,
            t => Fatal("BR-FR-DEC-01_" + t, t.Split('_')[0], $"Le montant ({t.Replace('_', '/')} = {{0}}) doit s'écrire avec au plus 2 décimales après un point et 19 chiffres.", $"The amount ({t.Replace('_', '/')} = {{0}}) shall be written with at most 2 decimals after a point and 19 digits."),
            StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, RuleDefinition> QuantityRules = new[] { "BT-129", "BT-149" }
        .ToFrozenDictionary(
            t => t,
            t => Fatal("BR-FR-DEC-02_" + t, t, $"La quantité ({t} = {{0}}) doit s'écrire avec au plus 4 décimales après un point et 19 chiffres.", $"The quantity ({t} = {{0}}) shall be written with at most 4 decimals after a point and 19 digits."),
            StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, RuleDefinition> PriceRules = new[] { "BT-146", "BT-147", "BT-148" }
        .ToFrozenDictionary(
            t => t,
            t => Fatal("BR-FR-DEC-03_" + t, t, $"Le prix ({t} = {{0}}) doit être positif (sauf facture bi-directionnelle B9, S9, M9) et s'écrire avec au plus 6 décimales après un point et 19 chiffres.", $"The price ({t} = {{0}}) shall be positive (except in a bi-directional B9, S9, M9 invoice) and written with at most 6 decimals after a point and 19 digits."),
            StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, RuleDefinition> PercentRules = new[] { "BT-96_BT-103", "BT-119", "BT-152" }
        .ToFrozenDictionary(
            t => t,
            t => Fatal("BR-FR-DEC-04_" + t, t.Split('_')[0], $"Le taux de TVA ({t.Replace('_', '/')} = {{0}}) doit être positif et s'écrire avec au plus 4 chiffres dont 2 décimales après un point.", $"The VAT rate ({t.Replace('_', '/')} = {{0}}) shall be positive and written with at most 4 digits, 2 of them decimals after a point."),
            StringComparer.Ordinal);

    private static readonly FrozenSet<string> Categories = new[] { "S", "E", "AE", "K", "G", "O", "Z" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>BR-FR-15: the category list rule and the L/M rule, per term and syntax, with their published ids.</summary>
    private static readonly FrozenDictionary<string, (RuleDefinition List, RuleDefinition LM)> CategoryRules = new[]
    {
        ("cii:BT-102", "BR-FR-15_BT-95_BT-102", "BR-FR-15_BT-95_BT-102_LM", "BT-95"),
        ("cii:BT-118", "BR-FR-15_BT-95_BT-118", "BR-FR-15_BT-95_BT-118_LM", "BT-118"),
        ("cii:BT-151", "BR-FR-15_BT-95_BT-151", "BR-FR-15_BT-95_BT-151_LM", "BT-151"),
        ("ubl:BT-102", "BR-FR-15_BT-95_BT-102-1", "BR-FR-15_BT-95_BT-102-2", "BT-95"),
        ("ubl:BT-118", "BR-FR-15_BT-118-1", "BR-FR-15_BT-118-2", "BT-118"),
        ("ubl:BT-151", "BR-FR-15_BT-151-1", "BR-FR-08_BT-151-2", "BT-151"),
    }.ToFrozenDictionary(
        r => r.Item1,
        r => (
            Fatal(r.Item2, r.Item4, "La catégorie de TVA {0} n'est pas admise par la réforme française (S, E, AE, K, G, O, Z).", "VAT category {0} is not accepted by the French reform (S, E, AE, K, G, O, Z)."),
            Fatal(r.Item3, r.Item4, "Les catégories de TVA L et M ({0}) ne s'appliquent pas en France.", "VAT categories L and M ({0}) do not apply in France.")),
        StringComparer.Ordinal);

    private static readonly RuleDefinition Fr27Group = Fatal("BR-FR-27_BG-32", "BG-32", "L'attribut d'article de la ligne {0} doit avoir un nom (BT-160) ou un code (EXT-FR-FE-159).", "The item attribute of line {0} shall have a name (BT-160) or a code (EXT-FR-FE-159).");
    private static readonly RuleDefinition Fr27Name = Fatal("BR-FR-27_BT-160", "BT-160", "Le nom d'attribut d'article (BT-160) de la ligne {0} est vide.", "The item attribute name (BT-160) of line {0} is empty.");
    private static readonly RuleDefinition Fr27Code = Fatal("BR-FR-27_EXT-FR-FE-159", "EXT-FR-FE-159", "Le code d'attribut d'article (EXT-FR-FE-159) de la ligne {0} est vide.", "The item attribute code (EXT-FR-FE-159) of line {0} is empty.");
    private static readonly RuleDefinition Fr28 = Fatal("BR-FR-28-Value", "BT-161", "L'attribut d'article de la ligne {0} doit avoir soit une valeur (BT-161), soit une quantité avec unité, pas les deux.", "The item attribute of line {0} shall have either a value (BT-161) or a quantity with its unit, not both.");
    private static readonly RuleDefinition Fr29 = Fatal("BR-FR-29_BT-18", "BT-18", "Les objets facturés (BT-18) ont {0} identifiant(s) AFL et {1} AVV : un de chaque au plus.", "The invoiced objects (BT-18) have {0} AFL and {1} AVV identifiers: one of each at most.");

    private static readonly FrozenDictionary<string, RuleDefinition> ObjectIdRules = new[] { ("29", "BT-18"), ("30", "BT-128") }
        .SelectMany(r => new[] { "AFL", "AVV" }.Select(scheme => Fatal($"BR-FR-{r.Item1}_{scheme}", r.Item2, $"L'identifiant d'objet facturé de schéma {scheme} ({r.Item2}) est vide.", $"The invoiced object identifier with scheme {scheme} ({r.Item2}) is empty.")))
        .ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);

    private static readonly XName RamLegalOrganization = Namespaces.Ram + "SpecifiedLegalOrganization";
    private static readonly XName RamId = Namespaces.Ram + "ID";
    private static readonly XName RamGlobalId = Namespaces.Ram + "GlobalID";
    private static readonly XName UblTaxCategory = Namespaces.Cac + "TaxCategory";
    private static readonly XName UblAllowanceCharge = Namespaces.Cac + "AllowanceCharge";
    private static readonly XName UblTaxSubtotal = Namespaces.Cac + "TaxSubtotal";
    private static readonly XName UblTaxTotal = Namespaces.Cac + "TaxTotal";
    private static readonly XName UblClassifiedTaxCategory = Namespaces.Cac + "ClassifiedTaxCategory";
    private static readonly XName UblItem = Namespaces.Cac + "Item";
    private static readonly XName UblCompanyId = Namespaces.Cbc + "CompanyID";
    private static readonly XName UblPartyLegalEntity = Namespaces.Cac + "PartyLegalEntity";
    private static readonly XName UblId = Namespaces.Cbc + "ID";
    private static readonly XName UblPartyIdentification = Namespaces.Cac + "PartyIdentification";

    private static readonly RuleDefinition Fr32Legal = Fatal("BR-FR-32-LEGALID", "BT-30", "L'identifiant légal de schéma 0002 ({0}) doit être un SIREN de 9 chiffres.", "The legal registration identifier with scheme 0002 ({0}) shall be a 9-digit SIREN.");
    private static readonly RuleDefinition Fr32GlobalCii = Fatal("BR-FR-32-GLOBALID", "BT-29", "L'identifiant de partie de schéma {1} ({0}) doit être un SIREN de 9 chiffres.", "The party identifier with scheme {1} ({0}) shall be a 9-digit SIREN.");
    private static readonly RuleDefinition Fr32GlobalUbl = Fatal("BR-FR-32-ID", "BT-29", "L'identifiant de partie de schéma {1} ({0}) doit être un SIREN de 9 chiffres.", "The party identifier with scheme {1} ({0}) shall be a 9-digit SIREN.");

    private static void CheckValues(RuleRun run)
    {
        var v = run.View;
        var ubl = v.IsUbl;
        var header = ubl ? v.Root : v.Root.Element(Transaction);
        if (header is not null)
        {
            foreach (var (term, cii, ublPath) in HeaderAmounts)
            {
                foreach (var amount in Select(header, ubl ? ublPath : cii))
                {
                    run.Check(IsReformNumber(amount.Value, 19, 2, signed: true), AmountRules[term], amount, amount);
                }
            }
        }

        var biDirectional = BusinessProcess(v).Norm() is "S9" or "B9" or "M9";
        foreach (var line in v.Lines)
        {
            foreach (var (term, cii, ublPath) in LineAmounts)
            {
                foreach (var amount in Select(line.Node, ubl ? ublPath : cii))
                {
                    run.Check(IsReformNumber(amount.Value, 19, 2, signed: true), AmountRules[term], amount, amount);
                }
            }

            // The UBL Schematron lets an empty base quantity or price through (not($amount) or ...).
            Format(run, line.Quantity, QuantityRules["BT-129"], 4, signed: true, emptyAllowed: false);
            Format(run, line.BaseQuantity, QuantityRules["BT-149"], 4, signed: true, ubl);
            Format(run, line.NetPrice, PriceRules["BT-146"], 6, biDirectional, ubl);
            Format(run, line.PriceDiscount, PriceRules["BT-147"], 6, biDirectional, ubl);
            Format(run, line.GrossPrice, PriceRules["BT-148"], 6, biDirectional, ubl);
        }

        if (ubl)
        {
            CheckUblValues(run);
        }
        else
        {
            CheckCiiValues(run, header);
        }
    }

    private static void CheckCiiValues(RuleRun run, XElement? transaction)
    {
        var settlement = transaction?.Element(HeaderSettlement);
        var allowanceTaxes = settlement?.Elements(Namespaces.Ram + "SpecifiedTradeAllowanceCharge").Elements(Namespaces.Ram + "CategoryTradeTax").ToList() ?? [];
        var breakdowns = settlement?.Elements(Namespaces.Ram + "ApplicableTradeTax").ToList() ?? [];
        foreach (var tax in allowanceTaxes)
        {
            Category(run, tax.Elements(Namespaces.Ram + "CategoryCode").ToList(), CategoryRules["cii:BT-102"], tax, absentAllowed: false);
            Percent(run, tax.Elements(Namespaces.Ram + "RateApplicablePercent"), "BT-96_BT-103");
        }

        foreach (var tax in breakdowns)
        {
            Category(run, tax.Elements(Namespaces.Ram + "CategoryCode").ToList(), CategoryRules["cii:BT-118"], tax, absentAllowed: false);
            Percent(run, tax.Elements(Namespaces.Ram + "RateApplicablePercent"), "BT-119");
        }

        foreach (var item in transaction?.Elements(LineItem) ?? [])
        {
            // A GROUP or INFORMATION line may leave its category out.
            var subtype = item.Element(Namespaces.Ram + "AssociatedDocumentLineDocument")?.Elements(Namespaces.Ram + "LineStatusReasonCode").Select(s => s.Value).ToList() ?? [];
            var mayOmit = subtype.Contains("GROUP") || subtype.Contains("INFORMATION");
            foreach (var tax in item.Elements(LineSettlement).Elements(Namespaces.Ram + "ApplicableTradeTax"))
            {
                Category(run, tax.Elements(Namespaces.Ram + "CategoryCode").ToList(), CategoryRules["cii:BT-151"], tax, mayOmit);
                Percent(run, tax.Elements(Namespaces.Ram + "RateApplicablePercent"), "BT-152");
            }

            var id = item.Element(Namespaces.Ram + "AssociatedDocumentLineDocument")?.Element(Namespaces.Ram + "LineID");
            foreach (var attribute in item.Elements(Namespaces.Ram + "SpecifiedTradeProduct").Elements(Namespaces.Ram + "ApplicableProductCharacteristic"))
            {
                var names = attribute.Elements(Namespaces.Ram + "Description").ToList();
                var codes = attribute.Elements(Namespaces.Ram + "TypeCode").ToList();
                CheckAttribute(run, attribute, id, names, codes, attribute.Elements(Namespaces.Ram + "Value").Any(), attribute.Elements(Namespaces.Ram + "ValueMeasure").ToList());
            }
        }

        var agreement = transaction?.Element(HeaderAgreement);
        var objects = agreement?.Elements(Namespaces.Ram + "AdditionalReferencedDocument").ToList() ?? [];
        var afl = objects.Where(o => o.Elements(Namespaces.Ram + "ReferenceTypeCode").Any(c => c.Value == "AFL")).ToList();
        var avv = objects.Where(o => o.Elements(Namespaces.Ram + "ReferenceTypeCode").Any(c => c.Value == "AVV")).ToList();
        if (agreement is not null)
        {
            run.Check(afl.Count <= 1 && avv.Count <= 1, Fr29, agreement, afl.Count, avv.Count);
        }

        CheckObjectIds(run, afl.Elements(Namespaces.Ram + "IssuerAssignedID"), ObjectIdRules["BR-FR-29_AFL"]);
        CheckObjectIds(run, avv.Elements(Namespaces.Ram + "IssuerAssignedID"), ObjectIdRules["BR-FR-29_AVV"]);

        // One walk for the identifiers BR-FR-32 looks for anywhere in the document.
        foreach (var element in run.View.Root.Descendants())
        {
            if (element.Name == RamLegalOrganization)
            {
                foreach (var legal in element.Elements(RamId).Where(i => i.Attr("schemeID") == "0002"))
                {
                    run.Check(IsSiren(legal.Norm()), Fr32Legal, legal, legal);
                }
            }
            else if (element.Name == RamGlobalId && element.Attr("schemeID") is "0002" or "0231")
            {
                run.Check(IsSiren(element.Norm()), Fr32GlobalCii, element, element, element.Attr("schemeID"));
            }
        }
    }

    private static void CheckUblValues(RuleRun run)
    {
        var root = run.View.Root;
        var cac = Namespaces.Cac;
        var cbc = Namespaces.Cbc;

        // One walk for the contexts the UBL Schematron matches anywhere in the document.
        foreach (var element in root.Descendants())
        {
            var name = element.Name;
            if (name == UblTaxCategory && element.Parent is { } parent)
            {
                var term = parent.Name == UblAllowanceCharge ? "BT-102"
                    : parent.Name == UblTaxSubtotal && parent.Parent?.Name == UblTaxTotal ? "BT-118"
                    : null;
                if (term is not null)
                {
                    Category(run, element.Elements(cbc + "ID").ToList(), CategoryRules[term == "BT-102" ? "ubl:BT-102" : "ubl:BT-118"], element, absentAllowed: true);
                    Percent(run, element.Elements(cbc + "Percent"), term == "BT-102" ? "BT-96_BT-103" : "BT-119");
                }
            }
            else if (name == UblClassifiedTaxCategory && element.Parent?.Name == UblItem)
            {
                Category(run, element.Elements(cbc + "ID").ToList(), CategoryRules["ubl:BT-151"], element, absentAllowed: true);
                Percent(run, element.Elements(cbc + "Percent"), "BT-152");
            }
            else if (name == UblCompanyId && element.Parent?.Name == UblPartyLegalEntity && element.Attr("schemeID") == "0002")
            {
                run.Check(IsSiren(element.Norm()), Fr32Legal, element, element);
            }
            else if (name == UblId && element.Parent?.Name == UblPartyIdentification && element.Attr("schemeID") is "0002" or "0231")
            {
                run.Check(IsSiren(element.Norm()), Fr32GlobalUbl, element, element, element.Attr("schemeID"));
            }
        }

        // BR-FR-27's UBL contexts (ubl:Invoice/cac:Item/...) match no element; BR-FR-28 is read on the lines.
        foreach (var line in run.View.Lines)
        {
            foreach (var attribute in line.Node.Elements(cac + "Item").Elements(cac + "AdditionalItemProperty"))
            {
                var quantities = attribute.Elements(cbc + "ValueQuantity").ToList();
                var hasValue = attribute.Elements(cbc + "Value").Any();
                run.Check(hasValue ? quantities.Count == 0 : quantities.Any(q => q.Attr("unitCode") is { Length: > 0 }), Fr28, attribute, line.Id);
            }

            foreach (var id in line.Node.Elements(cac + "DocumentReference").Elements(cbc + "ID"))
            {
                if (id.Attr("schemeID") is "AFL" or "AVV")
                {
                    run.Check(id.Norm().Length > 0, ObjectIdRules["BR-FR-30_" + id.Attr("schemeID")], id);
                }
            }
        }

        foreach (var id in root.Elements(cac + "AdditionalDocumentReference").Elements(cbc + "ID"))
        {
            if (id.Attr("schemeID") is "AFL" or "AVV")
            {
                run.Check(id.Norm().Length > 0, ObjectIdRules["BR-FR-29_" + id.Attr("schemeID")], id);
            }
        }
    }

    /// <summary>BR-FR-27 and BR-FR-28 on one CII item attribute (BG-32).</summary>
    private static void CheckAttribute(RuleRun run, XElement attribute, XElement? lineId, List<XElement> names, List<XElement> codes, bool hasValue, List<XElement> measures)
    {
        run.Check(names.Count > 0 || codes.Count > 0, Fr27Group, attribute, lineId);
        foreach (var name in names)
        {
            run.Check(name.Norm().Length > 0, Fr27Name, name, lineId);
        }

        foreach (var code in codes)
        {
            run.Check(code.Norm().Length > 0, Fr27Code, code, lineId);
        }

        run.Check(hasValue ? measures.Count == 0 : measures.Any(m => m.Attr("unitCode") is { Length: > 0 }), Fr28, attribute, lineId);
    }

    private static void CheckObjectIds(RuleRun run, IEnumerable<XElement> ids, RuleDefinition rule)
    {
        foreach (var id in ids)
        {
            run.Check(id.Norm().Length > 0, rule, id);
        }
    }

    /// <summary>
    /// BR-FR-15 on one category element set: the value, compared as written, is one the reform accepts (or absent
    /// where the binding allows it), and L or M gets its own finding as well.
    /// </summary>
    private static void Category(RuleRun run, List<XElement> codes, (RuleDefinition List, RuleDefinition LM) rules, XElement context, bool absentAllowed)
    {
        var first = codes.Count > 0 ? codes[0] : null;
        run.Check(codes.Any(c => Categories.Contains(c.Value)) || (codes.Count == 0 && absentAllowed), rules.List, first ?? context, first);
        run.Check(!codes.Any(c => c.Value is "L" or "M"), rules.LM, first ?? context, first);
    }

    private static void Percent(RuleRun run, IEnumerable<XElement> rates, string term)
    {
        foreach (var rate in rates)
        {
            run.Check(IsReformNumber(rate.Value, 4, 2, signed: false), PercentRules[term], rate, rate);
        }
    }

    private static void Format(RuleRun run, XElement? value, RuleDefinition rule, int decimals, bool signed, bool emptyAllowed)
    {
        if (value is not null && !(emptyAllowed && value.Norm().Length == 0))
        {
            run.Check(IsReformNumber(value.Value, 19, decimals, signed), rule, value, value);
        }
    }

    /// <summary>
    /// The FNFE number formats (<c>custom:is-valid-decimal-19-2</c> and its kin): after normalize-space, an optional
    /// '-' where allowed, 1 to <paramref name="digits"/> digits, optionally a point and 1 to
    /// <paramref name="decimals"/> digits, and at most <paramref name="digits"/> characters once the point is removed.
    /// </summary>
    private static bool IsReformNumber(string raw, int digits, int decimals, bool signed)
    {
        var value = XmlValues.NormalizeSpace(raw);
        var i = signed && value.StartsWith('-') ? 1 : 0;
        var integer = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
            integer++;
        }

        if (integer == 0)
        {
            return false;
        }

        if (i < value.Length)
        {
            if (value[i] != '.')
            {
                return false;
            }

            var fraction = value.Length - i - 1;
            if (fraction < 1 || fraction > decimals || value.AsSpan(i + 1).ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }
        }

        var length = value.Length - (value.Contains('.', StringComparison.Ordinal) ? 1 : 0);
        return integer <= digits && length <= digits;
    }
}
