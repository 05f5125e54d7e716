using System.Xml.Linq;
using Cantate.Invoicing.Syntax;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// The reform's rules for multi-vendor invoices (billing frameworks B8, S8, M8: BR-FR-MV-*) and bi-directional
/// invoices (B9, S9, M9: BR-FR-BD-*), CII binding of the FNFE-MPE France_RFE Schematron v1.4.0. Such an invoice
/// groups sub-invoices: each top-level GROUP line (EXT-FR-FE-163, no parent line EXT-FR-FE-162) is one vendor's
/// sub-invoice, with that vendor (EXT-FR-FE-164/167/177), its number (BT-128 with scheme AFL) and its VAT total
/// (EXT-FR-FE-181); DETAIL lines below it carry the sub-invoice number in their VAT exemption reason. The tests
/// follow the Schematron's XPath, including what it leaves out (BR-FR-MV-01 fires on an empty subtype, not on a
/// missing one).
/// </summary>
internal static class FrenchMultiVendorRules
{
    private static readonly RuleDefinition Mv01 = Fatal("BR-FR-MV-01_EXT-FR-FE-163", "EXT-FR-FE-163", "Cadre de facturation {0} : la ligne {1} doit indiquer son sous-type (EXT-FR-FE-163).", "Billing framework {0}: line {1} shall state its subtype (EXT-FR-FE-163).");
    private static readonly RuleDefinition Mv02 = Fatal("BR-FR-MV-02_EXT-FR-FE-163", "EXT-FR-FE-163", "Cadre de facturation {0} (multi-vendeurs) : la facture doit avoir au moins une ligne GROUP sans ligne parente.", "Billing framework {0} (multi-vendor): the invoice shall have at least one GROUP line without parent line.");
    private static readonly RuleDefinition Bd02 = Fatal("BR-FR-BD-02_EXT-FR-FE-163", "EXT-FR-FE-163", "Cadre de facturation {0} (bi-directionnel) : la facture doit avoir exactement deux lignes GROUP sans ligne parente ({1} trouvée(s)).", "Billing framework {0} (bi-directional): the invoice shall have exactly two GROUP lines without parent line ({1} found).");
    private static readonly RuleDefinition Bd02Seller = Fatal("BR-FR-BD-02_BT-31", "EXT-FR-FE-167", "Cadre de facturation {0} (bi-directionnel) : exactement une ligne GROUP sans parent doit avoir pour vendeur de ligne le vendeur de la facture (BT-30 = {1}) ; {2} trouvée(s).", "Billing framework {0} (bi-directional): exactly one GROUP line without parent shall have the invoice seller (BT-30 = {1}) as line vendor; {2} found.");
    private static readonly RuleDefinition Bd02Buyer = Fatal("BR-FR-BD-02_BT-47", "EXT-FR-FE-167", "Cadre de facturation {0} (bi-directionnel) : exactement une ligne GROUP sans parent doit avoir pour vendeur de ligne l'acheteur de la facture (BT-47 = {1}) ; {2} trouvée(s).", "Billing framework {0} (bi-directional): exactly one GROUP line without parent shall have the invoice buyer (BT-47 = {1}) as line vendor; {2} found.");
    private static readonly RuleDefinition Mv03Name = Fatal("BR-FR-MV-03_EXT-FR-FE-164", "EXT-FR-FE-164", "La ligne GROUP {0} doit indiquer le nom de son vendeur (EXT-FR-FE-164).", "GROUP line {0} shall give its vendor's name (EXT-FR-FE-164).");
    private static readonly RuleDefinition Mv03Legal = Fatal("BR-FR-MV-03_EXT-FR-FE-167", "EXT-FR-FE-167", "La ligne GROUP {0} doit indiquer l'identifiant légal de son vendeur (EXT-FR-FE-167).", "GROUP line {0} shall give its vendor's legal identifier (EXT-FR-FE-167).");
    private static readonly RuleDefinition Mv03Country = Fatal("BR-FR-MV-03_EXT-FR-FE-177", "EXT-FR-FE-177", "La ligne GROUP {0} doit indiquer le code pays de son vendeur (EXT-FR-FE-177).", "GROUP line {0} shall give its vendor's country code (EXT-FR-FE-177).");
    private static readonly RuleDefinition Mv03Vat = Fatal("BR-FR-MV-03_EXT-FR-FE-181", "EXT-FR-FE-181", "La ligne GROUP {0} doit indiquer son montant de TVA dans la devise de la facture ({1}).", "GROUP line {0} shall give its VAT amount in the invoice currency ({1}).");
    private static readonly RuleDefinition Mv03VatAccounting = Fatal("BR-FR-MV-03_EXT-FR-FE-182", "EXT-FR-FE-182", "La ligne GROUP {0} doit indiquer son montant de TVA dans la devise de comptabilisation (BT-6 = {1}).", "GROUP line {0} shall give its VAT amount in the VAT accounting currency (BT-6 = {1}).");
    private static readonly RuleDefinition Mv03Afl = Fatal("BR-FR-MV-03_BT-128_AFL", "BT-128", "Le numéro de sous-facture (BT-128, schéma AFL) de la ligne GROUP {0} doit être renseigné avec le type 130 (valeur : {1}).", "The sub-invoice number (BT-128, scheme AFL) of GROUP line {0} shall be given with type 130 (value: {1}).");
    private static readonly RuleDefinition Mv03Avv = Fatal("BR-FR-MV-03_BT-128_AVV", "BT-128", "L'objet facturé de schéma AVV de la ligne GROUP {0} doit être renseigné avec le type 130 et différent de M8, S8 et B8 (valeur : {1}).", "The invoiced object with scheme AVV of GROUP line {0} shall be given with type 130 and differ from M8, S8 and B8 (value: {1}).");
    private static readonly RuleDefinition Mv05 = Fatal("BR-FR-MV-05_EXT-FR-FE-BG-12", "BT-131", "Le montant net de la ligne GROUP {0} (BT-131 = {1}) doit être la somme des montants nets de ses sous-lignes hors INFORMATION ({2}, tolérance {3}).", "The net amount of GROUP line {0} (BT-131 = {1}) shall be the sum of the net amounts of its non-INFORMATION sub-lines ({2}, tolerance {3}).");
    private static readonly RuleDefinition Mv06 = Fatal("BR-FR-MV-06_EXT-FR-FE-167", "EXT-FR-FE-167", "La ligne {0} doit indiquer l'identifiant légal de son vendeur (EXT-FR-FE-167 = {1}), le même que sa ligne parente ({2}).", "Line {0} shall give its vendor's legal identifier (EXT-FR-FE-167 = {1}), the same as its parent line's ({2}).");
    private static readonly RuleDefinition Mv07 = Fatal("BR-FR-MV-07_BT-128", "BT-128", "La ligne {0} doit indiquer le numéro de sous-facture (BT-128, schéma AFL, type 130 = {1}), le même que sa ligne parente ({2}).", "Line {0} shall give the sub-invoice number (BT-128, scheme AFL, type 130 = {1}), the same as its parent line's ({2}).");
    private static readonly RuleDefinition Mv08 = Fatal("BR-FR-MV-08_BT-128", "BT-120", "Le motif d'exonération de la ligne DETAIL {0} ({1}) doit commencer par son numéro de sous-facture entre # (#{2}#).", "The VAT exemption reason of DETAIL line {0} ({1}) shall start with its sub-invoice number between # (#{2}#).");
    private static readonly RuleDefinition Mv09 = Fatal("BR-FR-MV-09_EXT-FR-FE-181", "EXT-FR-FE-181", "Le montant de TVA de la ligne GROUP {0} (EXT-FR-FE-181 = {1}) doit être la somme des TVA des ventilations (BT-117) dont le motif commence par #{2}# ({3}).", "The VAT amount of GROUP line {0} (EXT-FR-FE-181 = {1}) shall be the sum of the VAT breakdown amounts (BT-117) whose exemption reason starts with #{2}# ({3}).");
    private static readonly RuleDefinition Mv10 = Fatal("BR-FR-MV-10_EXT-FR-FE-184", "EXT-FR-FE-184", "Le montant TTC de la ligne GROUP {0} (EXT-FR-FE-184 = {1}) doit être son montant net ({2}) plus sa TVA ({3}), à {4} près.", "The total with VAT of GROUP line {0} (EXT-FR-FE-184 = {1}) shall be its net amount ({2}) plus its VAT ({3}), within {4}.");
    private static readonly RuleDefinition Mv11 = Fatal("BR-FR-MV-11_BT-128", "BT-128", "Le vendeur principal (BT-30 = {0}) a des lignes GROUP : exactement une d'elles doit porter le numéro de la facture (BT-1 = {1}) comme numéro de sous-facture ; la ligne {2} porte {3}.", "The main seller (BT-30 = {0}) has GROUP lines: exactly one of them shall carry the invoice number (BT-1 = {1}) as sub-invoice number; line {2} carries {3}.");
    private static readonly RuleDefinition Mv12 = Fatal("BR-FR-MV-12_BT-128", "BT-128", "Le numéro de sous-facture {0} des lignes GROUP sans parent doit être unique dans la facture.", "Sub-invoice number {0} of the GROUP lines without parent shall be unique in the invoice.");
    private static readonly RuleDefinition Mv13 = Fatal("BR-FR-MV-13_BT-3", "BT-3", "Cadre de facturation {0} (multi-vendeurs) : le type de document ne peut pas être un type d'autofacturation ({1}).", "Billing framework {0} (multi-vendor): the document type cannot be a self-billing type ({1}).");
    private static readonly RuleDefinition Bd13 = Fatal("BR-FR-BD-13_BT-3", "BT-3", "Cadre de facturation {0} (bi-directionnel) : le type de document doit être un type d'autofacturation (389, 261, 501, 500, 502, 471, 473), pas {1}.", "Billing framework {0} (bi-directional): the document type shall be a self-billing type (389, 261, 501, 500, 502, 471, 473), not {1}.");
    private static readonly RuleDefinition Mv14Id = Fatal("BR-FR-MV-14-EXT-FR-FE-136", "EXT-FR-FE-136", "Facture rectificative ou avoir multi-vendeurs : la ligne GROUP {0} doit indiquer la facture antérieure (EXT-FR-FE-136).", "Multi-vendor corrective invoice or credit note: GROUP line {0} shall give the preceding invoice (EXT-FR-FE-136).");
    private static readonly RuleDefinition Mv14Date = Fatal("BR-FR-MV-14-EXT-FR-FE-138", "EXT-FR-FE-138", "Facture rectificative ou avoir multi-vendeurs : la ligne GROUP {0} doit indiquer la date de la facture antérieure (EXT-FR-FE-138).", "Multi-vendor corrective invoice or credit note: GROUP line {0} shall give the preceding invoice date (EXT-FR-FE-138).");
    private static readonly RuleDefinition Bd14Id = Fatal("BR-FR-BD-14-EXT-FR-FE-136", "EXT-FR-FE-136", "Facture rectificative ou avoir bi-directionnel : la ligne GROUP {0} doit indiquer la facture antérieure (EXT-FR-FE-136).", "Bi-directional corrective invoice or credit note: GROUP line {0} shall give the preceding invoice (EXT-FR-FE-136).");
    private static readonly RuleDefinition Bd14Date = Fatal("BR-FR-BD-14-EXT-FR-FE-138", "EXT-FR-FE-138", "Facture rectificative ou avoir bi-directionnel : la ligne GROUP {0} doit indiquer la date de la facture antérieure (EXT-FR-FE-138).", "Bi-directional corrective invoice or credit note: GROUP line {0} shall give the preceding invoice date (EXT-FR-FE-138).");

    private static readonly XName Transaction = Namespaces.Rsm + "SupplyChainTradeTransaction";
    private static readonly XName LineItem = R("IncludedSupplyChainTradeLineItem");
    private static readonly XName LineDocument = R("AssociatedDocumentLineDocument");
    private static readonly XName LineSettlement = R("SpecifiedLineTradeSettlement");
    private static readonly XName LineAgreement = R("SpecifiedLineTradeAgreement");
    private static readonly XName ItemSeller = R("ItemSellerTradeParty");
    private static readonly XName LegalOrganization = R("SpecifiedLegalOrganization");
    private static readonly XName Id = R("ID");
    private static readonly XName LineSummation = R("SpecifiedTradeSettlementLineMonetarySummation");
    private static readonly XName Reference = R("AdditionalReferencedDocument");

    public static void Check(RuleRun run)
    {
        var v = run.View;
        var framework = v.Root.Element(Namespaces.Rsm + "ExchangedDocumentContext")?.Element(R("BusinessProcessSpecifiedDocumentContextParameter"))?.Element(Id);
        var code = framework.Norm();
        var multiVendor = code is "S8" or "B8" or "M8";
        var biDirectional = code is "S9" or "B9" or "M9";
        var transaction = v.Root.Element(Transaction);
        if (!(multiVendor || biDirectional) || transaction is null)
        {
            return;
        }

        var type = v.TypeCode.Text() ?? string.Empty;
        if (v.TypeCode is not null && multiVendor)
        {
            run.Check(v.TypeCode.Norm().Length > 0 && !FrenchRules.SelfBilledTypes.Contains(type), Mv13, v.TypeCode, code, type);
        }
        else if (v.TypeCode is not null)
        {
            run.Check(FrenchRules.SelfBilledTypes.Contains(v.TypeCode.Norm()), Bd13, v.TypeCode, code, type);
        }

        var lines = transaction.Elements(LineItem).Select(Line.Of).ToList();
        foreach (var status in lines.SelectMany(l => l.Document?.Elements(R("LineStatusReasonCode")) ?? []))
        {
            run.Check(status.Norm().Length > 0, Mv01, status, code, status.Parent?.Element(R("LineID")));
        }

        var groups = lines.Where(l => l.IsTopGroup).ToList();
        var agreement = transaction.Element(R("ApplicableHeaderTradeAgreement"));
        if (multiVendor)
        {
            run.Check(groups.Count >= 1, Mv02, transaction, code);
        }
        else
        {
            run.Check(groups.Count == 2, Bd02, transaction, code, groups.Count);
            var sellerIds = LegalIdsOf(agreement?.Element(R("SellerTradeParty")));
            var buyerIds = LegalIdsOf(agreement?.Element(R("BuyerTradeParty")));
            var ofSeller = groups.Count(g => g.LegalIds.Any(sellerIds.Contains));
            var ofBuyer = groups.Count(g => g.LegalIds.Any(buyerIds.Contains));
            run.Check(ofSeller == 1, Bd02Seller, transaction, code, sellerIds.FirstOrDefault(), ofSeller);
            run.Check(ofBuyer == 1, Bd02Buyer, transaction, code, buyerIds.FirstOrDefault(), ofBuyer);
        }

        var settlement = transaction.Element(R("ApplicableHeaderTradeSettlement"));
        var currency = settlement?.Element(R("InvoiceCurrencyCode"))?.Value;
        var accounting = settlement?.Element(R("TaxCurrencyCode"));
        foreach (var group in groups)
        {
            CheckGroup(run, group, lines, settlement, currency, accounting);
        }

        foreach (var line in lines)
        {
            var parent = line.ParentId is { } parentId ? lines.FirstOrDefault(p => p.LineIdRaw == parentId) : null;
            var legal = XmlValues.NormalizeSpace(line.LegalIds.FirstOrDefault() ?? string.Empty);
            var parentLegal = XmlValues.NormalizeSpace(parent?.LegalIds.FirstOrDefault() ?? string.Empty);
            run.Check(legal.Length > 0 && (line.ParentId is null || legal == parentLegal), Mv06, line.Node, line.LineId, legal, parentLegal);
            var number = line.SubInvoiceNumber;
            var parentNumber = parent?.SubInvoiceNumber ?? string.Empty;
            run.Check(number.Length > 0 && (line.ParentId is null || number == parentNumber), Mv07, line.Node, line.LineId, number, parentNumber);
            if (line.Status.Contains("DETAIL"))
            {
                var reason = line.Node.Element(LineSettlement)?.Element(R("ApplicableTradeTax"))?.Element(R("ExemptionReason"));
                var reasonText = reason?.Value ?? string.Empty;
                run.Check(reason.Norm().Length > 0 && number.Length > 0 && reasonText.StartsWith("#" + number + "#", StringComparison.Ordinal), Mv08, reason ?? line.Node, line.LineId, reason, number);
            }
        }

        CheckMainSeller(run, v, agreement, groups);
        CheckUniqueNumbers(run, v.Root, groups);

        var corrective = multiVendor ? type is "384" or "472" or "381" or "396" or "503" : type is "261" or "471" or "473" or "502";
        if (corrective)
        {
            foreach (var group in groups)
            {
                var preceding = group.Node.Element(LineSettlement)?.Elements(R("InvoiceReferencedDocument")).ToList() ?? [];
                run.Check(preceding.Elements(R("IssuerAssignedID")).Any(), multiVendor ? Mv14Id : Bd14Id, group.Node, group.LineId);
                run.Check(preceding.Elements(R("FormattedIssueDateTime")).Elements(Namespaces.Qdt + "DateTimeString").Any(), multiVendor ? Mv14Date : Bd14Date, group.Node, group.LineId);
            }
        }
    }

    private static void CheckGroup(RuleRun run, Line group, List<Line> lines, XElement? settlement, string? currency, XElement? accounting)
    {
        var agreement = group.Node.Element(LineAgreement);
        var seller = agreement?.Element(ItemSeller);
        run.Check(seller?.Element(R("Name")).Norm().Length > 0, Mv03Name, group.Node, group.LineId);
        run.Check(seller?.Element(LegalOrganization)?.Element(Id).Norm().Length > 0, Mv03Legal, group.Node, group.LineId);
        run.Check(seller?.Element(R("PostalTradeAddress"))?.Element(R("CountryID")).Norm().Length > 0, Mv03Country, group.Node, group.LineId);

        var summation = group.Node.Element(LineSettlement)?.Element(LineSummation);
        var taxTotals = summation?.Elements(R("TaxTotalAmount")).ToList() ?? [];
        var tax = taxTotals.FirstOrDefault(t => currency is not null && t.Attr("currencyID") == currency);
        run.Check(tax.Norm().Length > 0, Mv03Vat, group.Node, group.LineId, currency);
        if (accounting is not null)
        {
            var accountingTax = taxTotals.FirstOrDefault(t => t.Attr("currencyID") == accounting.Value);
            run.Check(accounting.Value.Length > 0 && accountingTax.Norm().Length > 0, Mv03VatAccounting, group.Node, group.LineId, accounting);
        }

        foreach (var reference in group.Node.Element(LineSettlement)?.Elements(Reference) ?? [])
        {
            var kinds = reference.Elements(R("ReferenceTypeCode")).Select(k => k.Value).ToList();
            var isObject = reference.Elements(R("TypeCode")).Any(t => t.Value == "130");
            var id = reference.Element(R("IssuerAssignedID"));
            if (kinds.Contains("AFL"))
            {
                run.Check(isObject && id.Norm().Length > 0, Mv03Afl, reference, group.LineId, id);
            }

            if (kinds.Contains("AVV"))
            {
                var ids = reference.Elements(R("IssuerAssignedID")).Select(i => i.Value).ToList();
                run.Check(isObject && id.Norm().Length > 0 && !ids.Any(i => i is "M8" or "S8" or "B8"), Mv03Avv, reference, group.LineId, id);
            }
        }

        // BR-FR-MV-05: sub-lines whose subtype is present and other than INFORMATION (XPath's != on the subtype).
        var children = lines.Where(c => c.ParentId == group.LineId && c.Status.Any(s => s != "INFORMATION")).Select(c => c.NetAmount).OfType<XElement>().ToList();
        var sum = children.Sum(c => Number(c) ?? 0m);
        var net = Number(summation?.Element(R("LineTotalAmount")));
        var tolerance = 0.01m * children.Count;
        run.Check(net is { } n && Math.Abs(n - sum) <= tolerance, Mv05, group.Node, group.LineId, summation?.Element(R("LineTotalAmount")), sum, tolerance);

        var number = group.SubInvoiceNumber;
        var breakdowns = settlement?.Elements(R("ApplicableTradeTax"))
            .Where(t => t.Elements(R("TypeCode")).Any(c => c.Value == "VAT") && (t.Element(R("ExemptionReason"))?.Value ?? string.Empty).StartsWith("#" + number + "#", StringComparison.Ordinal))
            .ToList() ?? [];
        var vatSum = breakdowns.SelectMany(b => b.Elements(R("CalculatedAmount"))).Sum(c => Number(c) ?? 0m);
        run.Check(Number(tax) is { } t && Math.Abs(t - vatSum) <= 0.01m, Mv09, group.Node, group.LineId, tax, number, vatSum);

        var grand = summation?.Element(R("GrandTotalAmount"));
        if (grand is not null)
        {
            var details = lines.Count(c => c.ParentId == group.LineIdRaw && c.Status.Contains("DETAIL"));
            var within = 0.01m * details;
            var ok = grand.Norm().Length > 0 && Number(grand) is { } g && net is { } lineNet && Number(tax) is { } lineTax && Math.Abs(g - lineNet - lineTax) <= within;
            run.Check(ok, Mv10, grand, group.LineId, grand, summation?.Element(R("LineTotalAmount")), tax, within);
        }
    }

    /// <summary>
    /// BR-FR-MV-11: among the top-level GROUP lines of the invoice's own seller (by legal identifier), the one carrying
    /// the invoice number (BT-1) as sub-invoice number is unique, or, when none does, each carries it.
    /// </summary>
    private static void CheckMainSeller(RuleRun run, InvoiceView v, XElement? agreement, List<Line> groups)
    {
        var sellerIds = LegalIdsOf(agreement?.Element(R("SellerTradeParty")));
        var invoiceNumber = v.Id?.Value;
        var ofSeller = groups.Where(g => g.LegalIds.Any(sellerIds.Contains)).ToList();
        var carrying = ofSeller.Sum(g => g.SubInvoiceReferences.Count(r => r.Value == invoiceNumber));
        foreach (var group in ofSeller)
        {
            var number = group.SubInvoiceNumber;
            var ok = carrying == 1 || (carrying == 0 && number == invoiceNumber) || (carrying > 1 && number != invoiceNumber);
            run.Check(ok, Mv11, group.Node, sellerIds.FirstOrDefault(), invoiceNumber, group.LineId, number);
        }
    }

    /// <summary>
    /// BR-FR-MV-12 as written: a sub-invoice number of a top-level GROUP line may not repeat any ram:IssuerAssignedID
    /// before it in the document.
    /// </summary>
    private static void CheckUniqueNumbers(RuleRun run, XElement root, List<Line> groups)
    {
        var targets = groups.SelectMany(g => g.SubInvoiceReferences).ToHashSet();
        if (targets.Count == 0)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in root.Descendants(R("IssuerAssignedID")))
        {
            if (targets.Contains(id) && seen.Contains(id.Value))
            {
                run.Fail(Mv12, id, id);
                return;
            }

            seen.Add(id.Value);
        }
    }

    private static List<string> LegalIdsOf(XElement? party) =>
        [.. party?.Elements(LegalOrganization).Elements(Id).Select(i => i.Value) ?? []];

    private static decimal? Number(XElement? amount) => FrenchRules.Number(amount);

    private static XName R(string name) => Namespaces.Ram + name;

    private sealed record Line(XElement Node, XElement? Document, string LineId, string LineIdRaw, string? ParentId, List<string> Status, List<string> LegalIds, List<XElement> SubInvoiceReferences, XElement? NetAmount)
    {
        /// <summary>A GROUP line without parent line: a sub-invoice.</summary>
        public bool IsTopGroup => Status.Contains("GROUP") && ParentId is null;

        /// <summary>The normalized AFL number (type 130) of the line, as XPath's normalize-space reads the first one.</summary>
        public string SubInvoiceNumber => SubInvoiceReferences.Count == 0 ? string.Empty : XmlValues.NormalizeSpace(SubInvoiceReferences[0].Value);

        public static Line Of(XElement item)
        {
            var document = item.Element(LineDocument);
            var lineId = document?.Element(R("LineID"));
            var parent = document?.Element(R("ParentLineID"));
            var references = item.Element(LineSettlement)?.Elements(Reference)
                .Where(r => r.Elements(R("ReferenceTypeCode")).Any(k => k.Value == "AFL") && r.Elements(R("TypeCode")).Any(t => t.Value == "130"))
                .SelectMany(r => r.Elements(R("IssuerAssignedID")))
                .ToList() ?? [];
            return new Line(
                item,
                document,
                lineId.Norm(),
                lineId?.Value ?? string.Empty,
                parent?.Value,
                [.. document?.Elements(R("LineStatusReasonCode")).Select(s => s.Value) ?? []],
                [.. item.Element(LineAgreement)?.Element(ItemSeller)?.Elements(LegalOrganization).Elements(Id).Select(i => i.Value) ?? []],
                references,
                item.Element(LineSettlement)?.Element(LineSummation)?.Element(R("LineTotalAmount")));
        }
    }
}
