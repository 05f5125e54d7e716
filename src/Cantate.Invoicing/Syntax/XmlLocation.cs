using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Cantate.Invoicing.Syntax;

/// <summary>Builds the XPath-like locations stored in <see cref="Model.ModelElement.SourcePath"/>.</summary>
public static class XmlLocation
{
    /// <summary>
    /// The location of an element: each step is the conventional prefix (<c>ubl</c>, <c>cac</c>, <c>cbc</c>,
    /// <c>rsm</c>, <c>ram</c>...) or <c>*</c>, the local name and the 1-based position among same-named
    /// siblings, e.g. <c>/ubl:Invoice[1]/cac:InvoiceLine[2]</c>.
    /// </summary>
    public static string Of(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var steps = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            var position = e.ElementsBeforeSelf(e.Name).Count() + 1;

            var prefix = Namespaces.PrefixOf(e.Name.Namespace) ?? "*";
            steps.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:{e.Name.LocalName}[{position}]"));
        }

        var builder = new StringBuilder();
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            builder.Append('/').Append(steps[i]);
        }

        return builder.ToString();
    }
}
