using System.Collections.Frozen;
using System.Globalization;
using System.Xml.Linq;
using Cantate.Invoicing.Syntax;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// The reform's rules on dates, referenced documents and the billing framework (FNFE-MPE France_RFE Schematrons
/// v1.4.0, CII and UBL bindings): every date between 2000 and 2099 (BR-FR-03, besides BT-2), referenced invoice types
/// from the reform's list (BR-FR-04), a single LISIBLE attachment (BR-FR-18), the contract and period of a 262 credit
/// note (BR-FR-CO-03), the single preceding invoice of a corrective invoice (BR-FR-CO-04), no down payment under a
/// B4/S4/M4 framework (BR-FR-CO-08), the amounts of an invoice already paid (BR-FR-CO-09) and the tax representative
/// of a member of a single taxable person (BR-FR-CO-15).
/// </summary>
internal static partial class FrenchRules
{
    private static readonly XName Transaction = Namespaces.Rsm + "SupplyChainTradeTransaction";
    private static readonly XName LineItem = Namespaces.Ram + "IncludedSupplyChainTradeLineItem";
    private static readonly XName HeaderSettlement = Namespaces.Ram + "ApplicableHeaderTradeSettlement";
    private static readonly XName HeaderAgreement = Namespaces.Ram + "ApplicableHeaderTradeAgreement";
    private static readonly XName HeaderDelivery = Namespaces.Ram + "ApplicableHeaderTradeDelivery";
    private static readonly XName LineSettlement = Namespaces.Ram + "SpecifiedLineTradeSettlement";

    /// <summary>BR-FR-03 per term: the rule id and, per syntax, the path of the dates from the document root.</summary>
    private static readonly (string Id, string Term, XName[] Cii, XName[] Ubl)[] DatePaths =
    [
        ("BR-FR-03_BT-7", "BT-7", P("rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeSettlement", "ram:ApplicableTradeTax", "ram:TaxPointDate", "udt:DateString"), P("cbc:TaxPointDate")),
        ("BR-FR-03_BT-9", "BT-9", P("rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeSettlement", "ram:SpecifiedTradePaymentTerms", "ram:DueDateDateTime", "udt:DateTimeString"), P("cbc:DueDate")),
        ("BR-FR-03_BT-26", "BT-26", P("rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeSettlement", "ram:InvoiceReferencedDocument", "ram:FormattedIssueDateTime", "qdt:DateTimeString"), P("cac:BillingReference", "cac:InvoiceDocumentReference", "cbc:IssueDate")),
        ("BR-FR-03_BT-72", "BT-72", P("rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeDelivery", "ram:ActualDeliverySupplyChainEvent", "ram:OccurrenceDateTime", "udt:DateTimeString"), P("cac:Delivery", "cbc:ActualDeliveryDate")),
        ("BR-FR-03_BT-73", "BT-73", P("rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeSettlement", "ram:BillingSpecifiedPeriod", "ram:StartDateTime", "udt:DateTimeString"), P("cac:InvoicePeriod", "cbc:StartDate")),
        ("BR-FR-03_BT-74", "BT-74", P("rsm:SupplyChainTradeTransaction", "ram:ApplicableHeaderTradeSettlement", "ram:BillingSpecifiedPeriod", "ram:EndDateTime", "udt:DateTimeString"), P("cac:InvoicePeriod", "cbc:EndDate")),
    ];

    /// <summary>BR-FR-03 on line dates, from the line (ids differ per syntax for BT-134 and BT-135, as published).</summary>
    private static readonly (string CiiId, string UblId, string Term, XName[] Cii, XName[] Ubl)[] LineDatePaths =
    [
        ("BR-FR-03_EXT-FR-FE-138", "BR-FR-03_EXT-FR-FE-138", "EXT-FR-FE-138", P("ram:SpecifiedLineTradeSettlement", "ram:InvoiceReferencedDocument", "ram:FormattedIssueDateTime", "qdt:DateTimeString"), P("cac:DocumentReference", "cbc:IssueDate")),
        ("BR-FR-03_EXT-FR-FE-158", "BR-FR-03_EXT-FR-FE-158", "EXT-FR-FE-158", P("ram:SpecifiedLineTradeDelivery", "ram:ActualDeliverySupplyChainEvent", "ram:OccurrenceDateTime", "udt:DateTimeString"), P("cac:Delivery", "cbc:ActualDeliveryDate")),
        ("BR-FR-03_EXT-FR-FE-134", "BR-FR-03_BT-134", "BT-134", P("ram:SpecifiedLineTradeSettlement", "ram:BillingSpecifiedPeriod", "ram:StartDateTime", "udt:DateTimeString"), P("cac:InvoicePeriod", "cbc:StartDate")),
        ("BR-FR-03_EXT-FR-FE-135", "BR-FR-03_BT-135", "BT-135", P("ram:SpecifiedLineTradeSettlement", "ram:BillingSpecifiedPeriod", "ram:EndDateTime", "udt:DateTimeString"), P("cac:InvoicePeriod", "cbc:EndDate")),
    ];

    private static readonly FrozenDictionary<string, RuleDefinition> DateRules = DatePaths.Select(d => (d.Id, d.Term))
        .Concat(LineDatePaths.SelectMany(d => new[] { (d.CiiId, d.Term), (d.UblId, d.Term) }))
        .DistinctBy(d => d.Item1)
        .ToFrozenDictionary(
            d => d.Item1,
            d => Fatal(d.Item1, d.Item2, $"La date ({d.Item2} = {{0}}) doit être une date valide dont l'année est comprise entre 2000 et 2099.", $"The date ({d.Item2} = {{0}}) shall be a valid date with a year between 2000 and 2099."),
            StringComparer.Ordinal);

    private static readonly RuleDefinition Fr04Header = Fatal("BR-FR-04_EXT-FR-FE-02", "EXT-FR-FE-02", "Le type de la facture référencée ({0}) n'est pas admis par la réforme française (codes admis : 380, 389, 393, 501, 386, 500, 384, 471, 472, 473, 261, 262, 381, 396, 502, 503).", "The type of the referenced invoice ({0}) is not accepted by the French reform.");
    private static readonly RuleDefinition Fr04Line = Fatal("BR-FR-04_EXT-FR-FE-137", "EXT-FR-FE-137", "Le type de la facture référencée en ligne ({0}) n'est pas admis par la réforme française (codes admis : 380, 389, 393, 501, 386, 500, 384, 471, 472, 473, 261, 262, 381, 396, 502, 503).", "The type of the invoice referenced by the line ({0}) is not accepted by the French reform.");
    private static readonly RuleDefinition Fr18 = Fatal("BR-FR-18_BT-123", "BT-123", "{0} pièces jointes ont la description LISIBLE (BT-123) : une seule est admise.", "{0} attachments have the description LISIBLE (BT-123): only one is allowed.");
    private static readonly RuleDefinition FrCo03 = Fatal("BR-FR-CO-03_BT-3", "BT-3", "Un avoir de remise globale (type 262) doit indiquer le contrat (BT-12 = {0}) et la période de facturation, début et fin ({1} – {2}).", "A global discount credit note (type 262) shall give the contract (BT-12 = {0}) and the invoicing period start and end ({1} – {2}).");

    /// <summary>BR-FR-CO-04 carries the id BR-FR-CO-04_BT-4 in the CII Schematron and BR-FR-CO-04_BT-3 in the UBL one.</summary>
    private static readonly RuleDefinition FrCo04Cii = Fatal("BR-FR-CO-04_BT-4", "BT-3", "Une facture rectificative (type {0}) doit faire référence à une et une seule facture antérieure (BT-25) ; {1} trouvée(s).", "A corrective invoice (type {0}) shall reference exactly one preceding invoice (BT-25); {1} found.");
    private static readonly RuleDefinition FrCo04Ubl = Fatal("BR-FR-CO-04_BT-3", "BT-3", "Une facture rectificative (type {0}) doit faire référence à une et une seule facture antérieure (BT-25) ; {1} trouvée(s).", "A corrective invoice (type {0}) shall reference exactly one preceding invoice (BT-25); {1} found.");
    private static readonly RuleDefinition FrCo08 = Fatal("BR-FR-CO-08_BT-23", "BT-23", "Sous le cadre de facturation {0} (facture définitive après acompte), le type de document ne peut pas être une facture ou un avoir d'acompte ({1}).", "Under billing framework {0} (final invoice after down payment), the document type cannot be a down payment invoice or credit note ({1}).");
    private static readonly RuleDefinition FrCo09Paid = Fatal("BR-FR-CO-09_BT-23-1", "BT-113", "Sous le cadre de facturation {0} (facture déjà payée), le montant déjà payé (BT-113 = {1}) doit être égal au total TTC (BT-112 = {2}).", "Under billing framework {0} (invoice already paid), the paid amount (BT-113 = {1}) shall equal the total with VAT (BT-112 = {2}).");
    private static readonly RuleDefinition FrCo09Due = Fatal("BR-FR-CO-09_BT-23-2", "BT-115", "Sous le cadre de facturation {0} (facture déjà payée), le montant à payer (BT-115 = {1}) doit être 0.", "Under billing framework {0} (invoice already paid), the amount due (BT-115 = {1}) shall be 0.");
    private static readonly RuleDefinition FrCo09Date = Fatal("BR-FR-CO-09_BT-23-3", "BT-9", "Sous le cadre de facturation {0} (facture déjà payée), la date d'échéance (BT-9) doit être renseignée : c'est la date du paiement.", "Under billing framework {0} (invoice already paid), the payment due date (BT-9) shall be given: it is the date of payment.");
    private static readonly RuleDefinition FrCo15 = Fatal("BR-FR-CO-15_BT-29-1", "BT-63", "Le vendeur est membre d'un assujetti unique (identifiant de schéma 0231) : le représentant fiscal (BG-11) doit être présent avec le numéro de TVA de l'assujetti unique (BT-63 = {0}).", "The seller is a member of a single taxable person (scheme 0231): the tax representative (BG-11) shall be present with the single taxable person's VAT number (BT-63 = {0}).");

    private static readonly FrozenSet<string> CorrectiveTypes = new[] { "384", "471", "472", "473" }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> DownPaymentTypes = new[] { "386", "500", "503" }.ToFrozenSet(StringComparer.Ordinal);

    private static void CheckDocuments(RuleRun run)
    {
        var v = run.View;
        var ubl = v.IsUbl;
        foreach (var (id, _, cii, ublPath) in DatePaths)
        {
            foreach (var date in Select(v.Root, ubl ? ublPath : cii))
            {
                run.Check(IsReformDate(date.Value, ubl), DateRules[id], date, date);
            }
        }

        foreach (var line in v.Lines)
        {
            foreach (var (ciiId, ublId, _, cii, ublPath) in LineDatePaths)
            {
                foreach (var date in Select(line.Node, ubl ? ublPath : cii))
                {
                    run.Check(IsReformDate(date.Value, ubl), DateRules[ubl ? ublId : ciiId], date, date);
                }
            }
        }

        var type = v.TypeCode.Text() ?? string.Empty;
        var framework = BusinessProcess(v).Text();
        if (ubl)
        {
            CheckUblDocuments(run, type, framework);
        }
        else
        {
            CheckCiiDocuments(run, type, framework);
        }

        if (framework is "B4" or "S4" or "M4")
        {
            run.Check(!DownPaymentTypes.Contains(type), FrCo08, BusinessProcess(v), framework, type);
        }

        if (framework is "B2" or "S2" or "M2")
        {
            var paid = v.Prepaid;
            var total = v.TaxInclusive;
            run.Check(Number(paid) is { } p && Number(total) is { } t && p == t, FrCo09Paid, paid ?? total ?? v.Root, framework, paid, total);
            run.Check(Number(v.Payable) == 0m, FrCo09Due, v.Payable ?? v.Root, framework, v.Payable);
            var dueDate = ubl
                ? v.Root.Element(Namespaces.Cbc + "DueDate") ?? v.Root.Elements(Namespaces.Cac + "PaymentMeans").Elements(Namespaces.Cbc + "PaymentDueDate").FirstOrDefault()
                : v.DueDate;
            run.Check(dueDate.HasText(), FrCo09Date, BusinessProcess(v), framework);
        }
    }

    private static void CheckCiiDocuments(RuleRun run, string type, string? framework)
    {
        _ = framework;
        var v = run.View;
        var transaction = v.Root.Element(Transaction);
        var settlement = transaction?.Element(HeaderSettlement);
        var agreement = transaction?.Element(HeaderAgreement);
        var references = settlement?.Elements(Namespaces.Ram + "InvoiceReferencedDocument").ToList() ?? [];
        foreach (var code in references.Elements(Namespaces.Ram + "TypeCode"))
        {
            run.Check(TypeCodes.Contains(code.Value), Fr04Header, code, code);
        }

        foreach (var code in transaction?.Elements(LineItem).Elements(LineSettlement).Elements(Namespaces.Ram + "InvoiceReferencedDocument").Elements(Namespaces.Ram + "TypeCode") ?? [])
        {
            run.Check(TypeCodes.Contains(code.Value), Fr04Line, code, code);
        }

        var lisible = agreement?.Elements(Namespaces.Ram + "AdditionalReferencedDocument").Count(d => d.Elements(Namespaces.Ram + "Name").Any(n => n.Value == "LISIBLE")) ?? 0;
        run.Check(lisible <= 1, Fr18, agreement, lisible);

        if (type == "262")
        {
            var contract = agreement?.Element(Namespaces.Ram + "ContractReferencedDocument")?.Element(Namespaces.Ram + "IssuerAssignedID");
            var period = settlement?.Element(Namespaces.Ram + "BillingSpecifiedPeriod");
            var start = period?.Element(Namespaces.Ram + "StartDateTime")?.Element(Namespaces.Udt + "DateTimeString");
            var end = period?.Element(Namespaces.Ram + "EndDateTime")?.Element(Namespaces.Udt + "DateTimeString");
            run.Check(contract.HasText() && start.HasText() && end.HasText(), FrCo03, v.TypeCode, contract, start, end);
        }

        if (CorrectiveTypes.Contains(type))
        {
            run.Check(references.Count == 1, FrCo04Cii, v.TypeCode, type, references.Count);
        }

        var seller = agreement?.Element(Namespaces.Ram + "SellerTradeParty");
        if (seller is not null && seller.Elements(Namespaces.Ram + "GlobalID").Any(i => i.Attr("schemeID") == "0231"))
        {
            var representative = agreement!.Element(Namespaces.Ram + "SellerTaxRepresentativeTradeParty");
            var vat = representative?.Elements(Namespaces.Ram + "SpecifiedTaxRegistration").Elements(Namespaces.Ram + "ID").FirstOrDefault(i => i.Attr("schemeID") == "VA");
            run.Check(vat.HasText(), FrCo15, representative ?? seller, vat);
        }
    }

    private static void CheckUblDocuments(RuleRun run, string type, string? framework)
    {
        _ = framework;
        var v = run.View;
        var cac = Namespaces.Cac;
        var cbc = Namespaces.Cbc;
        foreach (var code in v.Root.Elements(cac + "BillingReference").Elements(cac + "InvoiceDocumentReference").Elements(cbc + "DocumentTypeCode"))
        {
            run.Check(TypeCodes.Contains(code.Value), Fr04Header, code, code);
        }

        foreach (var code in v.Lines.Select(l => l.Node).Elements(cac + "BillingReference").Elements(cac + "InvoiceDocumentReference").Elements(cbc + "DocumentTypeCode"))
        {
            run.Check(TypeCodes.Contains(code.Value), Fr04Line, code, code);
        }

        var lisible = v.Root.Elements(cac + "AdditionalDocumentReference").Count(d => d.Elements(cbc + "DocumentDescription").Any(n => n.Value == "LISIBLE"));
        run.Check(lisible <= 1, Fr18, v.Root, lisible);

        // The UBL Schematron reads BR-FR-CO-03 on credit notes and BR-FR-CO-04 on invoices only.
        var creditNote = v.Root.Name.Namespace == Namespaces.UblCreditNote;
        if (creditNote && type == "262")
        {
            var contract = v.Root.Element(cac + "ContractDocumentReference")?.Element(cbc + "ID");
            var period = v.Root.Element(cac + "InvoicePeriod");
            var start = period?.Element(cbc + "StartDate");
            var end = period?.Element(cbc + "EndDate");
            run.Check(contract.HasText() && start.HasText() && end.HasText(), FrCo03, v.TypeCode, contract, start, end);
        }

        if (!creditNote && CorrectiveTypes.Contains(type))
        {
            var count = v.Root.Elements(cac + "BillingReference").Count();
            run.Check(count == 1, FrCo04Ubl, v.TypeCode, type, count);
        }

        if (v.Seller?.Identifiers.Any(i => i.Attr("schemeID") == "0231") == true)
        {
            var scheme = v.Root.Element(cac + "TaxRepresentativeParty")?.Element(cac + "PartyTaxScheme");
            var vat = scheme?.Element(cbc + "CompanyID");
            run.Check(scheme is not null && vat.HasText(), FrCo15, scheme ?? v.Seller.Node, vat);
        }
    }

    /// <summary>
    /// The FNFE <c>custom:is-valid-date-format</c>: CII reads the first 8 characters as AAAAMMJJ, UBL the whole value
    /// as AAAA-MM-JJ; the year starts with 20 and the day exists in its month.
    /// </summary>
    private static bool IsReformDate(string value, bool ubl)
    {
        if (!ubl && value.Length > 8)
        {
            value = value[..8];
        }

        return value.StartsWith("20", StringComparison.Ordinal)
            && DateOnly.TryParseExact(value, ubl ? "yyyy-MM-dd" : "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>XPath number() of an amount: null (NaN) when absent or not a number.</summary>
    internal static decimal? Number(XElement? amount) =>
        amount is not null && decimal.TryParse(amount.Value.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>Returned by <see cref="Select"/> when nothing is found; never added to.</summary>
    private static readonly List<XElement> NoElements = [];

    /// <summary>
    /// The elements at a path below a node, in document order. Most paths find nothing, so the walk goes over the
    /// child nodes directly and allocates a list only for what it finds.
    /// </summary>
    private static List<XElement> Select(XElement from, XName[] path)
    {
        List<XElement>? found = null;
        Collect(from, path, 0, ref found);
        return found ?? NoElements;
    }

    private static void Collect(XElement node, XName[] path, int step, ref List<XElement>? found)
    {
        for (var child = node.FirstNode; child is not null; child = child.NextNode)
        {
            if (child is XElement element && element.Name == path[step])
            {
                if (step == path.Length - 1)
                {
                    (found ??= []).Add(element);
                }
                else
                {
                    Collect(element, path, step + 1, ref found);
                }
            }
        }
    }

    /// <summary>A path of prefixed names (rsm, ram, udt, qdt, cac, cbc), resolved once.</summary>
    private static XName[] P(params string[] steps) => [.. steps.Select(QualifiedName)];

    private static XName QualifiedName(string step) => step[..3] switch
    {
        "rsm" => Namespaces.Rsm + step[4..],
        "ram" => Namespaces.Ram + step[4..],
        "udt" => Namespaces.Udt + step[4..],
        "qdt" => Namespaces.Qdt + step[4..],
        "cac" => Namespaces.Cac + step[4..],
        _ => Namespaces.Cbc + step[4..],
    };
}
