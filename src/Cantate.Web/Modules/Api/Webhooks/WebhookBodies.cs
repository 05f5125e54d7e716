using System.Text.Encodings.Web;
using System.Text.Json;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Webhooks;

/// <summary>
/// The JSON body POSTed to a subscription; the same bytes on every attempt. <c>id</c> is the delivery's, also in the
/// Cantate-Delivery header: receivers ignore an id they already handled.
/// </summary>
public sealed record WebhookBody(Guid Id, string Type, string Date, WebhookStructure Structure, object Data);

public sealed record WebhookStructure(int IdStructureCPP, string Siret);

/// <summary>The <c>data</c> of a flux.traite notification.</summary>
public sealed record FlowProcessed(string NumeroFluxDepot, string EtatCourantDepotFlux, string DateDepot, int NombreFactures, int NombreFacturesIntegrees,
    IReadOnlyList<FlowInvoiceReport> Rapport);

/// <summary>One invoice of the flow: its number (numeroDP), its idFacture once integrated, and why it was refused.</summary>
public sealed record FlowInvoiceReport(string NumeroDP, int? IdFacture, IReadOnlyList<FlowError> Erreurs);

public sealed record FlowError(string? Code, string? Champ, string Message);

public static class WebhookBodies
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(WebhookBody body) => JsonSerializer.Serialize(body, Json);

    /// <summary>The result of a flow in its final state, with its invoices; null when the flow is gone.</summary>
    public static async Task<FlowProcessed?> FlowAsync(CantateDbContext db, Guid flowId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var flow = await db.DepositFlows.AsNoTracking().FirstOrDefaultAsync(f => f.Id == flowId, cancellationToken);
        if (flow is null) return null;
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.FlowId == flowId).Select(i => new { i.Number, i.CppId }).ToListAsync(cancellationToken);
        var report = ReadReport(flow.Report);
        report.AddRange(invoices.Where(i => !report.Exists(r => r.NumeroDP == i.Number)).Select(i => new FlowInvoiceReport(i.Number, null, [])));
        var items = report.Select(r => r with { IdFacture = invoices.Find(i => i.Number == r.NumeroDP)?.CppId }).ToList();
        return new FlowProcessed(flow.Number, flow.Status.Code(), CproDates.Timestamp(flow.ReceivedAt), items.Count, invoices.Count, items);
    }

    /// <summary>
    /// Reads the per-invoice report the deposit stored with the flow. It is read leniently (a few names for each part)
    /// so that every channel's report (portal, API, EDI batches) gives its invoice numbers and errors.
    /// </summary>
    private static List<FlowInvoiceReport> ReadReport(string? json)
    {
        var items = new List<FlowInvoiceReport>();
        if (string.IsNullOrWhiteSpace(json)) return items;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || Property(document.RootElement, "invoices", "factures") is not { ValueKind: JsonValueKind.Array } list) return items;
            foreach (var item in list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                var errors = Property(item, "erreurs", "errors", "problems") is { ValueKind: JsonValueKind.Array } e
                    ? e.EnumerateArray().Select(Error).ToList() : [];
                items.Add(new FlowInvoiceReport(Text(item, "numeroDP", "numero", "number") ?? string.Empty, null, errors));
            }
        }
        catch (JsonException)
        {
            // A report that is not JSON has nothing to say per invoice; the counts still come from the invoices.
        }
        return items;
    }

    private static FlowError Error(JsonElement e) => e.ValueKind == JsonValueKind.Object
        ? new FlowError(Text(e, "code", "rule", "regle"), Text(e, "champ", "businessTerm", "field"), Text(e, "message", "libelle", "messageFr") ?? e.GetRawText())
        : new FlowError(null, null, e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText());

    private static JsonElement? Property(JsonElement element, params string[] names)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (names.Any(n => string.Equals(n, property.Name, StringComparison.OrdinalIgnoreCase))) return property.Value;
        }
        return null;
    }

    private static string? Text(JsonElement element, params string[] names) =>
        Property(element, names) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;
}
