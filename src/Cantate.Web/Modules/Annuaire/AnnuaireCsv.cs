using System.Text;

namespace Cantate.Web.Modules.Annuaire;

/// <summary>One line of the annuaire file: a public structure and one of its services (or none).</summary>
public sealed record AnnuaireRow(
    string Siret,
    string RaisonSociale,
    string? AddressLine,
    string? PostalCode,
    string? City,
    bool ServiceCodeRequired,
    bool EngagementRequired,
    bool ServiceOrEngagementRequired,
    bool PaymentStatusNotReported,
    bool IsActive,
    string? ServiceCode,
    string? ServiceLabel,
    bool ServiceEngagementRequired,
    bool ServiceIsActive)
{
    /// <summary>The structure's part of the line: every line of one SIRET must carry the same.</summary>
    public int StructureFingerprint() => HashCode.Combine(
        HashCode.Combine(RaisonSociale, AddressLine, PostalCode, City),
        HashCode.Combine(ServiceCodeRequired, EngagementRequired, ServiceOrEngagementRequired, PaymentStatusNotReported, IsActive));
}

/// <summary>
/// The annuaire exchange format: UTF-8 CSV (RFC 4180 quoting), a header line, one line per service of a public
/// structure; booleans are <c>true</c>/<c>false</c>. Import and export both use it, so an export imports back.
/// </summary>
public static class AnnuaireCsv
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "siret", "raison_sociale", "adresse", "code_postal", "ville", "code_service_obligatoire",
        "engagement_juridique_obligatoire", "service_ou_engagement", "statut_mise_en_paiement_non_remonte", "actif",
        "code_service", "libelle_service", "engagement_juridique_obligatoire_service", "service_actif",
    ];

    public static string Header => string.Join(',', Columns);

    public static string FormatBoolean(bool value) => value ? "true" : "false";

    /// <summary>true/false (any case); null for anything else.</summary>
    public static bool? ParseBoolean(ReadOnlySpan<char> value)
    {
        var trimmed = value.Trim();
        if (trimmed.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
        if (trimmed.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
        return null;
    }

    /// <summary>Writes one line (with its line break) in column order.</summary>
    public static void WriteRow(TextWriter writer, AnnuaireRow row)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(row);
        var hasService = !string.IsNullOrEmpty(row.ServiceCode);
        string?[] fields =
        [
            row.Siret, row.RaisonSociale, row.AddressLine, row.PostalCode, row.City,
            FormatBoolean(row.ServiceCodeRequired), FormatBoolean(row.EngagementRequired),
            FormatBoolean(row.ServiceOrEngagementRequired), FormatBoolean(row.PaymentStatusNotReported), FormatBoolean(row.IsActive),
            row.ServiceCode, row.ServiceLabel,
            hasService ? FormatBoolean(row.ServiceEngagementRequired) : null, hasService ? FormatBoolean(row.ServiceIsActive) : null,
        ];
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) writer.Write(',');
            writer.Write(Quote(fields[i]));
        }
        writer.Write('\n');
    }

    /// <summary>RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.</summary>
    public static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field)) return string.Empty;
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0 && field.Trim().Length == field.Length) return field;
        return new StringBuilder(field.Length + 2).Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
