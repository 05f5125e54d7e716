using System.Text.Json;
using Cantate.Sirene;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Invoices.Features.EnterInvoice;

/// <summary>Drafts ("Enregistrer le brouillon"): the form as typed, kept as JSON, checked for sizes only.</summary>
public sealed partial class EnterInvoice
{
    public sealed record DraftRow(Guid Id, string? Number, string? RecipientSiret, decimal? TotalWithVat, DateTime UpdatedAt);

    /// <summary>Saves the form as a new draft or over the draft given; null when that draft is not the structure's.</summary>
    public async Task<SavedInvoiceDraft?> SaveDraftAsync(Guid structureId, Guid userId, Guid? draftId, InvoiceForm form, decimal? totalWithVat,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var now = clock.GetUtcNow().UtcDateTime;
        SavedInvoiceDraft? draft = null;
        if (draftId is { } id)
        {
            draft = await db.InvoiceDrafts.FirstOrDefaultAsync(d => d.Id == id && d.SupplierStructureId == structureId, cancellationToken);
            if (draft is null) return null;
        }
        draft ??= db.InvoiceDrafts.Add(new SavedInvoiceDraft
        {
            SupplierStructureId = structureId, CreatedByUserId = userId, CreatedAt = now, Content = "{}",
        }).Entity;
        draft.Number = Truncate(form.Number?.Trim(), 100);
        draft.RecipientSiret = Truncate(SiretRules.Normalize(form.RecipientSiret), 20);
        draft.TotalWithVat = totalWithVat;
        draft.Content = JsonSerializer.Serialize(form);
        draft.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>The draft's structure, so that a link with the draft alone finds its workspace.</summary>
    public Task<Guid?> StructureOfDraftAsync(Guid draftId, CancellationToken cancellationToken) =>
        db.InvoiceDrafts.AsNoTracking().Where(d => d.Id == draftId).Select(d => (Guid?)d.SupplierStructureId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The draft's form, or null when the structure has no such draft.</summary>
    public async Task<InvoiceForm?> LoadDraftAsync(Guid structureId, Guid draftId, CancellationToken cancellationToken)
    {
        var content = await db.InvoiceDrafts.AsNoTracking().Where(d => d.Id == draftId && d.SupplierStructureId == structureId)
            .Select(d => d.Content).FirstOrDefaultAsync(cancellationToken);
        if (content is null) return null;
        try
        {
            return JsonSerializer.Deserialize<InvoiceForm>(content) ?? new InvoiceForm();
        }
        catch (JsonException)
        {
            return new InvoiceForm();
        }
    }

    public async Task<bool> DeleteDraftAsync(Guid structureId, Guid draftId, CancellationToken cancellationToken) =>
        await db.InvoiceDrafts.Where(d => d.Id == draftId && d.SupplierStructureId == structureId).ExecuteDeleteAsync(cancellationToken) > 0;

    public Task<List<DraftRow>> ListDraftsAsync(Guid structureId, CancellationToken cancellationToken) =>
        db.InvoiceDrafts.AsNoTracking().Where(d => d.SupplierStructureId == structureId)
            .OrderByDescending(d => d.UpdatedAt)
            .Select(d => new DraftRow(d.Id, d.Number, d.RecipientSiret, d.TotalWithVat, d.UpdatedAt))
            .ToListAsync(cancellationToken);

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length > length ? value[..length] : value;
}
