using System.Text.Json;
using System.Text.Json.Serialization;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;

namespace Cantate.Web.Modules.Invoices;

/// <summary>States of a deposit flow (etatCourantDepotFlux).</summary>
public enum FlowStatus
{
    InRecu,
    InEnCoursTraitement,
    InIntegre,
    InIntegrePartiel,
    InRejete,
}

public static class FlowStatuses
{
    public static string Code(this FlowStatus status) => status switch
    {
        FlowStatus.InRecu => "IN_RECU",
        FlowStatus.InEnCoursTraitement => "IN_EN_COURS_TRAITEMENT",
        FlowStatus.InIntegre => "IN_INTEGRE",
        FlowStatus.InIntegrePartiel => "IN_INTEGRE_PARTIEL",
        FlowStatus.InRejete => "IN_REJETE",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Label(this FlowStatus status) => status switch
    {
        FlowStatus.InRecu => "Reçu",
        FlowStatus.InEnCoursTraitement => "En cours de traitement",
        FlowStatus.InIntegre => "Intégré",
        FlowStatus.InIntegrePartiel => "Intégré partiellement",
        FlowStatus.InRejete => "Rejeté",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>IN_INTEGRE, IN_INTEGRE_PARTIEL and IN_REJETE: API clients stop polling there.</summary>
    public static bool IsFinal(this FlowStatus status) => status switch
    {
        FlowStatus.InIntegre or FlowStatus.InIntegrePartiel or FlowStatus.InRejete => true,
        FlowStatus.InRecu or FlowStatus.InEnCoursTraitement => false,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>
/// One deposit (a file, or a batch of files) with its number and deposit certificate. The deposited bytes are on
/// durable storage before the flow is acknowledged; its invoices are checked afterwards, and the flow then takes its
/// final state with the report of each invoice.
/// </summary>
public sealed class DepositFlow
{
    private FlowStatus _status = FlowStatus.InRecu;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>numeroFluxDepot, shown to the supplier and used by API clients to poll.</summary>
    public required string Number { get; init; }
    public Guid SupplierStructureId { get; init; }
    public Guid? DepositedByUserId { get; init; }
    /// <summary>Who deposited, as the invoices' history names them: a user, or the technical account of an API client.</summary>
    public string? DepositedBy { get; init; }
    /// <summary>PORTAIL, API or EDI.</summary>
    public required string Channel { get; init; }
    /// <summary>syntaxeFlux: IN_DP_E1_UBL_INVOICE, IN_DP_E1_CII_16B, IN_DP_E2_CII_FACTURX... as the depositor declared it.</summary>
    public required string Syntax { get; init; }
    public required string FileName { get; init; }
    public long Size { get; init; }
    /// <summary>SHA-256 of the deposited bytes, hex: the deposit certificate's fingerprint.</summary>
    public required string Sha256 { get; init; }
    public required string StoragePath { get; init; }
    public DateTime ReceivedAt { get; init; }

    /// <summary>
    /// etatCourantDepotFlux. The final state is decided once, when the flow's invoices were checked (<see cref="Finish"/>):
    /// later work on one of its invoices (routing sets IN_INTEGRE) cannot change what the flow's report says.
    /// </summary>
    public FlowStatus Status
    {
        get => _status;
        set
        {
            if (!_status.IsFinal()) _status = value;
        }
    }

    public DateTime? ProcessedAt { get; set; }
    /// <summary>The detailed report, per invoice, as JSON (<see cref="FlowReport"/>).</summary>
    public string? Report { get; set; }

    /// <summary>The flow's invoices were checked: its final state and its report.</summary>
    public void Finish(FlowReport report, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (_status.IsFinal()) throw new InvalidOperationException($"The flow {Number} is already {_status.Code()}.");
        _status = report.Status;
        ProcessedAt = now;
        Report = report.ToJson();
    }

    public FlowReport ReadReport() => FlowReport.Read(Report);
}

/// <summary>What checking a flow found: each invoice with its result, and the problems of the flow itself.</summary>
public sealed record FlowReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public IReadOnlyList<FlowReportEntry> Invoices { get; init; } = [];
    /// <summary>Problems that concern the whole flow (an unreadable or hostile archive): then no invoice was read.</summary>
    public IReadOnlyList<DepositProblem> Errors { get; init; } = [];

    [JsonIgnore]
    public int AcceptedCount => Invoices.Count(i => i.Accepted);

    /// <summary>IN_INTEGRE when every invoice is accepted, IN_REJETE when none is, IN_INTEGRE_PARTIEL otherwise.</summary>
    [JsonIgnore]
    public FlowStatus Status => AcceptedCount == 0 ? FlowStatus.InRejete
        : AcceptedCount == Invoices.Count && Errors.Count == 0 ? FlowStatus.InIntegre
        : FlowStatus.InIntegrePartiel;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static FlowReport Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new FlowReport();
        try
        {
            return JsonSerializer.Deserialize<FlowReport>(json, Json) ?? new FlowReport();
        }
        catch (JsonException)
        {
            return new FlowReport();
        }
    }
}

/// <summary>One file of a flow: the invoice it holds (when it could be read) and why it was refused, if it was.</summary>
public sealed record FlowReportEntry
{
    public string FileName { get; init; } = string.Empty;
    [JsonPropertyName("numero")]
    public string? Number { get; init; }
    public string? SupplierSiret { get; init; }
    public string? RecipientSiret { get; init; }
    public decimal? TotalWithVat { get; init; }
    public string? Currency { get; init; }
    /// <summary>The invoice created, when the file was accepted.</summary>
    public Guid? InvoiceId { get; init; }
    public IReadOnlyList<DepositProblem> Problems { get; init; } = [];
    public IReadOnlyList<DepositProblem> Warnings { get; init; } = [];

    [JsonIgnore]
    public bool Accepted => InvoiceId is not null;
}
