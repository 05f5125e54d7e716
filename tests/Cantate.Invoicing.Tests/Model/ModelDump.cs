using System.Collections;
using System.Globalization;
using System.Reflection;
using Cantate.Invoicing.Model;

namespace Cantate.Invoicing.Tests.Model;

/// <summary>
/// Flattens an invoice into "path = value" lines (every business term that has a value), so that two
/// models can be compared and their differences read. Source paths and derived properties are left out.
/// </summary>
public static class ModelDump
{
    /// <summary>The sorted-by-walk list of "path = value" lines.</summary>
    public static IReadOnlyList<string> Lines(Invoice invoice)
    {
        var lines = new List<string>();
        Walk(invoice, "Invoice", lines);
        return lines;
    }

    /// <summary>Lines present in one dump and not in the other, prefixed with - (expected) or + (actual).</summary>
    public static IReadOnlyList<string> Differences(Invoice expected, Invoice actual)
    {
        var left = Lines(expected);
        var right = Lines(actual);
        return left.Except(right).Select(l => "- " + l).Concat(right.Except(left).Select(l => "+ " + l)).ToList();
    }

    private static void Walk(object? value, string path, List<string> lines)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                lines.Add($"{path} = {s}");
                return;
            case decimal d:
                lines.Add($"{path} = {d.ToString(CultureInfo.InvariantCulture)}");
                return;
            case DateOnly date:
                lines.Add($"{path} = {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
                return;
            case bool b:
                lines.Add($"{path} = {b}");
                return;
            case byte[] bytes:
                lines.Add($"{path} = {Convert.ToBase64String(bytes)}");
                return;
            case Identifier id:
                lines.Add($"{path} = {id.Value} | {id.SchemeId}");
                return;
            case ItemClassification c:
                lines.Add($"{path} = {c.Code} | {c.ListId} | {c.ListVersionId}");
                return;
            case IEnumerable list:
                var i = 0;
                foreach (var item in list)
                {
                    Walk(item, $"{path}[{i++}]", lines);
                }

                return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == nameof(ModelElement.SourcePath) || !property.CanWrite)
            {
                continue;
            }

            Walk(property.GetValue(value), $"{path}.{property.Name}", lines);
        }
    }
}
