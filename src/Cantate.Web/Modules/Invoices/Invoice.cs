using Cantate.Web.Persistence;

namespace Cantate.Web.Modules.Invoices;

/// <summary>Who changed an invoice.</summary>
public enum InvoiceActorKind
{
    Systeme,
    Fournisseur,
    Destinataire,
    /// <summary>The titulaire or mandataire who validates an A9/A12 invoice.</summary>
    Valideur,
}

/// <summary>One entry of an invoice's history: every status change and every user action.</summary>
public sealed class InvoiceEvent
{
    public long Id { get; init; }
    public Guid InvoiceId { get; init; }
    public InvoiceStatus Status { get; init; }
    /// <summary>What happened: the status set, or an action (ACQUITTEMENT_REJET, COMPLEMENT...).</summary>
    public required string Action { get; init; }
    public InvoiceActorKind ActorKind { get; init; }
    public Guid? ActorId { get; init; }
    public required string ActorName { get; init; }
    public DateTime At { get; init; }
    public string? Comment { get; init; }
}

/// <summary>Thrown when an invoice is asked for a change its status does not allow; the message is for the user.</summary>
public sealed class InvoiceTransitionException(string message) : InvalidOperationException(message);

/// <summary>
/// The invoice after deposit, from the supplier to its public recipient. Its methods are the only way to change
/// its status: each one checks the transition is allowed from the current status and records it in the history.
/// </summary>
public sealed partial class Invoice : IHasCppId
{
    public const int MaxReasonLength = 255;
    /// <summary>The history action of a download by the recipient (Chorus Pro's TELECHARGEMENT_FACTURE).</summary>
    public const string DownloadAction = "TELECHARGEMENT_FACTURE";
    private static readonly InvoiceStatus[] RecipientProcessingOrder =
    [
        InvoiceStatus.ServiceFait, InvoiceStatus.Mandatee, InvoiceStatus.MiseADispositionComptable,
        InvoiceStatus.Comptabilisee, InvoiceStatus.MiseEnPaiement,
    ];

    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>identifiantFactureCPP (idFacture) in the API.</summary>
    public int CppId { get; set; }
    public Guid FlowId { get; init; }
    public Guid SupplierStructureId { get; init; }
    /// <summary>The recipient's structure; set once routing found it.</summary>
    public Guid? RecipientStructureId { get; private set; }
    /// <summary>BT-1, at most 20 characters, unique per supplier.</summary>
    public required string Number { get; init; }
    /// <summary>380 invoice, 381 credit note... (BT-3).</summary>
    public required string TypeCode { get; init; }
    /// <summary>Cadre de facturation (BT-23): A1, A2...</summary>
    public required string Cadre { get; init; }
    public DateOnly IssueDate { get; init; }
    public DateOnly? DueDate { get; init; }
    public required string Currency { get; init; }
    public decimal TotalWithoutVat { get; init; }
    public decimal TotalVat { get; init; }
    public decimal TotalWithVat { get; init; }
    public decimal AmountDue { get; init; }
    public required string SupplierName { get; init; }
    public required string RecipientSiret { get; set; }
    public string? RecipientName { get; set; }
    /// <summary>Code of the service exécutant (BT-10).</summary>
    public string? ServiceCode { get; private set; }
    /// <summary>Numéro d'engagement juridique (BT-13).</summary>
    public string? EngagementNumber { get; private set; }
    /// <summary>A9/A12: the structure that validates the invoice before its recipient sees it (titulaire or mandataire).</summary>
    public Guid? ValidatorStructureId { get; private set; }
    /// <summary>A9/A12: the valideur's SIRET (codeStructureValideur).</summary>
    public string? ValidatorSiret { get; private set; }
    /// <summary>A9/A12: the valideur's raison sociale, as it was when designated.</summary>
    public string? ValidatorName { get; private set; }
    /// <summary>A9/A12: the valideur's service (codeServiceValideur), if the supplier named one.</summary>
    public string? ValidatorServiceCode { get; private set; }
    /// <summary>A9/A12: when the valideur validated the invoice, or when the delay ran out (dateValidation1).</summary>
    public DateTime? ValidatedAt { get; private set; }
    /// <summary>A9/A12 refused: the code of the reason the valideur chose (<see cref="ValidatorRefusalReasons"/>), if any.</summary>
    public string? ValidatorRefusalCode { get; private set; }
    /// <summary>Where the deposited document is stored, relative to the documents root.</summary>
    public required string DocumentPath { get; init; }
    /// <summary>UBL-Invoice, UBL-CreditNote, CII or FACTURX.</summary>
    public required string Syntax { get; init; }
    public InvoiceStatus Status { get; private set; } = InvoiceStatus.Deposee;
    public DateTime DepositedAt { get; init; }
    public DateTime StatusChangedAt { get; private set; }
    public DateTime? RejectionAcknowledgedAt { get; private set; }
    /// <summary>modeDepot as Chorus Pro names it (SAISIE_PORTAIL, UPLOAD_PORTAIL, DEPOT_PDF_PORTAIL, SAISIE_API, DEPOT_PDF_API, UPLOAD_API).</summary>
    public string DepositMode { get; set; } = "UPLOAD_PORTAIL";
    /// <summary>Optimistic concurrency: two users acting on the same invoice cannot both win.</summary>
    public int Version { get; private set; }
    public List<InvoiceEvent> History { get; init; } = [];

    public static Invoice Deposit(InvoiceDraft draft, Guid flowId, Guid supplierStructureId, string documentPath, string actorName, Guid? actorId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var invoice = new Invoice
        {
            FlowId = flowId,
            SupplierStructureId = supplierStructureId,
            Number = draft.Number,
            TypeCode = draft.TypeCode,
            Cadre = draft.Cadre,
            IssueDate = draft.IssueDate,
            DueDate = draft.DueDate,
            Currency = draft.Currency,
            TotalWithoutVat = draft.TotalWithoutVat,
            TotalVat = draft.TotalVat,
            TotalWithVat = draft.TotalWithVat,
            AmountDue = draft.AmountDue,
            SupplierName = draft.SupplierName,
            RecipientSiret = draft.RecipientSiret,
            ServiceCode = draft.ServiceCode,
            EngagementNumber = draft.EngagementNumber,
            DocumentPath = documentPath,
            Syntax = draft.Syntax,
            DepositedAt = now,
            StatusChangedAt = now,
        };
        invoice.Record(InvoiceStatus.Deposee, InvoiceStatus.Deposee.Code(), InvoiceActorKind.Fournisseur, actorId, actorName, now, null);
        return invoice;
    }

    /// <summary>Routing accepted the invoice: it leaves for its recipient.</summary>
    public void StartRouting(Guid recipientStructureId, string recipientName, DateTime now)
    {
        Require(AwaitsRouting, AwaitsValidation
            ? "Une facture de sous-traitant ou de cotraitant n'est acheminée qu'après sa validation par le titulaire ou le mandataire."
            : "Seule une facture déposée ou validée peut être acheminée.");
        RecipientStructureId = recipientStructureId;
        RecipientName = recipientName;
        Move(InvoiceStatus.EnCoursAcheminement, InvoiceActorKind.Systeme, null, "Cantate", now, null);
    }

    /// <summary>Routing found the directory changed since the deposit (recipient or service gone): the supplier must correct it.</summary>
    public void RoutingFailed(string reason, DateTime now)
    {
        Require(AwaitsRouting, "Seule une facture déposée ou validée peut échouer à l'acheminement.");
        Move(InvoiceStatus.ARecycler, InvoiceActorKind.Systeme, null, "Cantate", now, reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason);
    }

    /// <summary>The recipient can now see and process the invoice.</summary>
    public void MakeAvailable(DateTime now)
    {
        Require(Status == InvoiceStatus.EnCoursAcheminement, "Seule une facture en cours d'acheminement peut être mise à disposition.");
        Move(InvoiceStatus.MiseADisposition, InvoiceActorKind.Systeme, null, "Cantate", now, null);
    }

    /// <summary>The statuses the recipient may set now.</summary>
    public IReadOnlyList<InvoiceStatus> NextStatusesForRecipient()
    {
        switch (Status)
        {
            case InvoiceStatus.MiseADisposition:
            case InvoiceStatus.Completee:
                return InvoiceStatuses.SetByRecipient;
            case InvoiceStatus.ServiceFait:
                return [InvoiceStatus.Rejetee, InvoiceStatus.Suspendue, .. RecipientProcessingOrder.Skip(1)];
            case InvoiceStatus.Mandatee:
            case InvoiceStatus.MiseADispositionComptable:
            case InvoiceStatus.Comptabilisee:
                // The optional steps may be skipped, never taken backwards.
                return RecipientProcessingOrder.Skip(Array.IndexOf(RecipientProcessingOrder, Status) + 1).ToList();
            case InvoiceStatus.Deposee:
            case InvoiceStatus.EnCoursAcheminement:
            case InvoiceStatus.ARecycler:
            case InvoiceStatus.Suspendue:
            case InvoiceStatus.Rejetee:
            case InvoiceStatus.MiseEnPaiement:
            case InvoiceStatus.AValider1:
            case InvoiceStatus.Refusee1:
            case InvoiceStatus.ErreurFournisseurSurValideur:
            case InvoiceStatus.Validee1:
            case InvoiceStatus.AbsenceValidation1HorsDelai:
                return [];
            default:
                throw new InvalidOperationException($"Unknown status {Status}.");
        }
    }

    /// <summary>The recipient processes the invoice; a reason is required to reject, suspend or ask for recycling.</summary>
    public void ProcessByRecipient(InvoiceStatus target, Guid actorId, string actorName, string? reason, DateTime now)
    {
        if (!NextStatusesForRecipient().Contains(target))
        {
            throw new InvoiceTransitionException(
                $"Une facture « {Status.Label()} » ne peut pas passer au statut « {target.Label()} ».");
        }
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if ((target is InvoiceStatus.Rejetee or InvoiceStatus.Suspendue or InvoiceStatus.ARecycler) && trimmed is null)
        {
            throw new InvoiceTransitionException($"Indiquez le motif : il est obligatoire pour passer une facture au statut « {target.Label()} ».");
        }
        if (trimmed is { Length: > MaxReasonLength })
        {
            throw new InvoiceTransitionException($"Le motif ne doit pas dépasser {MaxReasonLength} caractères (il en compte {trimmed.Length}).");
        }
        Move(target, InvoiceActorKind.Destinataire, actorId, actorName, now, trimmed);
    }

    /// <summary>The supplier sends an A_RECYCLER invoice again with corrected routing data; it keeps its number.</summary>
    public void Recycle(string recipientSiret, string? serviceCode, string? engagementNumber, Guid actorId, string actorName, DateTime now,
        string? comment = null)
    {
        Require(Status == InvoiceStatus.ARecycler, "Seule une facture à recycler peut être recyclée.");
        var trimmed = string.IsNullOrWhiteSpace(comment) ? "Facture recyclée" : comment.Trim();
        Require(trimmed.Length <= MaxReasonLength, $"Le commentaire ne doit pas dépasser {MaxReasonLength} caractères (il en compte {trimmed.Length}).");
        RecipientSiret = recipientSiret;
        RecipientStructureId = null;
        RecipientName = null;
        ServiceCode = serviceCode;
        EngagementNumber = engagementNumber;
        Move(InvoiceStatus.Deposee, InvoiceActorKind.Fournisseur, actorId, actorName, now, trimmed);
    }

    /// <summary>The supplier completes a SUSPENDUE invoice with a comment.</summary>
    public void Complete(string comment, Guid actorId, string actorName, DateTime now) => Complete(comment, [], actorId, actorName, now);

    /// <summary>
    /// The supplier completes a SUSPENDUE invoice with a comment, supporting documents (stored by the caller, named
    /// here), or both; without a comment the history names the documents.
    /// </summary>
    public void Complete(string? comment, IReadOnlyCollection<string> attachmentNames, Guid actorId, string actorName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(attachmentNames);
        Require(Status == InvoiceStatus.Suspendue, "Seule une facture suspendue peut être complétée.");
        var trimmed = comment?.Trim();
        if (string.IsNullOrEmpty(trimmed) && attachmentNames.Count == 0)
            throw new InvoiceTransitionException("Indiquez un commentaire ou joignez une pièce pour compléter la facture.");
        if (trimmed is { Length: > MaxReasonLength })
            throw new InvoiceTransitionException($"Le commentaire ne doit pas dépasser {MaxReasonLength} caractères (il en compte {trimmed.Length}).");
        var note = string.IsNullOrEmpty(trimmed) ? "Pièces jointes : " + string.Join(", ", attachmentNames) : trimmed;
        Move(InvoiceStatus.Completee, InvoiceActorKind.Fournisseur, actorId, actorName, now, note.Length > MaxReasonLength ? note[..MaxReasonLength] : note);
    }

    /// <summary>
    /// The recipient downloaded the invoice (factureTelechargeeParDestinataire). Recorded in the history without
    /// touching the version: a download never competes with a status change.
    /// </summary>
    public void RecordDownloadByRecipient(Guid? actorId, string actorName, DateTime now) =>
        History.Add(new InvoiceEvent
        {
            InvoiceId = Id,
            Status = Status,
            Action = DownloadAction,
            ActorKind = InvoiceActorKind.Destinataire,
            ActorId = actorId,
            ActorName = actorName,
            At = now,
        });

    /// <summary>The supplier acknowledges a rejection ("acquitter le rejet"); the status stays REJETEE.</summary>
    public void AcknowledgeRejection(Guid actorId, string actorName, DateTime now)
    {
        Require(Status == InvoiceStatus.Rejetee, "Seule une facture rejetée peut être acquittée.");
        Require(RejectionAcknowledgedAt is null, "Ce rejet est déjà acquitté.");
        RejectionAcknowledgedAt = now;
        Record(Status, "ACQUITTEMENT_REJET", InvoiceActorKind.Fournisseur, actorId, actorName, now, null);
    }

    /// <summary>The reason given with the latest status change, if any.</summary>
    public string? LatestReason => History.LastOrDefault(e => e.Action == Status.Code())?.Comment;

    private void Move(InvoiceStatus target, InvoiceActorKind kind, Guid? actorId, string actorName, DateTime now, string? comment)
    {
        Status = target;
        StatusChangedAt = now;
        Record(target, target.Code(), kind, actorId, actorName, now, comment);
    }

    private void Record(InvoiceStatus status, string action, InvoiceActorKind kind, Guid? actorId, string actorName, DateTime now, string? comment)
    {
        Version++;
        History.Add(new InvoiceEvent
        {
            InvoiceId = Id,
            Status = status,
            Action = action,
            ActorKind = kind,
            ActorId = actorId,
            ActorName = actorName,
            At = now,
            Comment = comment,
        });
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new InvoiceTransitionException(message);
    }
}

/// <summary>What the deposit reads from a valid document, before the invoice exists.</summary>
public sealed record InvoiceDraft
{
    public required string Number { get; init; }
    public required string TypeCode { get; init; }
    public required string Cadre { get; init; }
    public DateOnly IssueDate { get; init; }
    public DateOnly? DueDate { get; init; }
    public required string Currency { get; init; }
    public decimal TotalWithoutVat { get; init; }
    public decimal TotalVat { get; init; }
    public decimal TotalWithVat { get; init; }
    public decimal AmountDue { get; init; }
    public required string SupplierName { get; init; }
    public string? SupplierSiret { get; init; }
    public required string RecipientSiret { get; init; }
    public string? ServiceCode { get; init; }
    public string? EngagementNumber { get; init; }
    public required string Syntax { get; init; }
}
