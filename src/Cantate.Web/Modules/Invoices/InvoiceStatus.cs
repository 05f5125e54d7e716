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
    /// <summary>A9/A12: waits for the titulaire or mandataire (the valideur) before going to the recipient.</summary>
    AValider1,
    /// <summary>The valideur refused the invoice; it goes no further.</summary>
    Refusee1,
    /// <summary>The valideur says it is not the right one: the supplier designates another.</summary>
    ErreurFournisseurSurValideur,
    /// <summary>The valideur validated the invoice; it leaves for its recipient.</summary>
    Validee1,
    /// <summary>The valideur did not act within the delay: validation is tacit and the invoice leaves for its recipient.</summary>
    AbsenceValidation1HorsDelai,
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
        InvoiceStatus.AValider1 => "A_VALIDER_1",
        InvoiceStatus.Refusee1 => "REFUSEE_1",
        InvoiceStatus.ErreurFournisseurSurValideur => "ERREUR_FOURNISSEUR_SUR_VALIDEUR",
        InvoiceStatus.Validee1 => "VALIDEE_1",
        InvoiceStatus.AbsenceValidation1HorsDelai => "ABSENCE_VALIDATION_1_HORS_DELAI",
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
        InvoiceStatus.AValider1 => "À valider",
        InvoiceStatus.Refusee1 => "Refusée par le valideur",
        InvoiceStatus.ErreurFournisseurSurValideur => "Erreur de valideur",
        InvoiceStatus.Validee1 => "Validée",
        InvoiceStatus.AbsenceValidation1HorsDelai => "Validée tacitement (hors délai)",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The statuses a recipient may set (Chorus Pro's traiter/recue).</summary>
    public static IReadOnlyList<InvoiceStatus> SetByRecipient { get; } =
    [
        InvoiceStatus.ARecycler, InvoiceStatus.Rejetee, InvoiceStatus.Suspendue, InvoiceStatus.ServiceFait, InvoiceStatus.Mandatee,
        InvoiceStatus.MiseADispositionComptable, InvoiceStatus.Comptabilisee, InvoiceStatus.MiseEnPaiement,
    ];

    /// <summary>The statuses of the validation circuit (A9/A12), as a valideur sees them (recuperer/statutsFactureVisibles/valideur).</summary>
    public static IReadOnlyList<InvoiceStatus> ValidationCircuit { get; } =
    [
        InvoiceStatus.AValider1, InvoiceStatus.Refusee1, InvoiceStatus.ErreurFournisseurSurValideur, InvoiceStatus.Validee1,
        InvoiceStatus.AbsenceValidation1HorsDelai,
    ];
}
