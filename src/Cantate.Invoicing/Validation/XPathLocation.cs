using System.Xml.Linq;
using Cantate.Invoicing.Syntax;

namespace Cantate.Invoicing.Validation;

/// <summary>The XPath of any node reported in a finding (elements as <see cref="XmlLocation"/> writes them).</summary>
internal static class XPathLocation
{
    public static string Of(XObject? node) => node switch
    {
        null => "/",
        XElement element => XmlLocation.Of(element),
        XAttribute attribute => Of(attribute.Parent) + "/@" + attribute.Name.LocalName,
        _ => Of(node.Parent),
    };
}
