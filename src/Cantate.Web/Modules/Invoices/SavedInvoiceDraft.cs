namespace Cantate.Web.Modules.Invoices;

/// <summary>
/// An invoice being typed in the "Saisir une facture" form and saved with "Enregistrer le brouillon". It is not an
/// invoice yet: nothing is sent until the supplier validates and confirms. The form's content is kept as JSON.
/// </summary>
public sealed class SavedInvoiceDraft
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SupplierStructureId { get; init; }
    public Guid CreatedByUserId { get; init; }
    /// <summary>BT-1 as typed so far, for the list of drafts.</summary>
    public string? Number { get; set; }
    public string? RecipientSiret { get; set; }
    public decimal? TotalWithVat { get; set; }
    public required string Content { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}
