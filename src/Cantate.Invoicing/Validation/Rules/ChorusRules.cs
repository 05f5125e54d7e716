using static Cantate.Invoicing.Validation.Rules.RuleDefinition;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// Chorus Pro (B2G) controls printed as CIUS notes in the Factur-X specification: invoice number length,
/// refused type codes, public buyer SIRET, mono-currency.
/// </summary>
internal static class ChorusRules
{
    private static readonly RuleDefinition Number = Fatal("CHORUS-BT-1", "BT-1", "Le numéro de facture (BT-1 = {0}) dépasse 20 caractères ({1}), limite de Chorus Pro.", "The invoice number (BT-1 = {0}) is longer than the 20 characters Chorus Pro accepts ({1}).");
    private static readonly RuleDefinition TypeCode = Fatal("CHORUS-BT-3", "BT-3", "Chorus Pro refuse le type de document {0} (751, 389 et 261 ne sont pas acceptés).", "Chorus Pro refuses document type code {0} (751, 389 and 261 are not accepted).");
    private static readonly RuleDefinition Siret = Fatal("CHORUS-BT-47", "BT-47", "L'acheteur public doit être identifié par son SIRET (BT-47 avec le schéma 0009, ou identifiant de l'acheteur BT-46).", "The public buyer must be identified by its SIRET (BT-47 with scheme 0009, or Buyer identifier BT-46).");
    private static readonly RuleDefinition Currency = Fatal("CHORUS-BT-6", "BT-6", "Chorus Pro n'accepte que les factures mono-devise : la devise de TVA (BT-6 = {0}) doit être absente ou égale à la devise de la facture (BT-5 = {1}).", "Chorus Pro accepts mono-currency invoices only: the VAT accounting currency (BT-6 = {0}) must be absent or equal to the invoice currency (BT-5 = {1}).");

    public static void Check(RuleRun run)
    {
        var v = run.View;
        var id = v.Id?.Value.Trim() ?? string.Empty;
        run.Check(id.Length <= 20, Number, v.Id, id, id.Length);

        var type = v.TypeCode.Norm();
        run.Check(type is not ("751" or "389" or "261"), TypeCode, v.TypeCode, type);

        var buyer = v.Buyer;
        var hasSiret = buyer is not null && (
            buyer.LegalIds.Any(i => i.Attr("schemeID") == "0009" && IsSiret(i.Value))
            || buyer.Identifiers.Any(i => i.Attr("schemeID") is "0009" or null && IsSiret(i.Value)));
        run.Check(hasSiret, Siret, buyer?.Node ?? v.Root);

        foreach (var taxCurrency in v.TaxCurrencies)
        {
            run.Check(taxCurrency.Norm() == v.Currency.Norm(), Currency, taxCurrency, taxCurrency, v.Currency);
        }
    }

    private static bool IsSiret(string value)
    {
        var s = value.Trim();
        return s.Length == 14 && s.All(char.IsAsciiDigit);
    }
}
