using System.Globalization;

namespace Cantate.Web.Modules.Invoices;

/// <summary>A coded reason a valideur gives when refusing an A9/A12 invoice; <see cref="NeedsComment"/> when the label alone says nothing.</summary>
public sealed record ValidatorRefusalReason(int Id, string Code, string Label, bool NeedsComment = false);

/// <summary>
/// The coded reasons a titulaire (A9) or a mandataire (A12) chooses from when refusing an invoice to validate, served by
/// <c>recuperer/motifs/refus/Facture/AValider</c>. Chorus Pro has such a list but does not publish its values: this one is
/// Cantate's own, written from what a titulaire or mandataire checks before agreeing to a payment (work done, amount and
/// share of the market, duplicates, references, supporting documents). Ids and codes are stable: never renumber them,
/// only add.
/// </summary>
public static class ValidatorRefusalReasons
{
    public const string OtherCode = "AUTRE";

    public static IReadOnlyList<ValidatorRefusalReason> All { get; } =
    [
        new(1, "PRESTATIONS_NON_REALISEES", "Prestations non réalisées ou non réceptionnées"),
        new(2, "MONTANT_NON_CONFORME", "Montant non conforme aux prix du marché ou de l'acte de sous-traitance"),
        new(3, "HORS_PART_CONFIEE", "Prestations hors de la part confiée (acte spécial de sous-traitance ou répartition du groupement)"),
        new(4, "MONTANT_AGREE_DEPASSE", "Montant cumulé supérieur au montant agréé ou à la part du cotraitant"),
        new(5, "FACTURE_DEJA_PRESENTEE", "Facture déjà présentée (doublon)"),
        new(6, "REFERENCES_ERRONEES", "Références du marché, du bon de commande ou du destinataire erronées"),
        new(7, "PIECES_MANQUANTES", "Pièces justificatives manquantes"),
        new(8, OtherCode, "Autre motif (précisé en commentaire)", NeedsComment: true),
    ];

    /// <summary>The reason of this code (any case) or, for the API, of this id; null when none has it.</summary>
    public static ValidatorRefusalReason? Find(string? codeOrId)
    {
        var value = codeOrId?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return All.FirstOrDefault(r => r.Id == id);
        return All.FirstOrDefault(r => r.Code.Equals(value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every code, for messages that list what is accepted.</summary>
    public static string Listed() => string.Join(", ", All.Select(r => r.Code));
}
