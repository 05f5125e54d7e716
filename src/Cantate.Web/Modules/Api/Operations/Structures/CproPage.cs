using System.Linq.Expressions;
using Cantate.Web.Modules.Api.Gateway;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Operations.Structures;

/// <summary>
/// One page of a search, as Chorus Pro's pagination object asks for it (<c>pageResultatDemandee</c>,
/// <c>nbResultatsParPage</c>; 0, null or absent mean the default, as go and php send them; a size above the maximum
/// is cut to it) and as its answer describes it (<c>pageCourante</c>, <c>pages</c>, <c>nbResultatsParPage</c>,
/// <c>total</c>, JSON integers). A page past the last is empty, so that a client paging until an empty page stops.
/// </summary>
public sealed record CproPage(int Number, int Size)
{
    public static CproPage Read(CproRequest? parameters, int defaultSize, int maxSize) =>
        parameters is null
            ? new CproPage(1, defaultSize)
            : new CproPage(parameters.PositiveInt("pageResultatDemandee", 1, int.MaxValue), parameters.PositiveInt("nbResultatsParPage", defaultSize, maxSize));

    private int Skip => (int)Math.Min(int.MaxValue, (long)(Number - 1) * Size);

    /// <summary>The rows of this page, and the total of the whole result.</summary>
    public async Task<(List<T> Rows, int Total)> ReadAsync<T>(IQueryable<T> ordered, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var rows = Skip >= total ? [] : await ordered.Skip(Skip).Take(Size).ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>This page of a list already in memory.</summary>
    public List<T> Of<T>(IEnumerable<T> all) => all.Skip(Skip).Take(Size).ToList();

    /// <summary>The <c>parametresRetour</c> object.</summary>
    public object Retour(int total) => new { pageCourante = Number, pages = Pages(total), nbResultatsParPage = Size, total };

    /// <summary>
    /// A whole list in one page with its counters beside it rather than in <c>parametresRetour</c>: php requires them
    /// there for modedepot, formatflux and motifs/exonerationtva (§D10).
    /// </summary>
    public static Dictionary<string, object> Flat(string listName, IReadOnlyCollection<object> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var page = new CproPage(1, Math.Max(1, items.Count));
        return new Dictionary<string, object>
        {
            [listName] = items,
            ["pageCourante"] = page.Number,
            ["pages"] = page.Pages(items.Count),
            ["nbResultatsParPage"] = page.Size,
            ["total"] = items.Count,
        };
    }

    private int Pages(int total) => (int)(((long)total + Size - 1) / Size);
}

/// <summary>Sorting in the direction of <c>triSens</c> (see <see cref="Referentiel.CproChoices.Descending"/>).</summary>
public static class CproSorting
{
    public static IOrderedQueryable<T> SortBy<T, TKey>(this IQueryable<T> rows, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    public static IOrderedQueryable<T> ThenSortBy<T, TKey>(this IOrderedQueryable<T> rows, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? rows.ThenByDescending(key) : rows.ThenBy(key);
}
