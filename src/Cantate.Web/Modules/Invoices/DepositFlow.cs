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
}

/// <summary>
/// One deposit (a file, or a batch of files) with its number and deposit certificate. The deposited bytes are on
/// durable storage before the flow is acknowledged; processing happens afterwards, from the outbox.
/// </summary>
public sealed class DepositFlow
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>numeroFluxDepot, shown to the supplier and used by API clients to poll.</summary>
    public required string Number { get; init; }
    public Guid SupplierStructureId { get; init; }
    public Guid? DepositedByUserId { get; init; }
    /// <summary>PORTAIL, API or EDI.</summary>
    public required string Channel { get; init; }
    /// <summary>syntaxeFlux: IN_DP_E1_UBL_INVOICE, IN_DP_E1_CII_16B, IN_DP_E2_CII_FACTURX, ...</summary>
    public required string Syntax { get; init; }
    public required string FileName { get; init; }
    public long Size { get; init; }
    /// <summary>SHA-256 of the deposited bytes, hex: the deposit certificate's fingerprint.</summary>
    public required string Sha256 { get; init; }
    public required string StoragePath { get; init; }
    public DateTime ReceivedAt { get; init; }
    public FlowStatus Status { get; set; } = FlowStatus.InRecu;
    public DateTime? ProcessedAt { get; set; }
    /// <summary>The detailed report, per invoice, as JSON (rule, field, message).</summary>
    public string? Report { get; set; }
}
