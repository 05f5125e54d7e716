using System.Globalization;
using Cantate.Sirene;
using Cantate.Web.Modules.Invoices.Features.EnterInvoice;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;

namespace Cantate.Web.Modules.Invoices.Features.DepositPdf;

/// <summary>
/// What the supplier types beside a plain PDF invoice (not Factur-X): the PDF is only an image of the invoice, so
/// the routing data and the amounts come from these fields. Each problem names the EN 16931 term of its field, so
/// that the portal and the API can each name it in their own words.
/// </summary>
public sealed record PdfInvoice
{
    public string? Number { get; init; }
    public DateOnly? IssueDate { get; init; }
    /// <summary>380 invoice, 381 credit note.</summary>
    public string TypeCode { get; init; } = "380";
    /// <summary>A1 or A2 (already paid).</summary>
    public string Cadre { get; init; } = "A1";
    public string? RecipientSiret { get; init; }
    public string? ServiceCode { get; init; }
    public string? EngagementNumber { get; init; }
    public string? Currency { get; init; } = "EUR";
    public decimal? TotalWithoutVat { get; init; }
    public decimal? TotalVat { get; init; }
    public decimal? TotalWithVat { get; init; }
    /// <summary>Net à payer; the total with VAT when not given (nothing for an invoice already paid).</summary>
    public decimal? AmountDue { get; init; }

    public decimal Due => AmountDue ?? (Cadre == "A2" ? 0m : TotalWithVat ?? 0m);

    /// <summary>The fields' own rules (what the directory and the duplicates say is checked by <see cref="DepositPdf"/>).</summary>
    public IReadOnlyList<DepositProblem> Check()
    {
        var problems = new List<DepositProblem>();
        void Add(string rule, string term, string message) => problems.Add(new DepositProblem(rule, term, "", message));

        if (string.IsNullOrWhiteSpace(Number)) Add("PDF-NUMERO", "BT-1", "Le numéro de la facture est obligatoire : recopiez celui qui figure sur le PDF.");
        else if (Number.Length > 20) Add("PDF-NUMERO", "BT-1", $"Le numéro de la facture ne doit pas dépasser 20 caractères (il en compte {Number.Length}).");
        else if (!TypedValues.IsInvoiceNumber(Number)) Add("PDF-NUMERO", "BT-1", "Le numéro de la facture ne peut contenir que des lettres sans accent, des chiffres et les signes - _ / +.");
        if (IssueDate is null) Add("PDF-DATE", "BT-2", "La date de la facture est obligatoire : recopiez celle qui figure sur le PDF.");
        var siret = SiretRules.Normalize(RecipientSiret);
        if (siret.Length == 0) Add("PDF-DESTINATAIRE", "BT-47", "Le SIRET du destinataire est obligatoire : indiquez celui de la structure publique à qui la facture est adressée.");
        else if (siret.Length != 14 || !siret.All(char.IsAsciiDigit)) Add("PDF-DESTINATAIRE", "BT-47", $"Le SIRET du destinataire « {RecipientSiret} » doit compter 14 chiffres.");
        if (ServiceCode is { Length: > 100 }) Add("PDF-SERVICE", "BT-10", $"Le code service ne doit pas dépasser 100 caractères (il en compte {ServiceCode.Length}).");
        if (EngagementNumber is { Length: > 50 }) Add("PDF-EJ", "BT-13", $"Le numéro d'engagement juridique ne doit pas dépasser 50 caractères (il en compte {EngagementNumber.Length}).");
        if (Currency is not { Length: 3 } || !Currency.All(char.IsAsciiLetterUpper))
            Add("PDF-DEVISE", "BT-5", $"La devise « {Currency} » doit être un code ISO 4217 de trois lettres majuscules (par exemple EUR).");
        CheckAmount(problems, "BT-109", TotalWithoutVat, "Le montant total hors taxes");
        CheckAmount(problems, "BT-110", TotalVat, "Le montant total de la TVA");
        CheckAmount(problems, "BT-112", TotalWithVat, "Le montant total TTC");
        if (TotalWithoutVat is { } ht && TotalVat is { } vat && TotalWithVat is { } ttc && ht + vat != ttc)
            Add("PDF-MONTANTS", "BT-112", string.Create(CultureInfo.GetCultureInfo("fr-FR"),
                $"Le total TTC ({ttc:N2}) doit être égal au total hors taxes ({ht:N2}) plus la TVA ({vat:N2}), soit {ht + vat:N2}."));
        if (AmountDue is { } due && (due < 0m || (TotalWithVat is { } total && due > total)))
            Add("PDF-NET-A-PAYER", "BT-115", "Le net à payer doit être compris entre zéro et le total TTC.");
        return problems;
    }

    private static void CheckAmount(List<DepositProblem> problems, string term, decimal? amount, string what)
    {
        if (amount is null) problems.Add(new DepositProblem("PDF-MONTANT", term, "", $"{what} est obligatoire : recopiez-le depuis le PDF."));
        else if (amount < 0m) problems.Add(new DepositProblem("PDF-MONTANT", term, "", $"{what} ne peut pas être négatif ; pour un remboursement, déposez un avoir."));
        else if (amount != Math.Round(amount.Value, 2)) problems.Add(new DepositProblem("PDF-MONTANT", term, "", $"{what} compte plus de deux décimales."));
        else if (amount > 999_999_999_999m) problems.Add(new DepositProblem("PDF-MONTANT", term, "", $"{what} dépasse 999 999 999 999."));
    }
}
