using Cantate.Web.Modules.Invoices.Features.EnterInvoice;

namespace Cantate.Web.Modules.Invoices.Features.DepositPdf;

/// <summary>
/// The fields the portal asks beside a plain PDF, as typed: text, so that nothing typed fails binding. Read into a
/// <see cref="PdfInvoice"/>; what cannot be read is an error named by its field, in French.
/// </summary>
public sealed class PdfInvoiceForm
{
    public const string Prefix = "Pdf";

    public string? RecipientSiret { get; set; }
    public string? ServiceCode { get; set; }
    public string? EngagementNumber { get; set; }
    public string? Number { get; set; }
    public string? IssueDate { get; set; }
    public string? TotalWithoutVat { get; set; }
    public string? TotalVat { get; set; }
    public string? TotalWithVat { get; set; }
    public string? Currency { get; set; } = "EUR";

    /// <summary>The name of a field in the page, for its error.</summary>
    public static string Field(string property) => $"{Prefix}.{property}";

    public (PdfInvoice Invoice, Dictionary<string, string> Errors) Read()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        decimal? Amount(string property, string? text, string what)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var value = TypedValues.ParseNumber(text);
            if (value is null) errors[Field(property)] = $"{what} « {text} » n'est pas un montant : saisissez par exemple 1 250,50.";
            return value;
        }
        var date = TypedValues.ParseDate(IssueDate);
        if (date is null && !string.IsNullOrWhiteSpace(IssueDate))
            errors[Field(nameof(IssueDate))] = $"La date « {IssueDate} » n'est pas une date : saisissez-la au format JJ/MM/AAAA.";
        var invoice = new PdfInvoice
        {
            Number = Clean(Number),
            IssueDate = date,
            RecipientSiret = Clean(RecipientSiret),
            ServiceCode = Clean(ServiceCode),
            EngagementNumber = Clean(EngagementNumber),
            Currency = Clean(Currency)?.ToUpperInvariant(),
            TotalWithoutVat = Amount(nameof(TotalWithoutVat), TotalWithoutVat, "Le total hors taxes"),
            TotalVat = Amount(nameof(TotalVat), TotalVat, "Le total de la TVA"),
            TotalWithVat = Amount(nameof(TotalWithVat), TotalWithVat, "Le total TTC"),
        };
        return (invoice, errors);
    }

    /// <summary>The field a deposit problem is about (by its EN 16931 term); the recipient's SIRET for routing problems.</summary>
    public static string FieldOf(string? businessTerm) => Field(businessTerm switch
    {
        "BT-1" => nameof(Number),
        "BT-2" => nameof(IssueDate),
        "BT-5" => nameof(Currency),
        "BT-10" => nameof(ServiceCode),
        "BT-13" => nameof(EngagementNumber),
        "BT-109" => nameof(TotalWithoutVat),
        "BT-110" => nameof(TotalVat),
        "BT-112" or "BT-115" => nameof(TotalWithVat),
        _ => nameof(RecipientSiret),
    });

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
