using System.Collections.Frozen;
using System.Xml.Linq;
using Cantate.Invoicing.FacturX;
using Cantate.Invoicing.Syntax;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// The Factur-X profile, chosen by BT-24, for CII invoices. MINIMUM and BASIC WL carry no invoice lines, so the
/// EN 16931 rules that need lines or line totals are not applied to them; EXTENDED lines may be sub-lines
/// without quantity or price; the CEN CII syntax binding rules give way to the Factur-X Schematron's.
/// The "element not used" reports of the Factur-X Schematron (reported as FX-NOTUSED, as they carry no id) are
/// implemented for MINIMUM only (Factur-X 1.07 MINIMUM Schematron); those of the other profiles, and its
/// FX-SCH-A-* cardinality and code-list assertions, are not.
/// </summary>
internal static class FacturXRules
{
    private static readonly RuleDefinition UnknownProfile = Warning("FX-PROFILE", "BT-24", "L'identifiant de spécification (BT-24 = {0}) ne désigne aucun profil Factur-X ; les règles EN 16931 s'appliquent.", "The specification identifier (BT-24 = {0}) names no Factur-X profile; the EN 16931 rules apply.");

    /// <summary>EN 16931 rules that presuppose invoice lines, or totals computed from them.</summary>
    private static readonly FrozenSet<string> LineRules = new[]
    {
        "BR-16", "BR-12", "BR-CO-10", "BR-CO-13", "BR-CO-14", "BR-CO-16", "BR-CO-18",
        "BR-S-08", "BR-Z-08", "BR-E-08", "BR-AE-08", "BR-IC-08", "BR-G-08", "BR-O-08", "BR-AF-08", "BR-AG-08",
        "BR-S-01", "BR-Z-01", "BR-E-01", "BR-AE-01", "BR-IC-01", "BR-G-01", "BR-O-01", "BR-AF-01", "BR-AG-01",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>CEN rules that the Factur-X 1.09 Schematron does not carry in the EN 16931 and EXTENDED profiles.</summary>
    private static readonly FrozenSet<string> NotInFacturX = new[] { "CII-SR-439", "CII-DT-097", "BR-S-10" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The MINIMUM and BASIC WL Schematrons carry none of the CEN CII syntax binding rules.</summary>
    private static bool SyntaxBinding(string rule) =>
        rule.StartsWith("CII-SR-", StringComparison.Ordinal) || rule.StartsWith("CII-DT-", StringComparison.Ordinal);

    /// <summary>MINIMUM and BASIC WL do not require the buyer's postal address either.</summary>
    private static readonly FrozenSet<string> HeaderOnlyRules = new[] { "BR-10", "BR-11" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>EXTENDED lines may be group or information sub-lines, without quantity, price or VAT of their own.</summary>
    private static readonly FrozenSet<string> ExtendedLineRules = new[]
    {
        "BR-21", "BR-22", "BR-23", "BR-24", "BR-25", "BR-26", "BR-27", "BR-28", "BR-CO-04", "BR-CO-10",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly RuleDefinition NotUsed = Fatal("FX-NOTUSED", string.Empty, "{0} n'est pas utilisé dans ce contexte par le profil Factur-X {1}.", "{0} is marked as not used in the given context by the Factur-X {1} profile.");

    private static readonly XName RsmExchangedDocument = Namespaces.Rsm + "ExchangedDocument";
    private static readonly XName RsmExchangedDocumentContext = Namespaces.Rsm + "ExchangedDocumentContext";
    private static readonly XName RsmSupplyChainTradeTransaction = Namespaces.Rsm + "SupplyChainTradeTransaction";
    private static readonly XName RamApplicableHeaderTradeAgreement = Namespaces.Ram + "ApplicableHeaderTradeAgreement";
    private static readonly XName RamApplicableHeaderTradeSettlement = Namespaces.Ram + "ApplicableHeaderTradeSettlement";
    private static readonly XName RamBusinessProcessSpecifiedDocumentContextParameter = Namespaces.Ram + "BusinessProcessSpecifiedDocumentContextParameter";
    private static readonly XName RamBuyerOrderReferencedDocument = Namespaces.Ram + "BuyerOrderReferencedDocument";
    private static readonly XName RamBuyerTradeParty = Namespaces.Ram + "BuyerTradeParty";
    private static readonly XName RamDuePayableAmount = Namespaces.Ram + "DuePayableAmount";
    private static readonly XName RamGrandTotalAmount = Namespaces.Ram + "GrandTotalAmount";
    private static readonly XName RamGuidelineSpecifiedDocumentContextParameter = Namespaces.Ram + "GuidelineSpecifiedDocumentContextParameter";
    private static readonly XName RamID = Namespaces.Ram + "ID";
    private static readonly XName RamInvoiceCurrencyCode = Namespaces.Ram + "InvoiceCurrencyCode";
    private static readonly XName RamIssuerAssignedID = Namespaces.Ram + "IssuerAssignedID";
    private static readonly XName RamPostalTradeAddress = Namespaces.Ram + "PostalTradeAddress";
    private static readonly XName RamSellerTradeParty = Namespaces.Ram + "SellerTradeParty";
    private static readonly XName RamSpecifiedTaxRegistration = Namespaces.Ram + "SpecifiedTaxRegistration";
    private static readonly XName RamSummation = Namespaces.Ram + "SpecifiedTradeSettlementHeaderMonetarySummation";
    private static readonly XName RamTaxBasisTotalAmount = Namespaces.Ram + "TaxBasisTotalAmount";
    private static readonly XName RamTaxCurrencyCode = Namespaces.Ram + "TaxCurrencyCode";
    private static readonly XName RamTaxTotalAmount = Namespaces.Ram + "TaxTotalAmount";

    public static FacturXProfile ProfileOf(InvoiceView view) => FacturXProfiles.FromSpecificationId(view.CustomizationId?.Value);

    public static void Check(RuleRun run, List<Finding> findings)
    {
        var v = run.View;
        var profile = ProfileOf(v);
        if (profile == FacturXProfile.Unknown)
        {
            run.Fail(UnknownProfile, v.CustomizationId, v.CustomizationId);
            return;
        }

        if (v.IsUbl)
        {
            return;
        }

        findings.RemoveAll(f => NotInFacturX.Contains(f.Rule));
        if (profile is FacturXProfile.Minimum)
        {
            CheckMinimumNotUsed(run, v.Root);
        }

        if (profile is FacturXProfile.Minimum or FacturXProfile.BasicWl)
        {
            findings.RemoveAll(f => LineRules.Contains(f.Rule) || HeaderOnlyRules.Contains(f.Rule) || SyntaxBinding(f.Rule));
        }
        else if (profile is FacturXProfile.Extended or FacturXProfile.ExtendedCtcFr)
        {
            findings.RemoveAll(f => ExtendedLineRules.Contains(f.Rule));
        }
    }

    /// <summary>
    /// The "not used" reports of the Factur-X MINIMUM Schematron: what the CII schema allows in a shared type but
    /// MINIMUM does not carry in this place (the buyer's address and VAT number, scheme and currency attributes,
    /// a tax registration other than VAT or fiscal number, a tax total in a third currency). Each node is reported.
    /// </summary>
    private static void CheckMinimumNotUsed(RuleRun run, XElement root)
    {
        const string Level = "MINIMUM";
        void Attribute(IEnumerable<XElement> elements, string attribute)
        {
            foreach (var e in elements)
            {
                if (e.Attribute(attribute) is { } a)
                {
                    run.Fail(NotUsed, a, "@" + attribute, Level);
                }
            }
        }

        void Elements(IEnumerable<XElement> elements, Func<XElement, bool>? when = null)
        {
            foreach (var e in elements)
            {
                if (when is null || when(e))
                {
                    run.Fail(NotUsed, e, XmlValues.PrefixedName(e), Level);
                }
            }
        }

        var context = root.Elements(RsmExchangedDocumentContext);
        var transaction = root.Elements(RsmSupplyChainTradeTransaction);
        var agreement = transaction.Elements(RamApplicableHeaderTradeAgreement);
        var settlement = transaction.Elements(RamApplicableHeaderTradeSettlement);
        var summation = settlement.Elements(RamSummation);

        Attribute(root.Elements(RsmExchangedDocument).Elements(RamID), "schemeID");
        Attribute(context.Elements(RamBusinessProcessSpecifiedDocumentContextParameter).Elements(RamID), "schemeID");
        Attribute(context.Elements(RamGuidelineSpecifiedDocumentContextParameter).Elements(RamID), "schemeID");
        Attribute(agreement.Elements(RamBuyerOrderReferencedDocument).Elements(RamIssuerAssignedID), "schemeID");
        Elements(agreement.Elements(RamBuyerTradeParty).Elements(RamPostalTradeAddress));
        Elements(agreement.Elements(RamBuyerTradeParty).Elements(RamSpecifiedTaxRegistration));
        Elements(
            agreement.Elements(RamSellerTradeParty).Elements(RamSpecifiedTaxRegistration),
            r => !r.Elements(RamID).Any(id => id.Attr("schemeID") is "VA" or "FC"));
        Attribute(summation.Elements(RamDuePayableAmount), "currencyID");
        Attribute(summation.Elements(RamGrandTotalAmount), "currencyID");
        Attribute(summation.Elements(RamTaxBasisTotalAmount), "currencyID");

        // XPath compares the attribute with every currency code element: absent elements or attribute never match.
        var currencies = settlement.Elements(RamInvoiceCurrencyCode).Concat(settlement.Elements(RamTaxCurrencyCode)).Select(c => c.Value).ToList();
        Elements(summation.Elements(RamTaxTotalAmount), t => t.Attr("currencyID") is not { } currency || !currencies.Contains(currency));
    }
}
