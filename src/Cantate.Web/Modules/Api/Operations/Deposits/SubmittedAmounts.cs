using System.Globalization;
using Cantate.Invoicing.Model;
using Cantate.Web.Modules.Api.Gateway;

namespace Cantate.Web.Modules.Api.Operations.Deposits;

using Invoice = Cantate.Invoicing.Model.Invoice;

/// <summary>
/// Compares the amounts a SAISIE_API client sent (ligneTva, montantTotal) with those computed from its lines, to the
/// cent, and sets what is already paid (A2, or a montantAPayer below the total).
/// </summary>
public static class SubmittedAmounts
{
    private const decimal Tolerance = 0.01m;

    public static void Check(CproRequest request, SubmittedInvoice submitted, Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(submitted);
        ArgumentNullException.ThrowIfNull(invoice);
        var errors = new List<string>();
        var breakdowns = invoice.VatBreakdowns.ToList();
        foreach (var line in request.Children("ligneTva"))
        {
            // A line without its rate (php sends both rate fields null) is the breakdown of its base.
            var rate = line.Number("ligneTvaTauxManuel") ?? Rate(line.Text("ligneTvaTaux"));
            var computed = rate is not null ? breakdowns.FirstOrDefault(b => (b.Rate ?? 0m) == rate)
                : breakdowns.Count == 1 ? breakdowns[0]
                : breakdowns.FirstOrDefault(b => line.Number("ligneTvaMontantBaseHtParTaux") is { } given && Math.Abs(given - (b.TaxableAmount ?? 0m)) <= Tolerance);
            if (computed is null)
            {
                errors.Add(rate is null
                    ? $"{line.Qualified("ligneTvaTauxManuel")} : indiquez le taux de cette ligne de TVA"
                    : $"{line.Qualified("ligneTvaTauxManuel")} : aucune ligne de la facture n'est au taux de {Show(rate)} %");
                continue;
            }
            rate ??= computed.Rate ?? 0m;
            Compare(errors, line, "ligneTvaMontantBaseHtParTaux", computed.TaxableAmount, $"la base hors taxes au taux de {Show(rate)} %");
            Compare(errors, line, "ligneTvaMontantTvaParTaux", computed.TaxAmount, $"la TVA au taux de {Show(rate)} %");
        }
        var totals = request.Child("montantTotal") ?? CproRequest.EmptyRequest;
        var computedTotals = invoice.Totals!;
        Compare(errors, totals, "montantHtTotal", computedTotals.TaxExclusiveAmount, "le total hors taxes");
        Compare(errors, totals, "montantTVA", computedTotals.VatTotal, "le total de la TVA");
        Compare(errors, totals, "montantTtcTotal", computedTotals.TaxInclusiveAmount, "le total TTC");
        if (submitted.Totals.GlobalDiscountWithVat is { } discount && discount != 0m)
            errors.Add("montantTotal.montantRemiseGlobaleTTC : une remise globale TTC ne peut pas être portée par une facture EN 16931 ; appliquez-la aux lignes (lignePosteMontantRemiseHT)");
        if (errors.Count > 0)
        {
            throw new CproException(CproCodes.InvoiceRefused,
                "La synthèse de la facture ne correspond pas à ses lignes : " + string.Join(" ; ", errors) + ". Corrigez les montants puis renvoyez la facture.");
        }

        var total = computedTotals.TaxInclusiveAmount ?? 0m;
        var due = submitted.Totals.Due;
        if (submitted.Cadre == "A2")
        {
            if (due is { } d && d != 0m)
                throw new CproException(CproCodes.InvoiceRefused, "Une facture déjà payée (cadre A2) n'a rien à payer : montantTotal.montantAPayer doit valoir 0.");
            computedTotals.PaidAmount = total;
        }
        else if (due is { } d && d != total)
        {
            if (d < 0m || d > total)
                throw new CproException(CproCodes.InvoiceRefused, $"montantTotal.montantAPayer ({Show(d)}) doit être compris entre 0 et le total TTC ({Show(total)}).");
            computedTotals.PaidAmount = total - d;
        }
        InvoiceTotals.Apply(invoice);
    }

    /// <summary>A rate written as text: "20", "5.5", "5,5", "20 %".</summary>
    public static decimal? Rate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var cleaned = text.Replace("%", "", StringComparison.Ordinal).Replace(',', '.').Trim();
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) ? rate : null;
    }

    private static void Compare(List<string> errors, CproRequest request, string field, decimal? computed, string what)
    {
        if (request.Number(field) is not { } given || Math.Abs(given - (computed ?? 0m)) <= Tolerance) return;
        errors.Add($"{request.Qualified(field)} : {what} calculé(e) d'après les lignes vaut {Show(computed ?? 0m)}, la requête indique {Show(given)}");
    }

    private static string Show(decimal? amount) => amount?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";
}
