using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Invoices.Features;

/// <summary>Filters of the invoice lists ("Factures émises", "Factures reçues", "Factures à valider").</summary>
public sealed record InvoiceFilter(
    string? Status = null, string? Party = null, DateOnly? From = null, DateOnly? To = null, decimal? MinAmount = null, decimal? MaxAmount = null,
    string? Number = null, int Page = 1)
{
    public const int PageSize = 50;
}

public sealed record InvoiceRow(Guid Id, string Number, string Party, DateOnly IssueDate, decimal TotalWithVat, string Currency,
    InvoiceStatus Status, DateTime DepositedAt)
{
    /// <summary>A9/A12: the valideur's name, shown to the supplier.</summary>
    public string? Validator { get; init; }
    /// <summary>A9/A12: when it was validated (dateValidation1).</summary>
    public DateTime? ValidatedAt { get; init; }
}

/// <summary>
/// The lists of invoices of a structure, newest first, filtered; one page at a time. <see cref="Sent"/> and
/// <see cref="Received"/> are what a structure may see, for the portal's lists and the API's searches alike.
/// </summary>
public sealed class ListInvoices(CantateDbContext db)
{
    /// <summary>The invoices the structure issued.</summary>
    public IQueryable<Invoice> Sent(Guid supplierStructureId) =>
        db.Invoices.AsNoTracking().Where(i => i.SupplierStructureId == supplierStructureId);

    /// <summary>The invoices made available to the structure: none while it is still deposited or being routed.</summary>
    public IQueryable<Invoice> Received(Guid recipientStructureId) =>
        db.Invoices.AsNoTracking().Where(i => i.RecipientStructureId == recipientStructureId
            && i.Status != InvoiceStatus.Deposee && i.Status != InvoiceStatus.EnCoursAcheminement);

    /// <summary>The A9/A12 invoices the structure is the designated valideur of ("Factures à valider"), whatever their status since.</summary>
    public IQueryable<Invoice> ToValidate(Guid validatorStructureId) =>
        db.Invoices.AsNoTracking().Where(i => i.ValidatorStructureId == validatorStructureId);

    public Task<List<InvoiceRow>> SentAsync(Guid supplierStructureId, InvoiceFilter filter, CancellationToken cancellationToken) =>
        Page(Filter(Sent(supplierStructureId), filter, supplierSide: true), filter)
            .Select(i => new InvoiceRow(i.Id, i.Number, i.RecipientName ?? i.RecipientSiret, i.IssueDate, i.TotalWithVat, i.Currency, i.Status, i.DepositedAt)
            {
                Validator = i.ValidatorName, ValidatedAt = i.ValidatedAt,
            })
            .ToListAsync(cancellationToken);

    public Task<List<InvoiceRow>> ToValidateAsync(Guid validatorStructureId, InvoiceFilter filter, CancellationToken cancellationToken) =>
        Page(Filter(ToValidate(validatorStructureId), filter, supplierSide: false), filter)
            .Select(i => new InvoiceRow(i.Id, i.Number, i.SupplierName, i.IssueDate, i.TotalWithVat, i.Currency, i.Status, i.DepositedAt)
            {
                ValidatedAt = i.ValidatedAt,
            })
            .ToListAsync(cancellationToken);

    public Task<List<InvoiceRow>> ReceivedAsync(Guid recipientStructureId, InvoiceFilter filter, CancellationToken cancellationToken) =>
        Page(Filter(Received(recipientStructureId), filter, supplierSide: false), filter)
            .Select(i => new InvoiceRow(i.Id, i.Number, i.SupplierName, i.IssueDate, i.TotalWithVat, i.Currency, i.Status, i.DepositedAt))
            .ToListAsync(cancellationToken);

    // ToUpper here is translated to SQL UPPER(), not run in .NET: the culture rules do not apply.
#pragma warning disable CA1304, CA1311, CA1862
    private static IQueryable<Invoice> Filter(IQueryable<Invoice> query, InvoiceFilter filter, bool supplierSide)
    {
        if (InvoiceStatuses.FromCode(filter.Status) is { } status) query = query.Where(i => i.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.Party))
        {
            var party = filter.Party.Trim();
            query = supplierSide
                ? query.Where(i => i.RecipientSiret.StartsWith(party) || (i.RecipientName != null && i.RecipientName.ToUpper().Contains(party.ToUpper())))
                : query.Where(i => i.SupplierName.ToUpper().Contains(party.ToUpper()));
        }
        if (!string.IsNullOrWhiteSpace(filter.Number)) query = query.Where(i => i.Number.StartsWith(filter.Number.Trim()));
        if (filter.From is { } from) query = query.Where(i => i.IssueDate >= from);
        if (filter.To is { } to) query = query.Where(i => i.IssueDate <= to);
        if (filter.MinAmount is { } min) query = query.Where(i => i.TotalWithVat >= min);
        if (filter.MaxAmount is { } max) query = query.Where(i => i.TotalWithVat <= max);
        return query;
    }
#pragma warning restore CA1304, CA1311, CA1862

    private static IQueryable<Invoice> Page(IQueryable<Invoice> query, InvoiceFilter filter) =>
        query.OrderByDescending(i => i.DepositedAt).ThenByDescending(i => i.Id)
            .Skip((Math.Max(1, filter.Page) - 1) * InvoiceFilter.PageSize).Take(InvoiceFilter.PageSize);
}
