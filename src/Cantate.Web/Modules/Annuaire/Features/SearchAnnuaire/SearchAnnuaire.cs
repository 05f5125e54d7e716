using Cantate.Sirene;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Annuaire.Features.SearchAnnuaire;

/// <summary>
/// Public search of the annuaire: by SIRET prefix (3 digits or more, on the SIRET's unique index), otherwise by
/// name or city (case- and accent-insensitive "contains", see <see cref="FoldedSearch"/>). Public structures only.
/// </summary>
public sealed class SearchAnnuaire(CantateDbContext db)
{
    public const int PageSize = 20;
    public const int MaxQueryLength = 100;

    public sealed record Hit(string Siret, string RaisonSociale, string? City, bool IsActive);

    public sealed record Results(IReadOnlyList<Hit> Hits, int Total, int Page, int PageCount);

    /// <summary>Either the results or what to correct in the query (in French).</summary>
    public sealed record Outcome(Results? Results, string? Error);

    public async Task<Outcome> HandleAsync(string? query, int page, CancellationToken cancellationToken)
    {
        var text = query?.Trim() ?? string.Empty;
        if (text.Length == 0) return new Outcome(null, null);
        if (text.Length > MaxQueryLength) return new Outcome(null, $"Saisissez {MaxQueryLength} caractères au plus.");

        var structures = db.Structures.AsNoTracking().Where(s => s.IsPublic);
        IOrderedQueryable<Structure> ordered;
        var digits = SiretRules.Normalize(text);
        if (digits.All(char.IsAsciiDigit))
        {
            if (digits.Length < 3) return new Outcome(null, "Saisissez au moins 3 chiffres du SIRET, ou le nom ou la ville de la structure.");
            if (digits.Length > 14) return new Outcome(null, "Un SIRET compte 14 chiffres : vérifiez le numéro saisi.");
            // A range on the unique index, whatever the collation: every SIRET is 14 digits.
            var (low, high) = (digits.PadRight(14, '0'), digits.PadRight(14, '9'));
            ordered = structures.Where(s => string.Compare(s.Siret, low) >= 0 && string.Compare(s.Siret, high) <= 0).OrderBy(s => s.Siret);
        }
        else
        {
            var folded = FoldedSearch.Fold(text);
            if (folded.Length < 2) return new Outcome(null, "Saisissez au moins 2 lettres du nom ou de la ville.");
            var match = FoldedSearch.Or(FoldedSearch.ContainsFolded<Structure>(s => s.RaisonSociale, folded),
                FoldedSearch.ContainsFolded<Structure>(s => s.City, folded));
            ordered = structures.Where(match).OrderBy(s => s.RaisonSociale).ThenBy(s => s.Siret);
        }

        // A name search reads the whole table: when the first page is not full, it is the count, and one read is saved.
        var rows = ordered.Select(s => new Hit(s.Siret, s.RaisonSociale, s.City, s.IsActive));
        var first = page <= 1 ? await rows.Take(PageSize).ToListAsync(cancellationToken) : null;
        if (first is { Count: < PageSize }) return new Outcome(new Results(first, first.Count, 1, 1), null);
        var total = await ordered.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var current = Math.Clamp(page, 1, pageCount);
        var hits = first ?? await rows.Skip((current - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new Outcome(new Results(hits, total, current, pageCount), null);
    }
}
