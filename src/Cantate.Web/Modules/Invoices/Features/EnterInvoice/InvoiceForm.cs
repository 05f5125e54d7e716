using System.Globalization;
using System.Text.RegularExpressions;

namespace Cantate.Web.Modules.Invoices.Features.EnterInvoice;

/// <summary>
/// The "Saisir une facture" form as the supplier typed it. Every value is text, so that nothing typed can fail
/// model binding: each one is read and checked by <see cref="EnterInvoice"/>, which names the field in French.
/// A saved draft is this object as JSON.
/// </summary>
public sealed class InvoiceForm
{
    public const int MaxLines = 100;
    public const int MaxTextLength = 500;

    public string? Cadre { get; set; } = "A1";
    public string? TypeCode { get; set; } = "380";
    public string? Number { get; set; }
    public string? OriginalNumber { get; set; }
    public string? IssueDate { get; set; }
    public string? DueDate { get; set; }
    public string? RecipientSiret { get; set; }
    public string? ServiceCode { get; set; }
    public string? EngagementNumber { get; set; }
    /// <summary>A9/A12: the SIRET of the titulaire or mandataire who validates the invoice, and optionally its service.</summary>
    public string? ValidatorSiret { get; set; }
    public string? ValidatorServiceCode { get; set; }
    public string? SellerVatId { get; set; }
    public string? PaymentTerms { get; set; }
    public string? Iban { get; set; }
    public string? Bic { get; set; }
    public List<LineForm> Lines { get; set; } = [];
    public List<AttachmentForm> Attachments { get; set; } = [];

    public bool IsCreditNote => TypeCode == "381";

    /// <summary>Every field name with its value, the lines included: for the sizes check and the confirmation step's hidden fields.</summary>
    public IEnumerable<(string Name, string? Value)> Fields()
    {
        yield return (nameof(Cadre), Cadre);
        yield return (nameof(TypeCode), TypeCode);
        yield return (nameof(Number), Number);
        yield return (nameof(OriginalNumber), OriginalNumber);
        yield return (nameof(IssueDate), IssueDate);
        yield return (nameof(DueDate), DueDate);
        yield return (nameof(RecipientSiret), RecipientSiret);
        yield return (nameof(ServiceCode), ServiceCode);
        yield return (nameof(EngagementNumber), EngagementNumber);
        yield return (nameof(ValidatorSiret), ValidatorSiret);
        yield return (nameof(ValidatorServiceCode), ValidatorServiceCode);
        yield return (nameof(SellerVatId), SellerVatId);
        yield return (nameof(PaymentTerms), PaymentTerms);
        yield return (nameof(Iban), Iban);
        yield return (nameof(Bic), Bic);
        for (var i = 0; i < Lines.Count; i++)
        {
            foreach (var (name, value) in Lines[i].Fields()) yield return (LineField(i, name), value);
        }
        for (var i = 0; i < Attachments.Count; i++)
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"Attachments[{i}].Token"), Attachments[i].Token);
            yield return (string.Create(CultureInfo.InvariantCulture, $"Attachments[{i}].FileName"), Attachments[i].FileName);
        }
    }

    public static string LineField(int index, string name) => string.Create(CultureInfo.InvariantCulture, $"Lines[{index}].{name}");
}

/// <summary>One invoice line (BG-25) as typed.</summary>
public sealed class LineForm
{
    public string? Description { get; set; }
    public string? Quantity { get; set; }
    public string? Unit { get; set; } = "C62";
    public string? UnitPrice { get; set; }
    public string? Vat { get; set; } = "S-20";
    public string? ExemptionReason { get; set; }

    /// <summary>A line left empty is not a line: it is dropped instead of being refused.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Quantity) && string.IsNullOrWhiteSpace(UnitPrice);

    public IEnumerable<(string Name, string? Value)> Fields()
    {
        yield return (nameof(Description), Description);
        yield return (nameof(Quantity), Quantity);
        yield return (nameof(Unit), Unit);
        yield return (nameof(UnitPrice), UnitPrice);
        yield return (nameof(Vat), Vat);
        yield return (nameof(ExemptionReason), ExemptionReason);
    }
}

/// <summary>
/// A supporting document (BG-24) already received: its bytes are in the document store, and the token, protected by
/// the data-protection keys, says where and for which structure, so that nobody can point the form at another file.
/// </summary>
public sealed class AttachmentForm
{
    public string? Token { get; set; }
    public string? FileName { get; set; }
}

/// <summary>The choices the form offers, with their French labels.</summary>
public static class InvoiceFormChoices
{
    /// <summary>A9 and A12 go first to the titulaire or mandataire named in the form, who validates them.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Cadres =
    [
        ("A1", "A1 – Dépôt par un fournisseur d'une facture"),
        ("A2", "A2 – Dépôt par un fournisseur d'une facture déjà payée"),
        ("A9", "A9 – Dépôt par un sous-traitant d'une facture (validée par le titulaire)"),
        ("A12", "A12 – Dépôt par un cotraitant d'une facture (validée par le mandataire)"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> Types = [("380", "Facture"), ("381", "Avoir")];

    /// <summary>UN/ECE Recommendation 20 codes (BT-130).</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Units =
    [
        ("C62", "unité"), ("HUR", "heure"), ("DAY", "jour"), ("KGM", "kilogramme"), ("MTR", "mètre"), ("LTR", "litre"),
        ("MTK", "mètre carré"), ("MTQ", "mètre cube"), ("TNE", "tonne"), ("LS", "forfait"),
    ];

    /// <summary>VAT category (BT-151) and rate (BT-152), as "category-rate".</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> VatRates =
    [
        ("S-20", "20 %"), ("S-10", "10 %"), ("S-5.5", "5,5 %"), ("S-2.1", "2,1 %"),
        ("Z-0", "0 % – taux zéro (Z)"), ("E-0", "0 % – exonération (E), motif obligatoire"),
    ];

    public static (string Category, decimal Rate)? Vat(string? code) =>
        VatRates.Any(v => v.Code == code) && code!.Split('-') is [var category, var rate]
            ? (category, decimal.Parse(rate, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture))
            : null;

    public static string LabelOf(IReadOnlyList<(string Code, string Label)> choices, string? code) =>
        choices.FirstOrDefault(c => c.Code == code).Label ?? code ?? string.Empty;
}

/// <summary>Reading what people type: French or international decimals, dates, bank and tax identifiers.</summary>
public static partial class TypedValues
{
    /// <summary>"1 250,50", "1250.50", "1.250,50" and "1,250.50" are all 1250.50; null when it is not a number.</summary>
    public static decimal? ParseNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '\u202f' && c != '\u00a0' && c != '\''));
        var (comma, dot) = (s.LastIndexOf(','), s.LastIndexOf('.'));
        if (comma >= 0 && dot >= 0)
        {
            // The separator written last is the decimal one; the other groups thousands.
            s = comma > dot ? s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.') : s.Replace(",", "", StringComparison.Ordinal);
        }
        else
        {
            s = s.Replace(',', '.');
        }
        if (s.Count(c => c == '.') > 1 || s.Length > 30) return null;
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value : null;
    }

    public static int Decimals(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    /// <summary>A date as the date picker sends it (AAAA-MM-JJ) or as people write it (JJ/MM/AAAA).</summary>
    public static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;
    }

    public static string Compact(string? text) =>
        string.Concat((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();

    /// <summary>ISO 13616: country, two check digits, then the account; the check digits make the number 1 modulo 97.</summary>
    public static bool IsIban(string iban)
    {
        ArgumentNullException.ThrowIfNull(iban);
        if (!IbanShape().IsMatch(iban)) return false;
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder == 1;
    }

    public static bool IsBic(string bic) => BicShape().IsMatch(bic);

    public static bool IsVatId(string vatId) => VatIdShape().IsMatch(vatId);

    /// <summary>Chorus Pro accepts letters, digits and - _ / + in an invoice number.</summary>
    public static bool IsInvoiceNumber(string number) => NumberShape().IsMatch(number);

    /// <summary>The French VAT number of a SIREN: FR, a two-digit key (12 + 3 × (SIREN mod 97)) mod 97, the SIREN.</summary>
    public static string? FrenchVatIdOf(string? siret)
    {
        if (siret is not { Length: 14 } || !siret.All(char.IsAsciiDigit)) return null;
        var siren = long.Parse(siret[..9], CultureInfo.InvariantCulture);
        var key = (12 + 3 * (siren % 97)) % 97;
        return string.Create(CultureInfo.InvariantCulture, $"FR{key:00}{siret[..9]}");
    }

    [GeneratedRegex("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")]
    private static partial Regex IbanShape();

    [GeneratedRegex("^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$")]
    private static partial Regex BicShape();

    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{2,13}$")]
    private static partial Regex VatIdShape();

    [GeneratedRegex("^[A-Za-z0-9_/+-]+$")]
    private static partial Regex NumberShape();
}
