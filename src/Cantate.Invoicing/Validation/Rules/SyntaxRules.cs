using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cantate.Invoicing.Syntax;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// Syntax binding rules (UBL-SR, UBL-DT, CII-SR, CII-DT): constraints the EN 16931 model puts on the UBL and
/// CII structures beyond their schemas. The fatal ones are implemented; the "not used" warnings are not.
/// </summary>
internal static partial class SyntaxRules
{
    private static readonly XName CacPartyTaxScheme = Namespaces.Cac + "PartyTaxScheme";
    private static readonly XName CacPaymentMeans = Namespaces.Cac + "PaymentMeans";
    private static readonly XName CacPrice = Namespaces.Cac + "Price";
    private static readonly XName CbcCompanyID = Namespaces.Cbc + "CompanyID";
    private static readonly XName CbcEmbeddedDocumentBinaryObject = Namespaces.Cbc + "EmbeddedDocumentBinaryObject";
    private static readonly XName CbcPaymentID = Namespaces.Cbc + "PaymentID";
    private static readonly XName RamChargeAmount = Namespaces.Ram + "ChargeAmount";
    private static readonly XName RamNetPriceProductTradePrice = Namespaces.Ram + "NetPriceProductTradePrice";
    private static readonly XName RamSpecifiedLineTradeAgreement = Namespaces.Ram + "SpecifiedLineTradeAgreement";
    private static readonly XName UdtDateTimeString = Namespaces.Udt + "DateTimeString";

    private static readonly RuleDefinition UblSr12 = Fatal("UBL-SR-12", "BT-31", "Le numéro de TVA du vendeur (BT-31) ne doit apparaître qu'une fois (trouvé {0} fois).", "Seller VAT identifier (BT-31) shall occur maximum once (found {0}).");
    private static readonly RuleDefinition UblSr18 = Fatal("UBL-SR-18", "BT-48", "Le numéro de TVA de l'acheteur (BT-48) ne doit apparaître qu'une fois (trouvé {0} fois).", "Buyer VAT identifier (BT-48) shall occur maximum once (found {0}).");
    private static readonly RuleDefinition UblSr42 = Fatal("UBL-SR-42", "BG-4", "Le schéma fiscal du vendeur (PartyTaxScheme) ne doit apparaître que deux fois au plus (trouvé {0} fois).", "Party tax scheme shall occur maximum twice in accounting supplier party (found {0}).");
    private static readonly RuleDefinition UblSr44 = Fatal("UBL-SR-44", "BT-83", "L'avis de paiement (BT-83) ne doit avoir qu'une valeur (trouvé : {0}).", "Payment ID (BT-83) shall occur maximum once (found: {0}).");
    private static readonly RuleDefinition UblSr47 = Fatal("UBL-SR-47", "BT-81", "Le moyen de paiement peut être répété, mais toujours avec le même code (trouvé : {0}).", "When Payment means reference (BT-81) occurs more than once, it shall have the same value (found: {0}).");
    private static readonly RuleDefinition UblSr53 = Fatal("UBL-SR-53", "BT-31", "Le numéro de TVA (CompanyID) doit être indiqué quand un schéma fiscal (PartyTaxScheme/TaxScheme/ID) est fourni.", "CompanyID (VAT Identifier) must be stated when providing the PartyTaxScheme/TaxScheme/ID.");
    private static readonly RuleDefinition UblDt01 = Fatal("UBL-DT-01", string.Empty, "Un montant ({0}) a plus de deux décimales.", "Amounts shall be decimal up to two fraction digits ({0}).");
    private static readonly RuleDefinition UblDt06 = Fatal("UBL-DT-06", "BT-125", "Un objet binaire joint doit avoir l'attribut mimeCode.", "Binary object elements shall contain the mime code attribute.");
    private static readonly RuleDefinition UblDt07 = Fatal("UBL-DT-07", "BT-125", "Un objet binaire joint doit avoir l'attribut filename.", "Binary object elements shall contain the file name attribute.");
    private static readonly RuleDefinition CiiDt031 = Fatal("CII-DT-031", string.Empty, "L'attribut currencyID ne doit pas être présent sur ce montant ({0}) ; seul le total de TVA (BT-110, BT-111) le porte.", "currencyID should not be present ({0}); only the VAT total amounts (BT-110, BT-111) carry it.");
    private static readonly RuleDefinition CiiDt097 = Fatal("CII-DT-097", string.Empty, "Une date au format 102 doit s'écrire AAAAMMJJ (trouvé : {0}).", "Date time string with format 102 shall be written YYYYMMDD (found: {0}).");
    private static readonly RuleDefinition CiiSr439 = Fatal("CII-SR-439", "BT-146", "Le prix net de l'article (BT-146) doit apparaître exactement une fois par ligne (trouvé {0} fois).", "Item net price (BT-146) ChargeAmount should exist exactly once (found {0}).");

    public static void Check(RuleRun run)
    {
        if (run.View.IsUbl)
        {
            CheckUbl(run);
        }
        else
        {
            CheckCii(run);
        }
    }

    private static void CheckUbl(RuleRun run)
    {
        var v = run.View;
        var cac = Namespaces.Cac;
        var cbc = Namespaces.Cbc;
        run.Check((v.Seller?.VatIds.Count ?? 0) <= 1, UblSr12, v.Seller?.Node, v.Seller?.VatIds.Count ?? 0);
        run.Check((v.Buyer?.VatIds.Count ?? 0) <= 1, UblSr18, v.Buyer?.Node, v.Buyer?.VatIds.Count ?? 0);
        var sellerSchemes = v.Seller?.Node.Elements(CacPartyTaxScheme).Count() ?? 0;
        run.Check(sellerSchemes <= 2, UblSr42, v.Seller?.Node, sellerSchemes);

        var paymentIds = v.Root.Elements(CacPaymentMeans).Elements(CbcPaymentID).Select(e => e.Value).Distinct(StringComparer.Ordinal).ToList();
        run.Check(paymentIds.Count <= 1, UblSr44, v.Root, string.Join(", ", paymentIds));
        var meansCodes = v.PaymentMeans.Select(m => m.Code.Norm()).Distinct(StringComparer.Ordinal).ToList();
        run.Check(meansCodes.Count <= 1, UblSr47, v.Root, string.Join(", ", meansCodes));

        foreach (var e in v.Root.Descendants())
        {
            if (e.Name == CacPartyTaxScheme)
            {
                run.Check(e.Element(CbcCompanyID) is not null, UblSr53, e);
            }
            else if (e.Name == CbcEmbeddedDocumentBinaryObject)
            {
                run.Check(e.Attribute("mimeCode") is not null, UblDt06, e);
                run.Check(e.Attribute("filename") is not null, UblDt07, e);
            }
            else if (e.Name.Namespace == cbc && e.Name.LocalName.EndsWith("Amount", StringComparison.Ordinal)
                && e.Name.LocalName != "PriceAmount" && e.Parent?.Parent?.Name != CacPrice)
            {
                run.Check(e.Decimals() <= 2, UblDt01, e, e);
            }
        }
    }

    private static void CheckCii(RuleRun run)
    {
        var ram = Namespaces.Ram;
        var udt = Namespaces.Udt;
        foreach (var e in run.View.Root.Descendants())
        {
            if (e.Name.Namespace == ram && e.Attribute("currencyID") is not null && e.Name.LocalName != "TaxTotalAmount")
            {
                run.Fail(CiiDt031, e, e.Name.LocalName);
            }
            else if (e.Name == UdtDateTimeString && e.Attribute("format")?.Value == "102")
            {
                run.Check(Date102().IsMatch(e.Value), CiiDt097, e, e);
            }
            else if (e.Name == RamSpecifiedLineTradeAgreement)
            {
                var prices = e.Elements(RamNetPriceProductTradePrice).Elements(RamChargeAmount).Count();
                run.Check(prices == 1, CiiSr439, e, prices);
            }
        }
    }

    [GeneratedRegex("^[0-9]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Date102();
}
