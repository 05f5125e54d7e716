using System.Collections.Frozen;
using System.Xml.Linq;
using Cantate.Invoicing.Syntax;
using static Cantate.Invoicing.Validation.Rules.RuleDefinition;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// The reform's rules on invoice notes (BG-1), as the FNFE-MPE France_RFE Schematrons v1.4.0 write them: each legal
/// note at most once (BR-FR-06), the BAR note naming the processing of the invoice (BR-FR-20, BR-FR-31) and what a
/// B2B processing requires of the buyer SIREN and of the electronic addresses (BR-FR-11, BR-FR-21, BR-FR-22), and the
/// TXD note of a member of a single taxable person (BR-FR-CO-14). CII carries the subject code (BT-21) in
/// ram:SubjectCode; UBL writes it in the note text, "#BAR#B2B", and the UBL Schematron reads it from all notes joined.
/// </summary>
internal static partial class FrenchRules
{
    /// <summary>BR-FR-20 and BR-FR-31 in CII; the UBL BR-FR-20 list omits B2CINT (UBL Schematron v1.4.0).</summary>
    private static readonly FrozenSet<string> BarTreatments = new[] { "B2B", "B2BINT", "B2C", "B2CINT", "OUTOFSCOPE", "ARCHIVEONLY" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> UblBarTreatments = new[] { "B2B", "B2BINT", "B2C", "OUTOFSCOPE", "ARCHIVEONLY" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Self-billed document types (BR-FR-21, BR-FR-22, BR-FR-MV-13, BR-FR-BD-13).</summary>
    internal static readonly FrozenSet<string> SelfBilledTypes = new[] { "389", "501", "500", "471", "473", "261", "502" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] UniqueNoteCodes = ["PMT", "PMD", "AAB", "TXD"];

    private static readonly FrozenDictionary<string, RuleDefinition> UniqueNoteRules = UniqueNoteCodes
        .SelectMany((code, i) => new[] { $"BR-FR-06_BT-21_{code}", $"BR-FR-06_BT-21-{i + 1}" }.Select(id => (id, code)))
        .ToFrozenDictionary(
            x => x.id,
            x => Fatal(x.id, "BT-21", $"Le code sujet {x.code} apparaît dans {{0}} notes (BG-1) : il ne doit apparaître qu'une seule fois.", $"Subject code {x.code} occurs in {{0}} notes (BG-1): it shall occur once at most."),
            StringComparer.Ordinal);

    private static readonly RuleDefinition Fr11 = Fatal("BR-FR-11_BT-47", "BT-47", "La note BAR indique un traitement B2B : le SIREN de l'acheteur (BT-47, schéma 0002) doit compter 9 chiffres (valeur : {0}).", "The BAR note says B2B processing: the buyer SIREN (BT-47, scheme 0002) shall have 9 digits (value: {0}).");
    private static readonly RuleDefinition Fr20 = Fatal("BR-FR-20_BT-21", "BT-21", "La note BAR indique le traitement {0}, qui n'est pas l'un de B2B, B2BINT, B2C, B2CINT, OUTOFSCOPE, ARCHIVEONLY.", "The BAR note gives processing {0}, which is not one of B2B, B2BINT, B2C, B2CINT, OUTOFSCOPE, ARCHIVEONLY.");
    private static readonly RuleDefinition Fr21 = Fatal("BR-FR-21_BT-49", "BT-49", "Traitement B2B hors autofacturation : l'adresse électronique de l'acheteur (BT-49 = {0}, schéma {1}) doit commencer par son SIREN ({2}) avec le schéma 0225.", "B2B processing outside self-billing: the buyer electronic address (BT-49 = {0}, scheme {1}) shall start with the buyer SIREN ({2}) with scheme 0225.");
    private static readonly RuleDefinition Fr22 = Fatal("BR-FR-22_BT-34", "BT-34", "Traitement B2B en autofacturation : l'adresse électronique du vendeur (BT-34 = {0}, schéma {1}) doit commencer par son SIREN ({2}) avec le schéma 0225.", "B2B processing in self-billing: the seller electronic address (BT-34 = {0}, scheme {1}) shall start with the seller SIREN ({2}) with scheme 0225.");
    private static readonly RuleDefinition Fr31Cii = Fatal("BR-FR-31_BT-21", "BT-21", "{0} notes BAR donnent un traitement de la liste : une seule est admise.", "{0} BAR notes give a processing from the list: only one is allowed.");

    /// <summary>The UBL Schematron v1.4.0 reports BR-FR-31 under the id BR-FR-30_BT-21.</summary>
    private static readonly RuleDefinition Fr31Ubl = Fatal("BR-FR-30_BT-21", "BT-21", "{0} notes BAR donnent un traitement de la liste : une seule est admise.", "{0} BAR notes give a processing from the list: only one is allowed.");
    private static readonly RuleDefinition FrCo14 = Fatal("BR-FR-CO-14_BT-29-1", "BT-29-1", "Le vendeur est membre d'un assujetti unique (identifiant de schéma 0231) : une note TXD de texte MEMBRE_ASSUJETTI_UNIQUE est obligatoire (trouvé : {0}).", "The seller is a member of a single taxable person (scheme 0231): a TXD note with text MEMBRE_ASSUJETTI_UNIQUE is mandatory (found: {0}).");

    private static void CheckNotes(RuleRun run)
    {
        if (run.View.IsUbl)
        {
            CheckUblNotes(run);
        }
        else
        {
            CheckCiiNotes(run);
        }
    }

    private static void CheckCiiNotes(RuleRun run)
    {
        var v = run.View;
        var document = v.Root.Element(Namespaces.Rsm + "ExchangedDocument");
        var notes = document?.Elements(Namespaces.Ram + "IncludedNote").ToList() ?? [];
        bool HasSubject(XElement note, string code) => note.Elements(Namespaces.Ram + "SubjectCode").Any(s => XmlValues.StringValue(s) == code);

        foreach (var code in UniqueNoteCodes)
        {
            var count = notes.Count(n => HasSubject(n, code));
            run.Check(count <= 1, UniqueNoteRules[$"BR-FR-06_BT-21_{code}"], document, count);
        }

        var bar = notes.Where(n => HasSubject(n, "BAR")).ToList();
        foreach (var note in bar)
        {
            var contents = note.Elements(Namespaces.Ram + "Content").ToList();
            run.Check(contents.Any(c => BarTreatments.Contains(XmlValues.StringValue(c))), Fr20, note, contents.FirstOrDefault());
        }

        var listed = bar.Count(n => BarTreatments.Contains(n.Element(Namespaces.Ram + "Content").Norm()));
        run.Check(listed <= 1, Fr31Cii, document, listed);
        CheckCiiSingleTaxablePerson(run, notes);

        var isB2B = bar.Elements(Namespaces.Ram + "Content").Any(c => XmlValues.StringValue(c) == "B2B");
        if (!isB2B)
        {
            return;
        }

        var buyerSiren = v.Buyer?.LegalIds.FirstOrDefault(i => i.Attr("schemeID") == "0002");
        run.Check(IsSiren(buyerSiren?.Value), Fr11, buyerSiren ?? v.Buyer?.Node ?? v.Root, buyerSiren);
        var selfBilled = SelfBilledTypes.Contains(v.TypeCode.Text() ?? string.Empty);
        var party = selfBilled ? v.Seller : v.Buyer;

        // The CII Schematron takes the party's legal identifier whatever its scheme.
        var siren = party is { LegalIds.Count: > 0 } ? party.LegalIds[0].Value : string.Empty;
        CheckB2BAddress(run, selfBilled ? Fr22 : Fr21, party, siren);
    }

    private static void CheckUblNotes(RuleRun run)
    {
        var v = run.View;
        var notes = v.Root.Elements(Namespaces.Cbc + "Note").ToList();
        var all = string.Concat(notes.Select(XmlValues.StringValue));
        for (var i = 0; i < UniqueNoteCodes.Length; i++)
        {
            var count = Occurrences(all, "#" + UniqueNoteCodes[i] + "#");
            run.Check(count <= 1, UniqueNoteRules[$"BR-FR-06_BT-21-{i + 1}"], v.Root, count);
        }

        var treatment = NoteValue(all, "BAR");
        run.Check(treatment.Length == 0 || UblBarTreatments.Contains(treatment), Fr20, notes.FirstOrDefault(n => n.Value.Contains("#BAR#", StringComparison.Ordinal)) ?? v.Root, treatment);

        var barNotes = string.Concat(notes.Select(XmlValues.StringValue).Where(n => n.Contains("#BAR#", StringComparison.Ordinal))) + "#";
        var listed = BarTreatments.Sum(t => Occurrences(barNotes, "BAR#" + t + "#"));
        run.Check(listed <= 1, Fr31Ubl, v.Root, listed);

        var buyerSiren = v.Buyer?.LegalIds.FirstOrDefault(i => i.Attr("schemeID") == "0002");
        if (treatment == "B2B")
        {
            run.Check(buyerSiren is not null && IsSiren(buyerSiren.Norm()), Fr11, buyerSiren ?? v.Buyer?.Node ?? v.Root, buyerSiren);
        }

        var selfBilled = SelfBilledTypes.Contains(v.TypeCode.Text() ?? string.Empty);
        if (treatment == "B2B" && !selfBilled)
        {
            CheckB2BAddress(run, Fr21, v.Buyer, buyerSiren?.Value ?? string.Empty);
        }

        // The UBL Schematron asks it of any processing, not of B2B only.
        if (treatment.Length > 0 && selfBilled)
        {
            var sellerSiren = v.Seller?.LegalIds.FirstOrDefault(i => i.Attr("schemeID") == "0002");
            CheckB2BAddress(run, Fr22, v.Seller, sellerSiren?.Value ?? string.Empty);
        }

        var singleTaxable = v.Seller?.Identifiers.Any(i => i.Attr("schemeID") == "0231") == true;
        if (singleTaxable)
        {
            var txd = NoteValue(all, "TXD");
            run.Check(txd == "MEMBRE_ASSUJETTI_UNIQUE", FrCo14, v.Seller?.Node, txd);
        }
    }

    private static void CheckB2BAddress(RuleRun run, RuleDefinition rule, PartyView? party, string siren)
    {
        var address = party?.ElectronicAddress;
        var value = address?.Value ?? string.Empty;
        var scheme = address.Attr("schemeID");
        run.Check(value.StartsWith(siren, StringComparison.Ordinal) && scheme == "0225", rule, address ?? party?.Node, address, scheme, siren);
    }

    /// <summary>BR-FR-CO-14 in CII: a seller identifier with scheme 0231 requires the TXD note MEMBRE_ASSUJETTI_UNIQUE.</summary>
    private static void CheckCiiSingleTaxablePerson(RuleRun run, List<XElement> notes)
    {
        var v = run.View;
        var seller = v.Seller?.Node;
        if (seller is null || !seller.Elements(Namespaces.Ram + "GlobalID").Any(i => i.Attr("schemeID") == "0231"))
        {
            return;
        }

        var txd = notes.Where(n => n.Elements(Namespaces.Ram + "SubjectCode").Any(s => XmlValues.StringValue(s) == "TXD")).ToList();
        run.Check(txd.Elements(Namespaces.Ram + "Content").Any(c => XmlValues.StringValue(c) == "MEMBRE_ASSUJETTI_UNIQUE"), FrCo14, seller, txd.Elements(Namespaces.Ram + "Content").FirstOrDefault());
    }

    private static bool IsSiren(string? value) => value is { Length: 9 } && value.All(char.IsAsciiDigit);

    /// <summary>The text after "#CODE#" in the joined UBL notes, up to the next '#' (the UBL Schematron's reading).</summary>
    private static string NoteValue(string allNotes, string code)
    {
        var marker = "#" + code + "#";
        var at = allNotes.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return string.Empty;
        }

        var after = allNotes[(at + marker.Length)..];
        var end = after.IndexOf('#', StringComparison.Ordinal);
        return end < 0 ? after : after[..end];
    }

    /// <summary>Non-overlapping occurrences, as XPath's tokenize and replace count them.</summary>
    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
