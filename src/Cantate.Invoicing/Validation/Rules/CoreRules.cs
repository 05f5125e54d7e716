using Cantate.Invoicing.Syntax;
using System.Xml.Linq;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>EN 16931 core rules BR-01…BR-65 (presence and cardinality), as bound to UBL and CII by the CEN artefacts.</summary>
internal static class CoreRules
{
    private static readonly RuleDefinition Br01 = Fatal("BR-01", "BT-24", "La facture doit avoir un identifiant de spécification (BT-24).", "An Invoice shall have a Specification identifier (BT-24).");
    private static readonly RuleDefinition Br02 = Fatal("BR-02", "BT-1", "La facture doit avoir un numéro de facture (BT-1).", "An Invoice shall have an Invoice number (BT-1).");
    private static readonly RuleDefinition Br03 = Fatal("BR-03", "BT-2", "La facture doit avoir une date d'émission (BT-2).", "An Invoice shall have an Invoice issue date (BT-2).");
    private static readonly RuleDefinition Br04 = Fatal("BR-04", "BT-3", "La facture doit avoir un code de type de facture (BT-3).", "An Invoice shall have an Invoice type code (BT-3).");
    private static readonly RuleDefinition Br05 = Fatal("BR-05", "BT-5", "La facture doit avoir un code de devise (BT-5).", "An Invoice shall have an Invoice currency code (BT-5).");
    private static readonly RuleDefinition Br06 = Fatal("BR-06", "BT-27", "La facture doit contenir le nom du vendeur (BT-27).", "An Invoice shall contain the Seller name (BT-27).");
    private static readonly RuleDefinition Br07 = Fatal("BR-07", "BT-44", "La facture doit contenir le nom de l'acheteur (BT-44).", "An Invoice shall contain the Buyer name (BT-44).");
    private static readonly RuleDefinition Br08 = Fatal("BR-08", "BG-5", "La facture doit contenir l'adresse postale du vendeur (BG-5).", "An Invoice shall contain the Seller postal address (BG-5).");
    private static readonly RuleDefinition Br09 = Fatal("BR-09", "BT-40", "L'adresse postale du vendeur doit contenir un code pays (BT-40).", "The Seller postal address (BG-5) shall contain a Seller country code (BT-40).");
    private static readonly RuleDefinition Br10 = Fatal("BR-10", "BG-8", "La facture doit contenir l'adresse postale de l'acheteur (BG-8).", "An Invoice shall contain the Buyer postal address (BG-8).");
    private static readonly RuleDefinition Br11 = Fatal("BR-11", "BT-55", "L'adresse postale de l'acheteur doit contenir un code pays (BT-55).", "The Buyer postal address shall contain a Buyer country code (BT-55).");
    private static readonly RuleDefinition Br12 = Fatal("BR-12", "BT-106", "La facture doit avoir la somme des montants nets des lignes (BT-106).", "An Invoice shall have the Sum of Invoice line net amount (BT-106).");
    private static readonly RuleDefinition Br13 = Fatal("BR-13", "BT-109", "La facture doit avoir le montant total hors TVA (BT-109).", "An Invoice shall have the Invoice total amount without VAT (BT-109).");
    private static readonly RuleDefinition Br14 = Fatal("BR-14", "BT-112", "La facture doit avoir le montant total TTC (BT-112).", "An Invoice shall have the Invoice total amount with VAT (BT-112).");
    private static readonly RuleDefinition Br15 = Fatal("BR-15", "BT-115", "La facture doit avoir le montant à payer (BT-115).", "An Invoice shall have the Amount due for payment (BT-115).");
    private static readonly RuleDefinition Br16 = Fatal("BR-16", "BG-25", "La facture doit avoir au moins une ligne (BG-25).", "An Invoice shall have at least one Invoice line (BG-25).");
    private static readonly RuleDefinition Br17 = Fatal("BR-17", "BT-59", "Le nom du bénéficiaire (BT-59) doit être fourni si le bénéficiaire est différent du vendeur.", "The Payee name (BT-59) shall be provided in the Invoice, if the Payee (BG-10) is different from the Seller (BG-4).");
    private static readonly RuleDefinition Br18 = Fatal("BR-18", "BT-62", "Le nom du représentant fiscal du vendeur (BT-62) doit être fourni si le vendeur a un représentant fiscal.", "The Seller tax representative name (BT-62) shall be provided in the Invoice, if the Seller (BG-4) has a Seller tax representative party (BG-11).");
    private static readonly RuleDefinition Br19 = Fatal("BR-19", "BG-12", "L'adresse postale du représentant fiscal (BG-12) doit être fournie si le vendeur a un représentant fiscal.", "The Seller tax representative postal address (BG-12) shall be provided in the Invoice, if the Seller (BG-4) has a Seller tax representative party (BG-11).");
    private static readonly RuleDefinition Br20 = Fatal("BR-20", "BT-69", "L'adresse postale du représentant fiscal doit contenir un code pays (BT-69).", "The Seller tax representative postal address (BG-12) shall contain a Tax representative country code (BT-69), if the Seller (BG-4) has a Seller tax representative party (BG-11).");
    private static readonly RuleDefinition Br21 = Fatal("BR-21", "BT-126", "Chaque ligne doit avoir un identifiant de ligne (BT-126).", "Each Invoice line (BG-25) shall have an Invoice line identifier (BT-126).");
    private static readonly RuleDefinition Br22 = Fatal("BR-22", "BT-129", "Chaque ligne doit avoir une quantité facturée (BT-129).", "Each Invoice line (BG-25) shall have an Invoiced quantity (BT-129).");
    private static readonly RuleDefinition Br23 = Fatal("BR-23", "BT-130", "Chaque ligne doit avoir un code d'unité de mesure de la quantité (BT-130).", "An Invoice line (BG-25) shall have an Invoiced quantity unit of measure code (BT-130).");
    private static readonly RuleDefinition Br24 = Fatal("BR-24", "BT-131", "Chaque ligne doit avoir un montant net (BT-131).", "Each Invoice line (BG-25) shall have an Invoice line net amount (BT-131).");
    private static readonly RuleDefinition Br25 = Fatal("BR-25", "BT-153", "Chaque ligne doit contenir le nom de l'article (BT-153).", "Each Invoice line (BG-25) shall contain the Item name (BT-153).");
    private static readonly RuleDefinition Br26 = Fatal("BR-26", "BT-146", "Chaque ligne doit contenir le prix net de l'article (BT-146).", "Each Invoice line (BG-25) shall contain the Item net price (BT-146).");
    private static readonly RuleDefinition Br27 = Fatal("BR-27", "BT-146", "Le prix net de l'article (BT-146 = {0}) ne doit pas être négatif.", "The Item net price (BT-146 = {0}) shall NOT be negative.");
    private static readonly RuleDefinition Br28 = Fatal("BR-28", "BT-148", "Le prix brut de l'article (BT-148 = {0}) ne doit pas être négatif.", "The Item gross price (BT-148 = {0}) shall NOT be negative.");
    private static readonly RuleDefinition Br29 = Fatal("BR-29", "BT-74", "La fin de la période de facturation (BT-74 = {1}) doit être postérieure ou égale à son début (BT-73 = {0}).", "The Invoicing period end date (BT-74 = {1}) shall be later or equal to the Invoicing period start date (BT-73 = {0}).");
    private static readonly RuleDefinition Br30 = Fatal("BR-30", "BT-135", "La fin de la période de la ligne (BT-135 = {1}) doit être postérieure ou égale à son début (BT-134 = {0}).", "The Invoice line period end date (BT-135 = {1}) shall be later or equal to the Invoice line period start date (BT-134 = {0}).");
    private static readonly RuleDefinition Br31 = Fatal("BR-31", "BT-92", "Chaque remise au niveau du document (BG-20) doit avoir un montant (BT-92).", "Each Document level allowance (BG-20) shall have a Document level allowance amount (BT-92).");
    private static readonly RuleDefinition Br32 = Fatal("BR-32", "BT-95", "Chaque remise au niveau du document (BG-20) doit avoir un code de catégorie de TVA (BT-95).", "Each Document level allowance (BG-20) shall have a Document level allowance VAT category code (BT-95).");
    private static readonly RuleDefinition Br33 = Fatal("BR-33", "BT-97", "Chaque remise au niveau du document (BG-20) doit avoir un motif (BT-97) ou un code de motif (BT-98).", "Each Document level allowance (BG-20) shall have a Document level allowance reason (BT-97) or a Document level allowance reason code (BT-98).");
    private static readonly RuleDefinition Br36 = Fatal("BR-36", "BT-99", "Chaque charge au niveau du document (BG-21) doit avoir un montant (BT-99).", "Each Document level charge (BG-21) shall have a Document level charge amount (BT-99).");
    private static readonly RuleDefinition Br37 = Fatal("BR-37", "BT-102", "Chaque charge au niveau du document (BG-21) doit avoir un code de catégorie de TVA (BT-102).", "Each Document level charge (BG-21) shall have a Document level charge VAT category code (BT-102).");
    private static readonly RuleDefinition Br38 = Fatal("BR-38", "BT-104", "Chaque charge au niveau du document (BG-21) doit avoir un motif (BT-104) ou un code de motif (BT-105).", "Each Document level charge (BG-21) shall have a Document level charge reason (BT-104) or a Document level charge reason code (BT-105).");
    private static readonly RuleDefinition Br41 = Fatal("BR-41", "BT-136", "Chaque remise de ligne (BG-27) doit avoir un montant (BT-136).", "Each Invoice line allowance (BG-27) shall have an Invoice line allowance amount (BT-136).");
    private static readonly RuleDefinition Br42 = Fatal("BR-42", "BT-139", "Chaque remise de ligne (BG-27) doit avoir un motif (BT-139) ou un code de motif (BT-140).", "Each Invoice line allowance (BG-27) shall have an Invoice line allowance reason (BT-139) or an Invoice line allowance reason code (BT-140).");
    private static readonly RuleDefinition Br43 = Fatal("BR-43", "BT-141", "Chaque charge de ligne (BG-28) doit avoir un montant (BT-141).", "Each Invoice line charge (BG-28) shall have an Invoice line charge amount (BT-141).");
    private static readonly RuleDefinition Br44 = Fatal("BR-44", "BT-144", "Chaque charge de ligne (BG-28) doit avoir un motif (BT-144) ou un code de motif (BT-145).", "Each Invoice line charge shall have an Invoice line charge reason or an invoice line allowance reason code.");
    private static readonly RuleDefinition Br45 = Fatal("BR-45", "BT-116", "Chaque ventilation de TVA (BG-23) doit avoir une base imposable (BT-116).", "Each VAT breakdown (BG-23) shall have a VAT category taxable amount (BT-116).");
    private static readonly RuleDefinition Br46 = Fatal("BR-46", "BT-117", "Chaque ventilation de TVA (BG-23) doit avoir un montant de TVA (BT-117).", "Each VAT breakdown (BG-23) shall have a VAT category tax amount (BT-117).");
    private static readonly RuleDefinition Br47 = Fatal("BR-47", "BT-118", "Chaque ventilation de TVA (BG-23) doit avoir un code de catégorie de TVA (BT-118).", "Each VAT breakdown (BG-23) shall be defined through a VAT category code (BT-118).");
    private static readonly RuleDefinition Br48 = Fatal("BR-48", "BT-119", "Chaque ventilation de TVA (BG-23) doit avoir un taux de TVA (BT-119), sauf pour la catégorie « Non soumis à la TVA ».", "Each VAT breakdown (BG-23) shall have a VAT category rate (BT-119), except if the Invoice is not subject to VAT.");
    private static readonly RuleDefinition Br49 = Fatal("BR-49", "BT-81", "Chaque moyen de paiement (BG-16) doit avoir un code de type (BT-81).", "A Payment instruction (BG-16) shall specify the Payment means type code (BT-81).");
    private static readonly RuleDefinition Br50 = Fatal("BR-50", "BT-84", "L'identifiant du compte de paiement (BT-84) doit être fourni pour un virement (BG-17).", "A Payment account identifier (BT-84) shall be present if Credit transfer (BG-17) information is provided in the Invoice.");
    private static readonly RuleDefinition Br51 = Warning("BR-51", "BT-87", "Les 4 à 6 derniers chiffres du numéro de carte (BT-87 = {0}) doivent être fournis pour un paiement par carte (BG-18).", "The last 4 to 6 digits of the Payment card primary account number (BT-87 = {0}) shall be present if Payment card information (BG-18) is provided in the Invoice.");
    private static readonly RuleDefinition Br52 = Fatal("BR-52", "BT-122", "Chaque document justificatif (BG-24) doit avoir une référence (BT-122).", "Each Additional supporting document (BG-24) shall contain a Supporting document reference (BT-122).");
    private static readonly RuleDefinition Br55 = Fatal("BR-55", "BT-25", "Chaque référence à une facture antérieure (BG-3) doit contenir le numéro de cette facture (BT-25).", "Each Preceding Invoice reference (BG-3) shall contain a Preceding Invoice reference (BT-25).");
    private static readonly RuleDefinition Br56 = Fatal("BR-56", "BT-63", "Chaque représentant fiscal du vendeur (BG-11) doit avoir un numéro de TVA (BT-63).", "Each Seller tax representative party (BG-11) shall have a Seller tax representative VAT identifier (BT-63).");
    private static readonly RuleDefinition Br54 = Fatal("BR-54", "BG-32", "Chaque attribut d'article (BG-32) doit avoir un nom (BT-160) et une valeur (BT-161).", "Each Item attribute (BG-32) shall contain an Item attribute name (BT-160) and an Item attribute value (BT-161).");
    private static readonly RuleDefinition Br57 = Fatal("BR-57", "BT-80", "Chaque adresse de livraison (BG-15) doit contenir un code pays (BT-80).", "Each Deliver to address (BG-15) shall contain a Deliver to country code (BT-80).");
    private static readonly RuleDefinition Br61 = Fatal("BR-61", "BT-84", "Pour un virement (code 30 ou 58), l'identifiant du compte de paiement (BT-84) est obligatoire.", "If the Payment means type code (BT-81) means SEPA credit transfer, Local credit transfer or Non-SEPA international credit transfer, the Payment account identifier (BT-84) shall be present.");
    private static readonly RuleDefinition Br62 = Fatal("BR-62", "BT-34", "L'adresse électronique du vendeur (BT-34) doit avoir un identifiant de schéma.", "The Seller electronic address (BT-34) shall have a Scheme identifier.");
    private static readonly RuleDefinition Br63 = Fatal("BR-63", "BT-49", "L'adresse électronique de l'acheteur (BT-49) doit avoir un identifiant de schéma.", "The Buyer electronic address (BT-49) shall have a Scheme identifier.");
    private static readonly RuleDefinition Br64 = Fatal("BR-64", "BT-157", "L'identifiant standard de l'article (BT-157) doit avoir un identifiant de schéma.", "The Item standard identifier (BT-157) shall have a Scheme identifier.");
    private static readonly RuleDefinition Br65 = Fatal("BR-65", "BT-158", "L'identifiant de classification de l'article (BT-158) doit avoir un identifiant de schéma.", "The Item classification identifier (BT-158) shall have a Scheme identifier.");

    public static void Check(RuleRun run)
    {
        var v = run.View;
        run.Check(v.CustomizationId.HasText(), Br01, v.Root);
        run.Check(v.Id.HasText(), Br02, v.Root);
        run.Check(v.IssueDate.HasText(), Br03, v.Root);
        run.Check(v.TypeCode.HasText(), Br04, v.Root);
        run.Check(v.Currency.HasText(), Br05, v.Root);
        run.Check(v.Seller?.Name.HasText() == true, Br06, v.Root);
        run.Check(v.Buyer?.Name.HasText() == true, Br07, v.Root);
        run.Check(v.Seller?.PostalAddress is not null, Br08, v.Root);
        run.Check(v.Buyer?.PostalAddress is not null, Br10, v.Root);
        run.Check(v.Lines.Count > 0, Br16, v.Root);

        // UBL asks for the country inside an address; CII asks it of the party, address or not.
        if (v.Seller is { } seller && (seller.PostalAddress is not null || !v.IsUbl))
        {
            run.Check(seller.Country.HasText(), Br09, seller.PostalAddress ?? seller.Node);
        }

        if (v.Buyer is { } buyer && (buyer.PostalAddress is not null || !v.IsUbl))
        {
            run.Check(buyer.Country.HasText(), Br11, buyer.PostalAddress ?? buyer.Node);
        }

        if (v.Seller?.ElectronicAddress is { } sellerEndpoint)
        {
            run.Check(sellerEndpoint.Attribute("schemeID") is not null, Br62, sellerEndpoint);
        }

        if (v.Buyer?.ElectronicAddress is { } buyerEndpoint)
        {
            run.Check(buyerEndpoint.Attribute("schemeID") is not null, Br63, buyerEndpoint);
        }

        if (v.Payee is { } payee)
        {
            run.Check(payee.Name.HasText(), Br17, payee.Node);
        }

        if (v.TaxRepresentative is { } representative)
        {
            run.Check(representative.Name.HasText(), Br18, representative.Node);
            run.Check(representative.PostalAddress is not null, Br19, representative.Node);
            run.Check(representative.VatIds.Any(i => i.Value.Length > 0), Br56, representative.Node);
            if (representative.PostalAddress is not null)
            {
                run.Check(representative.Country.HasText(), Br20, representative.PostalAddress);
            }
        }

        if (v.Totals is not null)
        {
            run.Check(v.LineTotal is not null, Br12, v.Totals);
            run.Check(v.TaxExclusive is not null, Br13, v.Totals);
            run.Check(v.TaxInclusive is not null, Br14, v.Totals);
            run.Check(v.Payable is not null, Br15, v.Totals);
        }

        foreach (var period in v.InvoicePeriods)
        {
            CheckPeriod(run, period, Br29, v.IsUbl);
        }

        foreach (var ac in v.AllowanceCharges)
        {
            if (ac.IsCharge == false)
            {
                run.Check(ac.Amount is not null, Br31, ac.Node);
                run.Check(ac.CategoryCode is not null, Br32, ac.Node);
                run.Check(ac.Reason is not null || ac.ReasonCode is not null, Br33, ac.Node);
            }
            else if (ac.IsCharge == true)
            {
                run.Check(ac.Amount is not null, Br36, ac.Node);
                run.Check(ac.CategoryCode is not null, Br37, ac.Node);
                run.Check(ac.Reason is not null || ac.ReasonCode is not null, Br38, ac.Node);
            }
        }

        foreach (var line in v.Lines)
        {
            CheckLine(run, line);
        }

        foreach (var vat in v.VatBreakdowns)
        {
            run.Check(vat.TaxableAmount is not null, Br45, vat.Node);
            run.Check(vat.TaxAmount is not null, Br46, vat.Node);
            run.Check(vat.CategoryCode is not null, Br47, vat.Node);
            run.Check(vat.Rate is not null || vat.CategoryCode.Norm() == "O", Br48, vat.Node);
        }

        foreach (var (document, id) in v.SupportingDocuments)
        {
            run.Check(id.HasText(), Br52, document);
        }

        foreach (var (reference, id) in v.PrecedingInvoices)
        {
            run.Check(id.HasText(), Br55, reference);
        }

        foreach (var means in v.PaymentMeans)
        {
            foreach (var account in means.CreditAccountGroups)
            {
                var hasId = account.Elements().Any(e => e.Name.LocalName is "ID" or "IBANID" or "ProprietaryID" && e.Value.Length > 0);
                run.Check(hasId, Br50, account);
            }

            run.Check(means.Code.HasText(), Br49, means.Node);
            var code = means.Code.Norm();
            if (v.IsUbl)
            {
                run.Check(code is not ("30" or "58") || means.CreditAccounts.Count > 0, Br61, means.Node);
            }

            if (v.IsUbl && means.CardAccount is not null)
            {
                var length = means.CardNumber?.Value.Length ?? 0;
                run.Check(length is >= 4 and <= 6, Br51, means.CardAccount, means.CardNumber);
            }
        }

        if (v.DeliverToAddress is not null)
        {
            run.Check(v.DeliverToCountry is not null, Br57, v.DeliverToAddress);
        }
    }

    private static void CheckLine(RuleRun run, LineView line)
    {
        run.Check(line.Id.HasText(), Br21, line.Node);
        run.Check(line.Quantity is not null, Br22, line.Node);
        run.Check(line.Quantity?.Attribute("unitCode") is not null, Br23, line.Node);
        run.Check(line.NetAmount is not null, Br24, line.Node);
        run.Check(line.ItemName.HasText(), Br25, line.Node);
        run.Check(line.NetPrice is not null, Br26, line.Node);
        run.Check(line.NetPrice.Dec() >= 0, Br27, line.NetPrice ?? line.Node, line.NetPrice);
        run.Check(line.GrossPrice is null || line.GrossPrice.Dec() >= 0, Br28, line.GrossPrice, line.GrossPrice);
        if (line.Period is not null)
        {
            CheckPeriod(run, line.Period, Br30, run.View.IsUbl, line.PeriodStart, line.PeriodEnd);
        }

        foreach (var ac in line.AllowanceCharges)
        {
            if (ac.IsCharge == false)
            {
                run.Check(ac.Amount is not null, Br41, ac.Node);
                run.Check(ac.Reason is not null || ac.ReasonCode is not null, Br42, ac.Node);
            }
            else if (ac.IsCharge == true)
            {
                run.Check(ac.Amount is not null, Br43, ac.Node);
                run.Check(ac.Reason is not null || ac.ReasonCode is not null, Br44, ac.Node);
            }
        }

        foreach (var id in line.StandardIds)
        {
            run.Check(id.Attribute("schemeID") is not null, Br64, id);
        }

        foreach (var code in line.ClassificationCodes)
        {
            run.Check(code.Attribute("listID") is not null, Br65, code);
        }

        foreach (var attribute in line.ItemAttributes)
        {
            var hasName = attribute.Elements().Any(e => e.Name.LocalName is "Name" or "Description");
            var hasValue = attribute.Elements().Any(e => e.Name.LocalName == "Value");
            run.Check(hasName && hasValue, Br54, attribute);
        }
    }

    private static void CheckPeriod(RuleRun run, XElement period, RuleDefinition rule, bool ubl, XElement? start = null, XElement? end = null)
    {
        if (ubl)
        {
            start ??= period.Element(Namespaces.Cbc + "StartDate");
            end ??= period.Element(Namespaces.Cbc + "EndDate");
        }
        else
        {
            start ??= period.Element(Namespaces.Ram + "StartDateTime")?.Element(Namespaces.Udt + "DateTimeString");
            end ??= period.Element(Namespaces.Ram + "EndDateTime")?.Element(Namespaces.Udt + "DateTimeString");
        }

        if (start is not null && end is not null)
        {
            var ok = string.CompareOrdinal(DateKey(end.Value), DateKey(start.Value)) >= 0;
            run.Check(ok, rule, period, start, end);
        }
    }

    /// <summary>Dates compare as YYYYMMDD whether written 2024-01-31 (UBL) or 20240131 (CII format 102).</summary>
    private static string DateKey(string value) => value.Trim().Replace("-", string.Empty, StringComparison.Ordinal);
}
