using System.Globalization;
using Cantate.Invoicing.Model;

namespace Cantate.Invoicing.Rendering;

/// <summary>French wording and fr-FR formatting of invoice values, for documents read by a person.</summary>
public static class FrenchText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>An amount in fr-FR with 2 decimals and the currency: <c>1 234,50 €</c>.</summary>
    public static string Money(decimal? amount, string? currency) =>
        amount is null ? string.Empty : $"{Number(amount.Value, 2)} {CurrencySymbol(currency)}".TrimEnd();

    /// <summary>A number in fr-FR with at least <paramref name="minDecimals"/> decimals, keeping any further non-zero ones.</summary>
    public static string Number(decimal value, int minDecimals = 0)
    {
        var scale = Math.Max(minDecimals, Scale(value));
        // fr-FR groups digits with a narrow no-break space; a plain no-break space reads the same everywhere.
        return value.ToString("N" + scale.ToString(CultureInfo.InvariantCulture), French).Replace('\u202F', '\u00A0');
    }

    /// <summary>A rate in percent: <c>20 %</c>, <c>5,5 %</c>.</summary>
    public static string Percent(decimal? rate) => rate is null ? string.Empty : Number(rate.Value) + "\u00A0%";

    /// <summary>A date as <c>31/03/2026</c>.</summary>
    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The title of the document for its type code (BT-3).</summary>
    public static string Title(string? typeCode) => typeCode switch
    {
        "381" or "396" or "81" or "83" or "532" => "AVOIR",
        "384" => "FACTURE RECTIFICATIVE",
        "386" => "FACTURE D'ACOMPTE",
        "389" => "AUTOFACTURE",
        "261" or "262" => "AUTOFACTURE D'AVOIR",
        _ => "FACTURE",
    };

    /// <summary>The French name of a payment means code (UNTDID 4461, BT-81).</summary>
    public static string PaymentMeans(string? code) => code switch
    {
        null => string.Empty,
        "10" => "Espèces",
        "20" => "Chèque",
        "30" or "42" => "Virement",
        "31" => "Virement (débit)",
        "48" => "Carte bancaire",
        "49" => "Prélèvement",
        "54" => "Carte de crédit",
        "55" => "Carte de débit",
        "57" => "Ordre permanent",
        "58" => "Virement SEPA",
        "59" => "Prélèvement SEPA",
        "97" => "Compensation",
        "ZZZ" => "Convenu entre les parties",
        _ => "Moyen de paiement " + code,
    };

    /// <summary>The French name of a VAT category code (UNCL 5305).</summary>
    public static string VatCategory(string? code) => code switch
    {
        "S" => "Taux normal",
        "Z" => "Taux zéro",
        "E" => "Exonéré",
        "AE" => "Autoliquidation",
        "K" => "Livraison intracommunautaire",
        "G" => "Exportation hors UE",
        "O" => "Hors champ de la TVA",
        "L" => "IGIC (Canaries)",
        "M" => "IPSI (Ceuta, Melilla)",
        "B" => "TVA transférée",
        null => string.Empty,
        _ => code,
    };

    /// <summary>The French wording of an identifier scheme (ISO 6523 ICD / EAS).</summary>
    public static string Scheme(Identifier? id) => id?.SchemeId switch
    {
        "0002" => "SIREN",
        "0009" => "SIRET",
        "0088" => "GLN",
        "0225" => "Adresse électronique",
        "EM" => "Courriel",
        null => "Identifiant",
        _ => "Identifiant (" + id.SchemeId + ")",
    };

    private static string CurrencySymbol(string? currency) => currency switch
    {
        null or "EUR" => "€",
        _ => currency,
    };

    private static int Scale(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;
}
