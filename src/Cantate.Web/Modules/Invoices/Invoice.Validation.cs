using System.Globalization;

namespace Cantate.Web.Modules.Invoices;

/// <summary>The valideur of an A9/A12 invoice: a structure of the platform, and optionally one of its services.</summary>
public sealed record ValidatorDesignation(Guid StructureId, string Siret, string Name, string? ServiceCode);

/// <summary>
/// The validation circuit of cadres A9 (facture de sous-traitant, validated by the titulaire) and A12 (facture de
/// cotraitant, validated by the mandataire): after the deposit checks the invoice waits for its valideur (A_VALIDER_1),
/// who validates it (VALIDEE_1), refuses it (REFUSEE_1) or says it is not the right valideur
/// (ERREUR_FOURNISSEUR_SUR_VALIDEUR, after which the supplier designates another). Without an answer within
/// <see cref="ValidationDelay"/> the validation is tacit (ABSENCE_VALIDATION_1_HORS_DELAI). A validated invoice is
/// then routed to its recipient like any other.
/// </summary>
public sealed partial class Invoice
{
    /// <summary>The titulaire or mandataire has 15 days to accept or refuse; then the validation is tacit.</summary>
    public static readonly TimeSpan ValidationDelay = TimeSpan.FromDays(15);

    /// <summary>True for the cadres that go through a valideur (BT-23 A9 or A12, short or Chorus Pro code).</summary>
    public static bool CadreRequiresValidator(string? cadre) =>
        cadre?.Trim().ToUpperInvariant() is "A9" or "A9_FACTURE_SOUSTRAITANT" or "A12" or "A12_FACTURE_COTRAITANT";

    /// <summary>The role of the valideur for this invoice's cadre, for messages ("titulaire" or "mandataire").</summary>
    public static string ValidatorRole(string? cadre) =>
        cadre?.Trim().ToUpperInvariant() is "A12" or "A12_FACTURE_COTRAITANT" ? "mandataire" : "titulaire";

    /// <summary>True when this invoice's cadre goes through a valideur.</summary>
    public bool RequiresValidator => CadreRequiresValidator(Cadre);

    /// <summary>Deposited (or recycled) and not waiting for a valideur, or validated: routing may take it.</summary>
    public bool AwaitsRouting => Status switch
    {
        InvoiceStatus.Deposee => !AwaitsValidation,
        InvoiceStatus.Validee1 or InvoiceStatus.AbsenceValidation1HorsDelai => true,
        _ => false,
    };

    /// <summary>An A9/A12 invoice that its valideur has not validated yet, whatever its status.</summary>
    public bool AwaitsValidation => RequiresValidator && ValidatedAt is null;

    /// <summary>When the validation becomes tacit, while the invoice waits for its valideur.</summary>
    public DateTime? ValidationDeadline => Status == InvoiceStatus.AValider1 ? StatusChangedAt + ValidationDelay : null;

    /// <summary>The deposit checks passed: the A9/A12 invoice waits for its valideur instead of going to its recipient.</summary>
    public void SubmitForValidation(ValidatorDesignation validator, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(validator);
        Require(RequiresValidator, $"Le cadre {Cadre} ne passe pas par un valideur : seules les factures A9 et A12 sont validées par un titulaire ou un mandataire.");
        Require(Status == InvoiceStatus.Deposee && ValidatorStructureId is null, "Seule une facture qui vient d'être déposée peut être soumise à son valideur.");
        Require(validator.StructureId != SupplierStructureId, "Le fournisseur ne peut pas valider sa propre facture : désignez le titulaire ou le mandataire du marché.");
        Designate(validator);
        Move(InvoiceStatus.AValider1, InvoiceActorKind.Systeme, null, "Cantate", now, $"Valideur : {validator.Name} (SIRET {validator.Siret})");
    }

    /// <summary>The valideur validates the invoice: it leaves for its recipient.</summary>
    public void ValidateByValidator(Guid actorId, string actorName, DateTime now)
    {
        Require(Status == InvoiceStatus.AValider1, $"Une facture « {Status.Label()} » ne peut pas être validée : seule une facture à valider peut l'être.");
        ValidatedAt = now;
        Move(InvoiceStatus.Validee1, InvoiceActorKind.Valideur, actorId, actorName, now, null);
    }

    /// <summary>The reason the valideur chose when refusing, from Cantate's coded list; null for a refusal given in words only.</summary>
    public ValidatorRefusalReason? ValidatorRefusal => ValidatorRefusalReasons.Find(ValidatorRefusalCode);

    /// <summary>
    /// The valideur refuses the invoice, with a coded reason, a comment, or both, which the supplier reads; the invoice goes
    /// no further. A refusal with neither is not recorded.
    /// </summary>
    public void RefuseByValidator(ValidatorRefusalReason? reason, string? comment, Guid actorId, string actorName, DateTime now)
    {
        Require(Status == InvoiceStatus.AValider1, $"Une facture « {Status.Label()} » ne peut pas être refusée : seule une facture à valider peut l'être.");
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        Require(reason is not null || trimmed is not null,
            "Indiquez le motif du refus : choisissez-le dans la liste des motifs ou écrivez-le en commentaire ; le fournisseur le reçoit.");
        Require(reason is not { NeedsComment: true } || trimmed is not null,
            $"Le motif « {reason?.Label} » demande un commentaire : écrivez pourquoi la facture est refusée.");
        Require(trimmed is not { Length: > MaxReasonLength }, $"Le commentaire du refus ne doit pas dépasser {MaxReasonLength} caractères (il en compte {trimmed?.Length}).");
        ValidatorRefusalCode = reason?.Code;
        var described = reason is null ? trimmed : trimmed is null ? reason.Label : $"{reason.Label} : {trimmed}";
        Move(InvoiceStatus.Refusee1, InvoiceActorKind.Valideur, actorId, actorName, now, described);
    }

    /// <summary>The structure designated is not the valideur of this market: the supplier must designate another.</summary>
    public void DeclineAsWrongValidator(string? comment, Guid actorId, string actorName, DateTime now)
    {
        Require(Status == InvoiceStatus.AValider1, $"Une facture « {Status.Label()} » ne peut pas être renvoyée au fournisseur : seule une facture à valider peut l'être.");
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        Require(trimmed is not { Length: > MaxReasonLength }, $"Le commentaire ne doit pas dépasser {MaxReasonLength} caractères (il en compte {trimmed?.Length}).");
        Move(InvoiceStatus.ErreurFournisseurSurValideur, InvoiceActorKind.Valideur, actorId, actorName, now, trimmed ?? "Le valideur désigné n'est pas le bon.");
    }

    /// <summary>After ERREUR_FOURNISSEUR_SUR_VALIDEUR, the supplier designates another valideur; the delay starts again.</summary>
    public void CorrectValidator(ValidatorDesignation validator, Guid actorId, string actorName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(validator);
        Require(Status == InvoiceStatus.ErreurFournisseurSurValideur,
            $"Une facture « {Status.Label()} » ne change pas de valideur : seule une facture dont le valideur a signalé l'erreur peut en recevoir un autre.");
        Require(validator.StructureId != SupplierStructureId, "Le fournisseur ne peut pas valider sa propre facture : désignez le titulaire ou le mandataire du marché.");
        Require(validator.StructureId != ValidatorStructureId || !string.Equals(validator.ServiceCode, ValidatorServiceCode, StringComparison.Ordinal),
            $"{ValidatorName} a indiqué ne pas être le valideur de cette facture : désignez une autre structure ou un autre service.");
        Designate(validator);
        Move(InvoiceStatus.AValider1, InvoiceActorKind.Fournisseur, actorId, actorName, now, $"Nouveau valideur : {validator.Name} (SIRET {validator.Siret})");
    }

    /// <summary>The valideur did not act within <see cref="ValidationDelay"/>: the validation is tacit and the invoice leaves for its recipient.</summary>
    public void ValidateTacitly(DateTime now)
    {
        Require(Status == InvoiceStatus.AValider1, "Seule une facture à valider peut être validée tacitement.");
        Require(now >= ValidationDeadline, string.Create(CultureInfo.InvariantCulture,
            $"Le délai de validation court jusqu'au {ValidationDeadline:yyyy-MM-dd HH:mm} UTC : la facture ne peut pas encore être validée tacitement."));
        ValidatedAt = now;
        Move(InvoiceStatus.AbsenceValidation1HorsDelai, InvoiceActorKind.Systeme, null, "Cantate", now,
            $"Sans réponse du valideur dans les {ValidationDelay.Days} jours, la facture est réputée validée.");
    }

    private void Designate(ValidatorDesignation validator)
    {
        ValidatorStructureId = validator.StructureId;
        ValidatorSiret = validator.Siret;
        ValidatorName = validator.Name.Length > 200 ? validator.Name[..200] : validator.Name;
        ValidatorServiceCode = validator.ServiceCode;
    }
}
