using System.Collections.Frozen;
using System.Xml.Linq;
using Cantate.Invoicing.FacturX;
using Cantate.Invoicing.Syntax;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// The Factur-X Schematron's own checks (Factur-X 1.09 profile Schematrons) that the CEN rules do not carry:
/// cardinality assertions (FX-SCH-A-000019, -000020, -000030, -000265), the Factur-X code lists of the VAT category
/// (FX-SCH-A-000179, in place of BR-CL-18) and of the exemption reason code (FX-SCH-A-000181, in place of BR-CL-22),
/// and the "not used in the given context" reports (FX-NOTUSED) of the MINIMUM, BASIC WL, BASIC and EN 16931 profiles and,
/// in part, of EXTENDED. Runs for the facturx and fr
/// validation profiles only, on CII invoices whose BT-24 names a Factur-X profile.
/// </summary>
internal static partial class FacturXSchematronRules
{
    private static readonly RuleDefinition DocumentId = Fatal("FX-SCH-A-000019", "BT-1", "L'élément ram:ID (BT-1) doit apparaître exactement une fois dans rsm:ExchangedDocument ({0} trouvé(s)).", "Element 'ram:ID' (BT-1) must occur exactly 1 times in rsm:ExchangedDocument ({0} found).");
    private static readonly RuleDefinition TypeCode = Fatal("FX-SCH-A-000020", "BT-3", "L'élément ram:TypeCode doit apparaître exactement une fois dans {0} ({1} trouvé(s)).", "Element 'ram:TypeCode' must occur exactly 1 times in {0} ({1} found).");
    private static readonly RuleDefinition SellerName = Fatal("FX-SCH-A-000030", "BT-27", "L'élément ram:Name (BT-27) doit apparaître exactement une fois chez le vendeur ({0} trouvé(s)).", "Element 'ram:Name' (BT-27) must occur exactly 1 times in the seller ({0} found).");
    private static readonly RuleDefinition Lines = Fatal("FX-SCH-A-000265", "BG-25", "Le profil Factur-X {0} exige au moins une ligne de facture (ram:IncludedSupplyChainTradeLineItem) ; la facture n'en a aucune.", "The Factur-X {0} profile requires at least one invoice line (ram:IncludedSupplyChainTradeLineItem); the invoice has none.");
    private static readonly RuleDefinition Category = Fatal("FX-SCH-A-000179", "BT-118", "Le code de catégorie de TVA {0} n'est pas dans la liste Factur-X (S, Z, E, AE, K, G, O, L, M).", "The VAT category code {0} is not in the Factur-X code list (S, Z, E, AE, K, G, O, L, M).");
    private static readonly RuleDefinition Exemption = Fatal("FX-SCH-A-000181", "BT-121", "Le code de motif d'exonération {0} n'est pas dans la liste VATEX de Factur-X (codes en majuscules, par exemple VATEX-EU-132-1A).", "The VAT exemption reason code {0} is not in the VATEX code list of Factur-X (upper-case codes, e.g. VATEX-EU-132-1A).");
    private static readonly RuleDefinition NotUsed = Fatal("FX-NOTUSED", string.Empty, "{0} n'est pas utilisé à cet endroit par le profil Factur-X {1} : retirez-le ou choisissez le profil EXTENDED.", "{0} is marked as not used in the given context by the Factur-X {1} profile: remove it or use the EXTENDED profile.");

    private static readonly RuleDefinition NotUsedDocument = Fatal("FX-NOTUSED", "BG-24", "Un document additionnel (BG-24) de type {0} n'est pas utilisé par le profil Factur-X {1} : seuls les types 916 (justificatif), 50 (appel d'offres ou lot, BT-17) et 130 (objet facturé, BT-18) le sont.", "An additional document (BG-24) of type {0} is marked as not used by the Factur-X {1} profile: only types 916 (supporting document), 50 (tender or lot, BT-17) and 130 (invoiced object, BT-18) are.");

    private static readonly RuleDefinition NotUsedIndicator = Fatal("FX-NOTUSED", "BG-20", "Une remise ou charge dont l'indicateur (ChargeIndicator = {0}) n'est ni true ni false n'est pas utilisée par le profil Factur-X {1}.", "An allowance or charge whose indicator (ChargeIndicator = {0}) is neither true nor false is marked as not used by the Factur-X {1} profile.");
    private static readonly RuleDefinition NotUsedReasonList = Fatal("FX-NOTUSED", "BT-105", "Le code de motif de charge {0} avec une liste autre que UNTDID 5153 (listID = {1}) n'est pas utilisé par le profil Factur-X {2}.", "A charge reason code {0} with a list other than UNTDID 5153 (listID = {1}) is marked as not used by the Factur-X {2} profile.");

    /// <summary>The Factur-X code list of VAT categories (UNCL 5305 without the Italian split payment B).</summary>
    private static readonly FrozenSet<string> Categories = new[] { "S", "Z", "E", "AE", "K", "G", "O", "L", "M" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The Factur-X VATEX list: compared exactly (the XPath enumeration is case-sensitive, unlike BR-CL-22), and
    /// without VATEX-EU-144, which only newer lists carry.
    /// </summary>
    private static readonly FrozenSet<string> ExemptionCodes = CodeLists.ExemptionReasons
        .Where(c => c != "VATEX-EU-144")
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// What the EN 16931 profile does not carry in a header additional document (BG-24), by its type code: 916 is a
    /// supporting document, 50 a tender or lot reference (BT-17), 130 an invoiced object (BT-18); any other type is
    /// itself not used.
    /// </summary>
    private static readonly FrozenDictionary<string, (XName[] Elements, XName[] SchemeIdOn)> AdditionalDocumentNotUsed =
        new Dictionary<string, (XName[] Elements, XName[] SchemeIdOn)>(StringComparer.Ordinal)
        {
            ["916"] = (Ram("FormattedIssueDateTime", "LineID", "ReferenceTypeCode"), Ram("IssuerAssignedID", "URIID")),
            ["50"] = (Ram("AttachmentBinaryObject", "FormattedIssueDateTime", "LineID", "Name", "ReferenceTypeCode", "URIID"), Ram("IssuerAssignedID")),
            ["130"] = (Ram("AttachmentBinaryObject", "FormattedIssueDateTime", "LineID", "Name", "URIID"), Ram("IssuerAssignedID")),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly XName Transaction = Namespaces.Rsm + "SupplyChainTradeTransaction";
    private static readonly XName LineItem = Namespaces.Ram + "IncludedSupplyChainTradeLineItem";

    public static void Check(RuleRun run, XElement root, FacturXProfile profile)
    {
        var document = root.Element(Namespaces.Rsm + "ExchangedDocument");
        if (document is not null)
        {
            var ids = document.Elements(Namespaces.Ram + "ID").Count();
            run.Check(ids == 1, DocumentId, document, ids);
            CountTypeCode(run, document);
        }

        var transaction = root.Element(Transaction);
        var seller = transaction?.Element(Namespaces.Ram + "ApplicableHeaderTradeAgreement")?.Element(Namespaces.Ram + "SellerTradeParty");
        if (seller is not null)
        {
            var names = seller.Elements(Namespaces.Ram + "Name").Count();
            run.Check(names == 1, SellerName, seller, names);
        }

        if (profile is FacturXProfile.Minimum)
        {
            CheckNotUsed(run, root, MinimumNotUsed, "MINIMUM");
        }

        if (profile is FacturXProfile.Minimum || transaction is null)
        {
            return;
        }

        var settlement = transaction.Element(Namespaces.Ram + "ApplicableHeaderTradeSettlement");
        var lineTaxes = transaction.Elements(LineItem).Elements(Namespaces.Ram + "SpecifiedLineTradeSettlement").Elements(Namespaces.Ram + "ApplicableTradeTax");
        var headerTaxes = settlement?.Elements(Namespaces.Ram + "ApplicableTradeTax") ?? [];
        var allowanceTaxes = settlement?.Elements(Namespaces.Ram + "SpecifiedTradeAllowanceCharge").Elements(Namespaces.Ram + "CategoryTradeTax") ?? [];
        foreach (var code in headerTaxes.Concat(lineTaxes).Concat(allowanceTaxes).Elements(Namespaces.Ram + "CategoryCode"))
        {
            var value = XmlValues.StringValue(code);
            run.Check(value.Length == 0 || Categories.Contains(value), Category, code, code);
        }

        foreach (var code in headerTaxes.Elements(Namespaces.Ram + "ExemptionReasonCode"))
        {
            var value = XmlValues.StringValue(code);
            run.Check(value.Length == 0 || ExemptionCodes.Contains(value), Exemption, code, code);
        }

        if (profile is FacturXProfile.BasicWl)
        {
            CheckNotUsed(run, root, BasicWlNotUsed, "BASIC WL");
            return;
        }

        run.Check(transaction.Element(LineItem) is not null, Lines, transaction, profile.ConformanceLevel());
        if (profile is FacturXProfile.Basic)
        {
            CheckNotUsed(run, root, BasicNotUsed, "BASIC");
            return;
        }

        foreach (var reference in transaction.Elements(LineItem).Elements(Namespaces.Ram + "SpecifiedLineTradeSettlement").Elements(Namespaces.Ram + "AdditionalReferencedDocument"))
        {
            CountTypeCode(run, reference);
        }

        if (profile is FacturXProfile.En16931)
        {
            CheckNotUsed(run, root, En16931NotUsed, "EN 16931");
        }
        else if (profile is FacturXProfile.Extended or FacturXProfile.ExtendedCtcFr)
        {
            CheckExtendedNotUsed(run, root);
        }
    }

    private static void CountTypeCode(RuleRun run, XElement context)
    {
        var count = context.Elements(Namespaces.Ram + "TypeCode").Count();
        run.Check(count == 1, TypeCode, context, XmlValues.PrefixedName(context), count);
    }

    /// <summary>
    /// One FX-NOTUSED finding per node the profile marks as not used: the listed paths, a seller tax registration
    /// other than VAT (VA) or fiscal number (FC), and a VAT total in a currency that is neither BT-5 nor BT-6.
    /// </summary>
    private static void CheckNotUsed(RuleRun run, XElement root, (XName[] Path, string? Attribute)[] paths, string level)
    {
        ReportPaths(run, root, paths, NotUsed, level);

        var transaction = root.Elements(Transaction);
        var agreement = transaction.Elements(Namespaces.Ram + "ApplicableHeaderTradeAgreement");
        if (paths == En16931NotUsed)
        {
            CheckAdditionalDocuments(run, agreement, level);
        }

        if (paths != MinimumNotUsed)
        {
            CheckAllowanceCharges(run, transaction.Elements(Namespaces.Ram + "ApplicableHeaderTradeSettlement"), level);
        }

        if (paths == BasicNotUsed || paths == En16931NotUsed)
        {
            var lines = transaction.Elements(LineItem);
            CheckAllowanceCharges(run, lines.Elements(Namespaces.Ram + "SpecifiedLineTradeSettlement"), level);
            foreach (var priceAllowance in lines.Elements(Namespaces.Ram + "SpecifiedLineTradeAgreement").Elements(Namespaces.Ram + "GrossPriceProductTradePrice").Elements(Namespaces.Ram + "AppliedTradeAllowanceCharge"))
            {
                var indicators = Indicators(priceAllowance);
                if (!indicators.Any(i => i is "true" or "false"))
                {
                    run.Fail(NotUsedIndicator, priceAllowance, indicators.Count == 0 ? null : string.Join(", ", indicators), level);
                }
            }
        }

        var seller = agreement.Elements(Namespaces.Ram + "SellerTradeParty");
        foreach (var registration in seller.Elements(Namespaces.Ram + "SpecifiedTaxRegistration")
            .Where(r => !r.Elements(Namespaces.Ram + "ID").Any(id => id.Attr("schemeID") is "VA" or "FC")))
        {
            run.Fail(NotUsed, registration, XmlValues.PrefixedName(registration), level);
        }

        // XPath compares the attribute with every currency code element: absent elements or attribute never match.
        foreach (var settlement in transaction.Elements(Namespaces.Ram + "ApplicableHeaderTradeSettlement"))
        {
            var currencies = settlement.Elements(Namespaces.Ram + "InvoiceCurrencyCode").Concat(settlement.Elements(Namespaces.Ram + "TaxCurrencyCode")).Select(c => c.Value).ToList();
            foreach (var total in settlement.Elements(Namespaces.Ram + "SpecifiedTradeSettlementHeaderMonetarySummation").Elements(Namespaces.Ram + "TaxTotalAmount"))
            {
                if (total.Attr("currencyID") is not { } currency || !currencies.Contains(currency))
                {
                    run.Fail(NotUsed, total, XmlValues.PrefixedName(total), level);
                }
            }
        }
    }

    /// <summary>One finding per element, or attribute, found at the listed paths.</summary>
    private static void ReportPaths(RuleRun run, XElement root, (XName[] Path, string? Attribute)[] paths, RuleDefinition rule, string level)
    {
        foreach (var (path, attribute) in paths)
        {
            foreach (var element in Select(root, path))
            {
                if (attribute is null)
                {
                    run.Fail(rule, element, XmlValues.PrefixedName(element), level);
                }
                else if (element.Attribute(attribute) is { } a)
                {
                    run.Fail(rule, a, "@" + attribute, level);
                }
            }
        }
    }

    private static void CheckAdditionalDocuments(RuleRun run, IEnumerable<XElement> agreement, string level)
    {
        foreach (var document in agreement.Elements(Namespaces.Ram + "AdditionalReferencedDocument"))
        {
            // XPath's ram:TypeCode="916" holds when any TypeCode child has that value.
            var types = document.Elements(Namespaces.Ram + "TypeCode").Select(XmlValues.StringValue).ToList();
            var type = types.FirstOrDefault(AdditionalDocumentNotUsed.ContainsKey);
            if (type is null)
            {
                run.Fail(NotUsedDocument, document, types.Count == 0 ? null : string.Join(", ", types), level);
                continue;
            }

            var (elements, schemeIdOn) = AdditionalDocumentNotUsed[type];
            foreach (var child in document.Elements().Where(c => elements.Contains(c.Name)))
            {
                run.Fail(NotUsed, child, XmlValues.PrefixedName(child), level);
            }

            foreach (var scheme in document.Elements().Where(c => schemeIdOn.Contains(c.Name)).Select(c => c.Attribute("schemeID")).OfType<XAttribute>())
            {
                run.Fail(NotUsed, scheme, "@schemeID", level);
            }
        }
    }

    /// <summary>
    /// The allowance and charge variants the profiles carry, in the header or on a line: an indicator "true" or
    /// "false" (compared as text, as the Schematron does), and on a charge a reason code without list or with list
    /// 5153.
    /// </summary>
    private static void CheckAllowanceCharges(RuleRun run, IEnumerable<XElement> settlements, string level)
    {
        foreach (var allowanceCharge in settlements.Elements(Namespaces.Ram + "SpecifiedTradeAllowanceCharge"))
        {
            var indicators = Indicators(allowanceCharge);
            if (!indicators.Any(i => i is "true" or "false"))
            {
                run.Fail(NotUsedIndicator, allowanceCharge, indicators.Count == 0 ? null : string.Join(", ", indicators), level);
            }
            else if (indicators.Contains("true"))
            {
                foreach (var code in allowanceCharge.Elements(Namespaces.Ram + "ReasonCode").Where(c => c.Attr("listID") is { } list && list != "5153"))
                {
                    run.Fail(NotUsedReasonList, code, code, code.Attr("listID"), level);
                }
            }
        }
    }

    private static List<string> Indicators(XElement allowanceCharge) =>
        [.. allowanceCharge.Elements(Namespaces.Ram + "ChargeIndicator").Elements(Namespaces.Udt + "Indicator").Select(XmlValues.StringValue)];

    private static XName[] Ram(params string[] names) => [.. names.Select(n => Namespaces.Ram + n)];

    private static IEnumerable<XElement> Select(XElement root, XName[] path)
    {
        IEnumerable<XElement> current = [root];
        foreach (var name in path)
        {
            current = current.Elements(name);
        }

        return current;
    }

    private static (XName[] Path, string? Attribute)[] Paths(params IEnumerable<string> paths) =>
        [.. paths.Select(p =>
        {
            var steps = p.Split('/');
            var attribute = steps[^1].StartsWith('@') ? steps[^1][1..] : null;
            var names = steps.Take(attribute is null ? steps.Length : steps.Length - 1)
                .Select(s => (s.StartsWith("rsm:", StringComparison.Ordinal) ? Namespaces.Rsm : Namespaces.Ram) + s[4..])
                .ToArray();
            return (names, attribute);
        })];
}
