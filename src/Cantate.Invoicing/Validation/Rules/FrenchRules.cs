using System.Collections.Frozen;
using System.Xml.Linq;
using Cantate.Invoicing.FacturX;
using Cantate.Invoicing.Syntax;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// The French 2026 reform rules (FNFE-MPE France_RFE v1.4.0, fatal flavour, CII and UBL Schematrons): document type
/// codes, invoice numbers, mandatory notes, billing framework (BT-23), SIREN/SIRET of the seller, electronic
/// addresses, VAT rates, and the Factur-X profiles the reform accepts; the other rule families are in the partial
/// files beside this one and in <see cref="FrenchMultiVendorRules"/>. Rule ids are those of the FNFE Schematron,
/// per syntax.
/// </summary>
internal static partial class FrenchRules
{
    private static readonly FrozenSet<string> TypeCodes = new[] { "380", "389", "393", "501", "386", "500", "384", "471", "472", "473", "261", "262", "381", "396", "502", "503" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Frameworks = "B1 S1 M1 B2 S2 M2 S3 B4 S4 M4 S5 S6 B7 S7 B8 S8 M8 B9 S9 M9".Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private static readonly RuleDefinition Fr04 = Fatal("BR-FR-04_BT-3", "BT-3", "La réforme française n'accepte pas le type de document {0} (codes admis : 380, 389, 393, 501, 386, 500, 384, 471, 472, 473, 261, 262, 381, 396, 502, 503).", "The French reform does not accept document type code {0}.");
    private static readonly RuleDefinition Fr08 = Fatal("BR-FR-08_BT-23", "BT-23", "Le cadre de facturation (BT-23 = {0}) doit être l'un de B1, S1, M1, B2, S2, M2, S3, B4, S4, M4, S5, S6, B7, S7, B8, S8, M8, B9, S9, M9.", "The business process type (BT-23 = {0}) shall be one of the French billing frameworks B1…M9.");
    private static readonly RuleDefinition Fr09 = Fatal("BR-FR-09_BT-29", "BT-29", "Le SIRET du vendeur ({0}) doit compter 14 chiffres et commencer par son SIREN (BT-30 = {1}).", "The seller SIRET ({0}) shall have 14 digits and start with the seller SIREN (BT-30 = {1}).");
    private static readonly RuleDefinition Fr10 = Fatal("BR-FR-10_BT-30", "BT-30", "Le SIREN du vendeur (BT-30, schéma 0002, 9 chiffres) est obligatoire.", "The seller SIREN (BT-30 with scheme 0002, 9 digits) is mandatory.");
    private static readonly RuleDefinition Fr12 = Fatal("BR-FR-12_BT-49", "BT-49", "L'adresse électronique de l'acheteur (BT-49) est obligatoire.", "The buyer electronic address (BT-49) is mandatory.");
    private static readonly RuleDefinition Fr13 = Fatal("BR-FR-13_BT-34", "BT-34", "L'adresse électronique du vendeur (BT-34) est obligatoire.", "The seller electronic address (BT-34) is mandatory.");
    /// <summary>VAT rates applicable in France, metropolitan and overseas (BR-FR-16).</summary>
    private static readonly decimal[] Rates = [0m, 0.9m, 1.05m, 1.75m, 2.1m, 5.5m, 7m, 8.5m, 9.2m, 9.6m, 10m, 13m, 19.6m, 20m];

    private static readonly FrozenDictionary<string, RuleDefinition> RateRules = new[] { "BT-96", "BT-96_BT-103", "BT-119", "BT-152" }
        .ToFrozenDictionary(
            t => t,
            t => Fatal("BR-FR-16_" + t, t.Split('_')[0], "Le taux de TVA ({0} %) n'est pas un taux applicable en France.", "The VAT rate ({0} %) is not a rate applicable in France."),
            StringComparer.Ordinal);

    private static readonly RuleDefinition FrCo12 = Fatal("BR-FR-CO-12_BT-5", "BT-5", "Une facture dans une autre devise que l'euro (BT-5 = {0}) doit indiquer l'euro comme devise de comptabilisation de la TVA (BT-6 = {1}).", "An invoice in a currency other than the euro (BT-5 = {0}) shall give the euro as VAT accounting currency (BT-6 = {1}).");

    /// <summary>BR-FR-CO-10: party and location identifiers carry a scheme (UBL binding).</summary>
    private static readonly FrozenDictionary<string, RuleDefinition> SchemeRules = new[] { "BT-29", "BT-46", "BT-60", "BT-71" }
        .ToFrozenDictionary(
            t => t,
            t => Fatal("BR-FR-CO-10_" + t + "-1", t, $"L'identifiant ({t} = {{0}}) doit avoir un identifiant de schéma.", $"The identifier ({t} = {{0}}) shall have a scheme identifier."),
            StringComparer.Ordinal);

    private static readonly RuleDefinition Fr03 = Fatal("BR-FR-03_BT-2", "BT-2", "La date de facture (BT-2 = {0}) doit être une date valide entre 2000 et 2099.", "The invoice issue date (BT-2 = {0}) shall be a valid date between 2000 and 2099.");
    private static readonly RuleDefinition FrCo05 = Fatal("BR-FR-CO-05_BT-3", "BT-3", "Un avoir (type {0}) doit faire référence à la facture antérieure (BT-25).", "A credit note (type {0}) shall reference the preceding invoice (BT-25).");
    private static readonly RuleDefinition FrCo07 = Fatal("BR-FR-CO-07_BT-9", "BT-9", "La date d'échéance (BT-9 = {0}) ne peut pas précéder la date de facture (BT-2 = {1}).", "The payment due date (BT-9 = {0}) shall not be before the invoice issue date (BT-2 = {1}).");

    private static readonly FrozenSet<string> CreditNoteTypes = new[] { "381", "261", "262", "396", "502", "503" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>BR-FR-01 (no spaces) and BR-FR-02 (letters, digits and + - _ / only) on invoice numbers.</summary>
    private static readonly FrozenDictionary<string, RuleDefinition> NumberRules = new[] { "BT-1", "BT-25" }
        .SelectMany(t => new[]
        {
            Fatal($"BR-FR-01_{t}-2", t, $"Le numéro ({t} = {{0}}) ne doit pas contenir d'espace.", $"The number ({t} = {{0}}) shall not contain spaces."),
            Fatal($"BR-FR-02_{t}", t, $"Le numéro ({t} = {{0}}) ne doit contenir que des lettres, des chiffres et les caractères + - _ /.", $"The number ({t} = {{0}}) shall contain only letters, digits and the characters + - _ /."),
        })
        .ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>
    /// EXT-FR-FE-136, the preceding invoice referenced by a line, as the FNFE Schematron v1.4.0.01 binds it: the line
    /// document reference (<c>cac:DocumentReference/cbc:ID</c>) in UBL, the line
    /// <c>ram:InvoiceReferencedDocument/ram:IssuerAssignedID</c> in CII. At most 35 characters (BR-FR-01), letters,
    /// digits and + - _ / only (BR-FR-02).
    /// </summary>
    private static readonly RuleDefinition Fr01Line = Fatal("BR-FR-01_EXT-FR-FE-136", "EXT-FR-FE-136", "L'identifiant de facture référencée en ligne ({0}) dépasse 35 caractères.", "The invoice identifier referenced by the line ({0}) is longer than 35 characters.");
    private static readonly RuleDefinition Fr02Line = Fatal("BR-FR-02_EXT-FR-FE-136", "EXT-FR-FE-136", "L'identifiant de facture référencée en ligne ({0}) ne doit contenir que des lettres, des chiffres et les caractères + - _ /, sans espace.", "The invoice identifier referenced by the line ({0}) shall contain only letters, digits and the characters + - _ /, without spaces.");

    /// <summary>BR-FR-17: qualifiers of attached documents (BT-123) in the French reform.</summary>
    private static readonly FrozenSet<string> AttachmentQualifiers = new[]
    {
        "RIB", "LISIBLE", "FEUILLE_DE_STYLE", "PJA", "BON_LIVRAISON", "BON_COMMANDE", "DOCUMENT_ANNEXE", "BORDEREAU_SUIVI",
        "BORDEREAU_SUIVI_VALIDATION", "ETAT_ACOMPTE", "FACTURE_PAIEMENT_DIRECT", "RECAPITULATIF_COTRAITANCE",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly RuleDefinition Fr17 = Fatal("BR-FR-17_BT-123", "BT-123", "La description de la pièce jointe (BT-123 = {0}) doit être un qualifiant de la réforme (LISIBLE, RIB, BON_COMMANDE…).", "The supporting document description (BT-123 = {0}) shall be one of the qualifiers of the French reform (LISIBLE, RIB, BON_COMMANDE…).");

    private static readonly RuleDefinition FrProfile = Fatal("FR-PROFILE", "BT-24", "Le profil Factur-X {0} n'est pas admis par la réforme française (BASIC WL la première année, EN 16931, EXTENDED).", "The Factur-X profile {0} is not accepted by the French reform (BASIC WL the first year, EN 16931, EXTENDED).");

    /// <summary>BR-FR-05: the three mandatory notes, with their rule id in each syntax.</summary>
    private static readonly (string Code, string Ubl, string Cii, string Fr)[] MandatoryNotes =
    [
        ("PMT", "BR-FR-05_BT-22-1", "BR-FR-05_BT-22_PMT", "l'indemnité forfaitaire pour frais de recouvrement"),
        ("PMD", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22_PMD", "les pénalités de retard"),
        ("AAB", "BR-FR-05_BT-22-3", "BR-FR-05_BT-22_AAB", "l'escompte"),
    ];

    private static readonly FrozenDictionary<string, RuleDefinition> NoteRules = MandatoryNotes
        .SelectMany(n => new[] { (n.Ubl, n), (n.Cii, n) })
        .ToFrozenDictionary(
            x => x.Item1,
            x => Fatal(x.Item1, "BT-22", $"Une note (BT-22) de code {x.n.Code} sur {x.n.Fr} est obligatoire.", $"A note (BT-22) with subject code {x.n.Code} is mandatory."),
            StringComparer.Ordinal);

    public static void Check(RuleRun run)
    {
        var v = run.View;
        var type = v.TypeCode.Norm();
        run.Check(TypeCodes.Contains(type), Fr04, v.TypeCode, type);

        CheckNumber(run, v.Id, "BT-1");
        foreach (var (_, preceding) in v.PrecedingInvoices)
        {
            CheckNumber(run, preceding, "BT-25");
        }

        foreach (var lineReference in v.Lines.SelectMany(l => LineInvoiceReferences(l, v.IsUbl)))
        {
            run.Check(lineReference.Value.Length <= 35, Fr01Line, lineReference, lineReference);
            run.Check(IsValidId(lineReference.Value), Fr02Line, lineReference, lineReference);
        }

        var issue = DateKey(v.IssueDate, v.IsUbl);
        run.Check(issue is { } d && d.Year is >= 2000 and <= 2099, Fr03, v.IssueDate ?? v.Root, v.IssueDate);
        if (issue is not null && DateKey(v.DueDate, v.IsUbl) is { } due)
        {
            run.Check(due >= issue, FrCo07, v.DueDate, v.DueDate, v.IssueDate);
        }

        if (CreditNoteTypes.Contains(type))
        {
            run.Check(v.PrecedingInvoices.Any(p => p.Id.HasText()), FrCo05, v.TypeCode, type);
        }

        var descriptions = v.SupportingDocuments.Select(d => d.Document.Element(v.IsUbl ? Namespaces.Cbc + "DocumentDescription" : Namespaces.Ram + "Name")).OfType<XElement>();
        var unknownQualifier = descriptions.FirstOrDefault(d => !AttachmentQualifiers.Contains(d.Norm()));
        if (unknownQualifier is not null)
        {
            run.Fail(Fr17, unknownQualifier, unknownQualifier);
        }

        var subjectCodes = NoteSubjectCodes(v).ToHashSet(StringComparer.Ordinal);
        foreach (var note in MandatoryNotes)
        {
            run.Check(subjectCodes.Contains(note.Code), NoteRules[v.IsUbl ? note.Ubl : note.Cii], v.Root);
        }

        var framework = BusinessProcess(v);
        run.Check(Frameworks.Contains(framework.Norm()), Fr08, framework ?? v.Root, framework);

        var siren = v.Seller?.LegalIds.FirstOrDefault(i => i.Attr("schemeID") == "0002");
        var sirenValue = siren.Norm();
        run.Check(sirenValue.Length == 9 && sirenValue.All(char.IsAsciiDigit), Fr10, v.Seller?.Node ?? v.Root);
        foreach (var siret in v.Seller?.Identifiers.Where(i => i.Attr("schemeID") == "0009") ?? [])
        {
            var value = siret.Norm();
            run.Check(value.Length == 14 && value.All(char.IsAsciiDigit) && sirenValue.Length == 9 && value.StartsWith(sirenValue, StringComparison.Ordinal), Fr09, siret, value, sirenValue);
        }

        CheckRate(run, v.VatBreakdowns.Select(b => b.Rate), "BT-119");
        // The FNFE UBL Schematron checks BT-152 on invoice lines only, not on credit note lines.
        CheckRate(run, v.Lines.Where(l => l.Node.Name.LocalName != "CreditNoteLine").Select(l => l.Rate), "BT-152");
        CheckRate(run, v.AllowanceCharges.Select(a => a.Rate), v.IsUbl ? "BT-96" : "BT-96_BT-103");

        if (v.Currency.Norm() is { Length: > 0 } currency && currency != "EUR")
        {
            var accounting = v.TaxCurrencies.Count > 0 ? v.TaxCurrencies[0] : null;
            run.Check(accounting.Norm() == "EUR", FrCo12, v.Currency, currency, accounting);
        }

        if (v.IsUbl)
        {
            CheckSchemes(run, v);
        }

        run.Check(v.Buyer?.ElectronicAddress.HasText() == true, Fr12, v.Buyer?.Node ?? v.Root);
        run.Check(v.Seller?.ElectronicAddress.HasText() == true, Fr13, v.Seller?.Node ?? v.Root);

        var profile = FacturXProfiles.FromSpecificationId(v.CustomizationId?.Value);
        if (!v.IsUbl && profile is FacturXProfile.Minimum or FacturXProfile.Basic)
        {
            run.Fail(FrProfile, v.CustomizationId, profile.ConformanceLevel());
        }

        CheckValues(run);
        CheckNotes(run);
        CheckDocuments(run);
        CheckParties(run);
        if (!v.IsUbl)
        {
            FrenchMultiVendorRules.Check(run);
        }
    }

    private static void CheckNumber(RuleRun run, XElement? number, string term)
    {
        if (number is null)
        {
            return;
        }

        var value = number.Value;
        if (value.Any(char.IsWhiteSpace))
        {
            run.Fail(NumberRules[$"BR-FR-01_{term}-2"], number, number);
        }

        if (!IsValidId(value))
        {
            run.Fail(NumberRules[$"BR-FR-02_{term}"], number, number);
        }
    }

    /// <summary>The FNFE <c>custom:is-valid-id-format</c>: at least one character, letters, digits and + - _ / only.</summary>
    private static bool IsValidId(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '_' or '/');

    private static IEnumerable<XElement> LineInvoiceReferences(LineView line, bool ubl) => ubl
        ? line.Node.Elements(Namespaces.Cac + "DocumentReference").Elements(Namespaces.Cbc + "ID")
        : line.Node.Elements(Namespaces.Ram + "SpecifiedLineTradeSettlement").Elements(Namespaces.Ram + "InvoiceReferencedDocument").Elements(Namespaces.Ram + "IssuerAssignedID");

    /// <summary>A date written 2026-01-31 in UBL or 20260131 in CII (format 102), or null when it is not such a valid date.</summary>
    private static DateOnly? DateKey(XElement? date, bool ubl)
    {
        var text = date.Text()?.Trim() ?? string.Empty;
        return DateOnly.TryParseExact(text, ubl ? "yyyy-MM-dd" : "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
    }

    private static void CheckSchemes(RuleRun run, InvoiceView v)
    {
        var cac = Namespaces.Cac;
        var cbc = Namespaces.Cbc;
        void First(IEnumerable<XElement> ids, string term)
        {
            var missing = ids.FirstOrDefault(i => i.Attribute("schemeID") is null);
            if (missing is not null)
            {
                run.Fail(SchemeRules[term], missing, missing);
            }
        }

        First(v.Seller?.Identifiers ?? [], "BT-29");
        First(v.Buyer?.Identifiers ?? [], "BT-46");
        First(v.Payee?.Identifiers ?? [], "BT-60");
        First(v.Root.Elements(cac + "Delivery").Elements(cac + "DeliveryLocation").Elements(cbc + "ID"), "BT-71");
    }

    /// <summary>One finding per term: the FNFE Schematron reports the first rate outside the list.</summary>
    private static void CheckRate(RuleRun run, IEnumerable<XElement?> rates, string term)
    {
        // The list is lexical in the FNFE Schematron: "0.0000" is not "0" there.
        var wrong = rates.OfType<XElement>().FirstOrDefault(r => r.Dec() is not { } d || !Rates.Contains(d) || r.Decimals() > 2);
        if (wrong is not null)
        {
            run.Fail(RateRules[term], wrong, wrong);
        }
    }

    private static IEnumerable<string> NoteSubjectCodes(InvoiceView v)
    {
        if (v.IsUbl)
        {
            // The UBL binding carries the subject code (BT-21) at the start of the note: "#PMT#text".
            foreach (var note in v.Root.Elements(Namespaces.Cbc + "Note"))
            {
                var text = note.Value.TrimStart();
                var end = text.Length > 1 && text[0] == '#' ? text.IndexOf('#', 1) : -1;
                if (end > 1)
                {
                    yield return text[1..end];
                }
            }
        }
        else
        {
            var notes = v.Root.Element(Namespaces.Rsm + "ExchangedDocument")?.Elements(Namespaces.Ram + "IncludedNote") ?? [];
            foreach (var note in notes)
            {
                yield return note.Element(Namespaces.Ram + "SubjectCode").Norm();
            }
        }
    }

    private static XElement? BusinessProcess(InvoiceView v) => v.IsUbl
        ? v.Root.Element(Namespaces.Cbc + "ProfileID")
        : v.Root.Element(Namespaces.Rsm + "ExchangedDocumentContext")?.Element(Namespaces.Ram + "BusinessProcessSpecifiedDocumentContextParameter")?.Element(Namespaces.Ram + "ID");
}
