using System.Xml.Linq;

namespace Cantate.Invoicing.Syntax;

/// <summary>The namespaces and prefixes of UBL 2.1 and UN/CEFACT CII.</summary>
internal static class Namespaces
{
    public static readonly XNamespace UblInvoice = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public static readonly XNamespace UblCreditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    public static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    public static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    public static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    public static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    public static readonly XNamespace Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    public static readonly XNamespace Qdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

    /// <summary>The conventional prefix of a namespace, for locations.</summary>
    public static string? PrefixOf(XNamespace ns)
    {
        if (ns == UblInvoice || ns == UblCreditNote)
        {
            return "ubl";
        }

        if (ns == Cac)
        {
            return "cac";
        }

        if (ns == Cbc)
        {
            return "cbc";
        }

        if (ns == Rsm)
        {
            return "rsm";
        }

        if (ns == Ram)
        {
            return "ram";
        }

        if (ns == Udt)
        {
            return "udt";
        }

        return ns == Qdt ? "qdt" : null;
    }
}
