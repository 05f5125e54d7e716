using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Annuaire;

/// <summary>
/// Case- and accent-insensitive "contains" that runs in the database on both SQLite and PostgreSQL without a
/// stored normalised column: a cheap LIKE on lower(column), where every letter that may carry an accent is a
/// one-character wildcard, keeps few rows; only those are folded by nested replace() and compared exactly.
/// SQLite's lower() and LIKE only fold ASCII, which is why accented capitals are replaced one by one. Letters
/// outside Latin-1 and French (Greek, Cyrillic...) are compared as stored.
/// </summary>
public static class FoldedSearch
{
    private static readonly (string From, string To)[] Foldings =
    [
        .. Map("àáâãäåÀÁÂÃÄÅ", "a"), .. Map("çÇ", "c"), .. Map("éèêëÉÈÊË", "e"), .. Map("ìíîïÌÍÎÏ", "i"),
        .. Map("ñÑ", "n"), .. Map("òóôõöÒÓÔÕÖ", "o"), .. Map("ùúûüÙÚÛÜ", "u"), .. Map("ýÿÝŸ", "y"),
        ("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"), ("’", "'"), ("-", " "),
    ];

    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo Replace = typeof(string).GetMethod(nameof(string.Replace), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    private static IEnumerable<(string, string)> Map(string accented, string plain) => accented.Select(c => (c.ToString(), plain));

    /// <summary>What the database compares: lower case, no accents, ligatures spelled out, hyphens as spaces.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c switch { 'œ' or 'Œ' => "oe", 'æ' or 'Æ' => "ae", '’' => "'", '-' => " ", _ => char.ToLowerInvariant(c).ToString() });
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>column contains the folded term, as a predicate over <typeparamref name="T"/>.</summary>
    public static Expression<Func<T, bool>> ContainsFolded<T>(Expression<Func<T, string?>> column, string foldedTerm)
    {
        ArgumentNullException.ThrowIfNull(column);
        var value = column.Body;
        var lowered = Expression.Call(value, ToLower);
        Expression folded = lowered;
        foreach (var (from, to) in Foldings) folded = Expression.Call(folded, Replace, Expression.Constant(from), Expression.Constant(to));
        var prefilter = Expression.Call(Like, Expression.Constant(EF.Functions), lowered, Parameter(Pattern(foldedTerm)));
        var body = Expression.AndAlso(Expression.NotEqual(value, Expression.Constant(null, typeof(string))),
            Expression.AndAlso(prefilter, Expression.Call(folded, Contains, Parameter(foldedTerm))));
        return Expression.Lambda<Func<T, bool>>(body, column.Parameters);
    }

    /// <summary>Either predicate; both must use the same parameter.</summary>
    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var body = new ParameterSwap(right.Parameters[0], left.Parameters[0]).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, body), left.Parameters);
    }

    /// <summary>LIKE pattern matching a superset of what the folded term matches, on lower(column).</summary>
    internal static string Pattern(string foldedTerm)
    {
        var term = foldedTerm.Replace("oe", "%", StringComparison.Ordinal).Replace("ae", "%", StringComparison.Ordinal);
        var pattern = new StringBuilder("%");
        foreach (var c in term)
            pattern.Append(c == '%' ? '%' : c is 'a' or 'c' or 'e' or 'i' or 'n' or 'o' or 'u' or 'y' or ' ' or '\'' or '_' or '\\' || c > 127 ? '_' : c);
        return pattern.Append('%').ToString();
    }

    // A captured value, so EF sends a parameter rather than inlining user text in the SQL.
    private static MemberExpression Parameter(string value) =>
        Expression.Property(Expression.Constant(new Box(value)), nameof(Box.Value));

    private sealed record Box(string Value);

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
