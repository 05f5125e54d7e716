namespace Cantate.Web.Modules.Invoices;

/// <summary>Statuses of an invoice, with the codes of the Chorus Pro API (IStatutFacture).</summary>
public enum InvoiceStatus
{
    Deposee,
    EnCoursAcheminement,
    MiseADisposition,
    ARecycler,
    Suspendue,
    Completee,
    Rejetee,
    ServiceFait,
    Mandatee,
    MiseADispositionComptable,
    Comptabilisee,
    MiseEnPaiement,
}

public static class InvoiceStatuses
{
    public static string Code(this InvoiceStatus status) => status switch
    {
        InvoiceStatus.Deposee => "DEPOSEE",
        InvoiceStatus.EnCoursAcheminement => "EN_COURS_ACHEMINEMENT",
        InvoiceStatus.MiseADisposition => "MISE_A_DISPOSITION",
        InvoiceStatus.ARecycler => "A_RECYCLER",
        InvoiceStatus.Suspendue => "SUSPENDUE",
        InvoiceStatus.Completee => "COMPLETEE",
        InvoiceStatus.Rejetee => "REJETEE",
        InvoiceStatus.ServiceFait => "SERVICE_FAIT",
        InvoiceStatus.Mandatee => "MANDATEE",
        InvoiceStatus.MiseADispositionComptable => "MISE_A_DISPOSITION_COMPTABLE",
        InvoiceStatus.Comptabilisee => "COMPTABILISEE",
        InvoiceStatus.MiseEnPaiement => "MISE_EN_PAIEMENT",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static InvoiceStatus? FromCode(string? code) =>
        Enum.GetValues<InvoiceStatus>().Cast<InvoiceStatus?>().FirstOrDefault(s => s!.Value.Code() == code);

    public static string Label(this InvoiceStatus status) => status switch
    {
        InvoiceStatus.Deposee => "Déposée",
        InvoiceStatus.EnCoursAcheminement => "En cours d'acheminement",
        InvoiceStatus.MiseADisposition => "Mise à disposition",
        InvoiceStatus.ARecycler => "À recycler",
        InvoiceStatus.Suspendue => "Suspendue",
        InvoiceStatus.Completee => "Complétée",
        InvoiceStatus.Rejetee => "Rejetée",
        InvoiceStatus.ServiceFait => "Service fait",
        InvoiceStatus.Mandatee => "Mandatée",
        InvoiceStatus.MiseADispositionComptable => "Mise à disposition du comptable",
        InvoiceStatus.Comptabilisee => "Comptabilisée",
        InvoiceStatus.MiseEnPaiement => "Mise en paiement",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The statuses a recipient may set (Chorus Pro's traiter/recue).</summary>
    public static IReadOnlyList<InvoiceStatus> SetByRecipient { get; } =
    [
        InvoiceStatus.ARecycler, InvoiceStatus.Rejetee, InvoiceStatus.Suspendue, InvoiceStatus.ServiceFait, InvoiceStatus.Mandatee,
        InvoiceStatus.MiseADispositionComptable, InvoiceStatus.Comptabilisee, InvoiceStatus.MiseEnPaiement,
    ];
}
