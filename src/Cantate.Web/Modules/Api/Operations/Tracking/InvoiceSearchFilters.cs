using System.Linq.Expressions;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Operations.Tracking;

/// <summary>
/// The filters both invoice searches share. Clients send every filter zero-valued (go) or explicitly null (php):
/// 0, "", false and null all mean "no filter". A filter on a value no invoice can have (an unknown status, a
/// FACTURE_TRAVAUX request) gives an empty result, not an error.
/// </summary>
public static class InvoiceSearchFilters
{
    public static IQueryable<Invoice> Apply(IQueryable<Invoice> query, CproRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Text("numeroFacture") is { } number) query = query.Where(i => i.Number == number);
        if (request.Text("numeroBonCommande") is { } engagement) query = query.Where(i => i.EngagementNumber == engagement);
        if (request.Text("modeDepot") is { } mode) query = query.Where(i => i.DepositMode == mode);
        if (request.Text("typeDemandePaiement") is { } kind && !kind.Equals("FACTURE", StringComparison.OrdinalIgnoreCase)) return None(query);
        if (CadreOf(request) is { } cadre)
        {
            var code = ChorusNames.ShortCadre(cadre);
            query = query.Where(i => i.Cadre == code);
        }

        var statuses = request.Strings("statutCourant");
        if (statuses.Count > 0)
        {
            var known = statuses.Select(InvoiceStatuses.FromCode).OfType<InvoiceStatus>().Distinct().ToList();
            query = query.Where(i => known.Contains(i.Status));
        }
        var types = request.Strings("listeTypeFacture").Concat(request.Text("typeFacture") is { } t ? [t] : []).Select(x => x.ToUpperInvariant()).ToList();
        var credit = ChorusNames.CreditNoteCodes;
        if (types.Count > 0 && !(types.Contains("FACTURE") && types.Contains("AVOIR")))
        {
            if (types.Contains("AVOIR")) query = query.Where(i => credit.Contains(i.TypeCode));
            else if (types.Contains("FACTURE")) query = query.Where(i => !credit.Contains(i.TypeCode));
            else return None(query);
        }

        query = Range(query, request, "montantHTMin", "montantHTMax", i => i.TotalWithoutVat);
        query = Range(query, request, "montantTTCMin", "montantTTCMax", i => i.TotalWithVat);
        query = Range(query, request, "montantAPayerMin", "montantAPayerMax", i => i.AmountDue);

        if (request.Date("periodeDateFactureDu") is { } issuedFrom) query = query.Where(i => i.IssueDate >= issuedFrom);
        if (request.Date("periodeDateFactureAu") is { } issuedTo) query = query.Where(i => i.IssueDate <= issuedTo);
        query = Days(query, request, "periodeDateDepotDu", "periodeDateDepotAu", i => i.DepositedAt);
        query = Days(query, request, "periodeDateHeureEtatCourantDu", "periodeDateHeureEtatCourantAu", i => i.StatusChangedAt);
        return query;
    }

    /// <summary>An empty result of the right type.</summary>
    public static IQueryable<Invoice> None(IQueryable<Invoice> query) => query.Where(i => false);

    /// <summary>cadreFacturation: an object {codeCadreFacturation} (go, supplier side) or a plain code (go, recipient side).</summary>
    private static string? CadreOf(CproRequest request)
    {
        try
        {
            return request.Child("cadreFacturation")?.Text("codeCadreFacturation");
        }
        catch (CproException)
        {
            return request.Text("cadreFacturation");
        }
    }

    private static IQueryable<Invoice> Range(IQueryable<Invoice> query, CproRequest request, string minField, string maxField,
        Expression<Func<Invoice, decimal>> amount)
    {
        // 0 is go's "not given", never a bound: an amount filter of 0 would otherwise keep only free invoices.
        if (request.Number(minField) is { } min && min != 0) query = query.Where(Compare(amount, min, ExpressionType.GreaterThanOrEqual));
        if (request.Number(maxField) is { } max && max != 0) query = query.Where(Compare(amount, max, ExpressionType.LessThanOrEqual));
        return query;
    }

    private static IQueryable<Invoice> Days(IQueryable<Invoice> query, CproRequest request, string fromField, string toField,
        Expression<Func<Invoice, DateTime>> instant)
    {
        if (request.Date(fromField) is { } from) query = query.Where(Compare(instant, ChorusNames.StartOfDayUtc(from), ExpressionType.GreaterThanOrEqual));
        if (request.Date(toField) is { } to) query = query.Where(Compare(instant, ChorusNames.StartOfDayUtc(to.AddDays(1)), ExpressionType.LessThan));
        return query;
    }

    private static Expression<Func<Invoice, bool>> Compare<T>(Expression<Func<Invoice, T>> member, T bound, ExpressionType comparison)
    {
        // The bound goes through a closure so that it becomes a query parameter, as a lambda's captured variable would.
        Expression<Func<T>> parameter = () => bound;
        return Expression.Lambda<Func<Invoice, bool>>(Expression.MakeBinary(comparison, member.Body, parameter.Body), member.Parameters);
    }
}

/// <summary>A page asked for (pageResultatDemandee, nbResultatsParPage; 0 or absent = the default) and its sort.</summary>
public sealed record SearchPage(int Number, int Size, string? Column, bool Ascending)
{
    public const int DefaultSize = 10;
    public const int MaxSize = 1000;

    /// <summary>Reads the paging object; go writes "triSense" (sic) and "Ascendant " with a trailing space.</summary>
    public static SearchPage Of(CproRequest? paging) => paging is null
        ? new SearchPage(1, DefaultSize, null, false)
        : new SearchPage(paging.PositiveInt("pageResultatDemandee", 1, int.MaxValue / MaxSize), paging.PositiveInt("nbResultatsParPage", DefaultSize, MaxSize),
            paging.Text("triColonne"), paging.Text("triSens", "triSense") is { } sense && sense.StartsWith("Asc", StringComparison.OrdinalIgnoreCase));

    /// <summary>Sorted (newest deposit first by default), then this page.</summary>
    public IQueryable<Invoice> Apply(IQueryable<Invoice> query)
    {
        var sorted = Column?.ToUpperInvariant() switch
        {
            "NUMEROFACTURE" => Ascending ? query.OrderBy(i => i.Number) : query.OrderByDescending(i => i.Number),
            "DATEFACTURE" => Ascending ? query.OrderBy(i => i.IssueDate) : query.OrderByDescending(i => i.IssueDate),
            "DATEHEUREETATCOURANT" => Ascending ? query.OrderBy(i => i.StatusChangedAt) : query.OrderByDescending(i => i.StatusChangedAt),
            "STATUT" => Ascending ? query.OrderBy(i => i.Status) : query.OrderByDescending(i => i.Status),
            "IDENTIFIANTFACTURECPP" or "IDFACTURE" => Ascending ? query.OrderBy(i => i.CppId) : query.OrderByDescending(i => i.CppId),
            _ => Ascending ? query.OrderBy(i => i.DepositedAt) : query.OrderByDescending(i => i.DepositedAt),
        };
        return sorted.ThenBy(i => i.CppId).Skip((Number - 1) * Size).Take(Size);
    }

    /// <summary>How many pages <paramref name="total"/> results fill (0 when there is none).</summary>
    public int Pages(int total) => (total + Size - 1) / Size;

    /// <summary>parametresRetour: pageCourante, pages, nbResultatsParPage, total, as JSON integers.</summary>
    public object Result(int total) => new { pageCourante = Number, pages = Pages(total), nbResultatsParPage = Size, total };

    /// <summary>
    /// One page of a list inside an answer (lines, attachments, history): all of it unless the client asks for a
    /// page size, under keys that differ for each list.
    /// </summary>
    public static (IEnumerable<T> Page, int Number, int Pages, int Size, int Total) Slice<T>(IList<T> items, CproRequest? paging, string sizeKey,
        string pageKey)
    {
        ArgumentNullException.ThrowIfNull(items);
        var total = items.Count;
        var size = paging?.PositiveInt(sizeKey, Math.Max(total, 1), 10_000) ?? Math.Max(total, 1);
        var number = paging?.PositiveInt(pageKey, 1, 10_000) ?? 1;
        return (items.Skip((number - 1) * size).Take(size), number, (total + size - 1) / size, size, total);
    }

    public static async Task<(List<Invoice> Rows, int Total)> ReadAsync(IQueryable<Invoice> query, SearchPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var total = await query.CountAsync(cancellationToken);
        return (total == 0 ? [] : await page.Apply(query).ToListAsync(cancellationToken), total);
    }
}
