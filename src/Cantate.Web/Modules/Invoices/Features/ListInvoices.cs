using System.Linq.Expressions;
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
        PageAsync(Filter(Sent(supplierStructureId), filter, supplierSide: true), filter,
            i => new InvoiceRow(i.Id, i.Number, i.RecipientName ?? i.RecipientSiret, i.IssueDate, i.TotalWithVat, i.Currency, i.Status, i.DepositedAt)
            {
                Validator = i.ValidatorName, ValidatedAt = i.ValidatedAt,
            }, cancellationToken);

    public Task<List<InvoiceRow>> ToValidateAsync(Guid validatorStructureId, InvoiceFilter filter, CancellationToken cancellationToken) =>
        PageAsync(Filter(ToValidate(validatorStructureId), filter, supplierSide: false), filter,
            i => new InvoiceRow(i.Id, i.Number, i.SupplierName, i.IssueDate, i.TotalWithVat, i.Currency, i.Status, i.DepositedAt)
            {
                ValidatedAt = i.ValidatedAt,
            }, cancellationToken);

    public Task<List<InvoiceRow>> ReceivedAsync(Guid recipientStructureId, InvoiceFilter filter, CancellationToken cancellationToken) =>
        PageAsync(Filter(Received(recipientStructureId), filter, supplierSide: false), filter,
            i => new InvoiceRow(i.Id, i.Number, i.SupplierName, i.IssueDate, i.TotalWithVat, i.Currency, i.Status, i.DepositedAt), cancellationToken);

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

    /// <summary>
    /// One page, newest deposit first. Issue dates follow deposit dates, so for a range of issue dates in the past the
    /// database's usual plan (walk the deposit-date index from the newest row and filter) reads nearly the whole table
    /// before it finds the page: with a million invoices that took over a second on PostgreSQL. When the issue-date
    /// filter keeps at most <see cref="NarrowRange"/> invoices, the keys of those invoices are read through the
    /// issue-date index instead and ordered here; wider ranges keep the usual plan, which then finds its page early.
    /// </summary>
    private static async Task<List<InvoiceRow>> PageAsync(IQueryable<Invoice> query, InvoiceFilter filter,
        Expression<Func<Invoice, InvoiceRow>> row, CancellationToken cancellationToken)
    {
        var skip = (Math.Max(1, filter.Page) - 1) * InvoiceFilter.PageSize;
        if (filter.From is not null || filter.To is not null)
        {
            var keys = await query.Select(i => new { i.Id, i.DepositedAt }).Take(NarrowRange + 1).ToListAsync(cancellationToken);
            if (keys.Count <= NarrowRange)
            {
                // Same order as the database's: deposit date, then the identifier as both providers compare it (its text).
                var ids = keys.OrderByDescending(k => k.DepositedAt).ThenByDescending(k => k.Id.ToString("D"), StringComparer.OrdinalIgnoreCase)
                    .Skip(skip).Take(InvoiceFilter.PageSize).Select(k => k.Id).ToList();
                var rows = await query.Where(i => ids.Contains(i.Id)).Select(row).ToListAsync(cancellationToken);
                return rows.OrderBy(r => ids.IndexOf(r.Id)).ToList();
            }
        }
        return await query.OrderByDescending(i => i.DepositedAt).ThenByDescending(i => i.Id)
            .Skip(skip).Take(InvoiceFilter.PageSize).Select(row).ToListAsync(cancellationToken);
    }

    /// <summary>Above this many invoices in an issue-date range, the page is found through the deposit-date index.</summary>
    internal const int NarrowRange = 20_000;
}
