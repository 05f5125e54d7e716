using System.Globalization;
using System.Xml.Linq;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>
/// A rule with its official id and flag, the business term it is about, and its message in French and English.
/// Messages are composite formats whose arguments are the values that disagree.
/// </summary>
internal sealed record RuleDefinition(string Id, FindingSeverity Severity, string Term, string Fr, string En)
{
    public static RuleDefinition Fatal(string id, string term, string fr, string en) => new(id, FindingSeverity.Fatal, term, fr, en);

    public static RuleDefinition Warning(string id, string term, string fr, string en) => new(id, FindingSeverity.Warning, term, fr, en);
}

/// <summary>Collects the findings of one validation; one instance per document, never shared.</summary>
internal sealed class RuleRun(InvoiceView view, List<Finding> findings)
{
    public InvoiceView View { get; } = view;

    // The values are a span so that a check that passes, the common case, allocates no array.
    public void Fail(RuleDefinition rule, XObject? at, params ReadOnlySpan<object?> values)
    {
        findings.Add(new Finding(
            rule.Id,
            rule.Severity,
            rule.Term,
            XPathLocation.Of(at ?? View.Root),
            Format(rule.Fr, values),
            Format(rule.En, values)));
    }

    public void Check(bool ok, RuleDefinition rule, XObject? at, params ReadOnlySpan<object?> values)
    {
        if (!ok)
        {
            Fail(rule, at, values);
        }
    }

    private static string Format(string template, ReadOnlySpan<object?> values)
    {
        if (values.Length == 0)
        {
            return template;
        }

        var shown = new object?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            shown[i] = values[i] switch
            {
                decimal d => d.ToString(CultureInfo.InvariantCulture),
                XElement e => XmlValues.Show(e),
                null => "—",
                var v => v,
            };
        }

        return string.Format(CultureInfo.InvariantCulture, template, shown);
    }
}
