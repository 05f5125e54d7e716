using System.Xml.Linq;
using Cantate.Invoicing.Parsing;

namespace Cantate.Invoicing.Validation.Rules;

/// <summary>Runs every EN 16931 business rule (model, code lists and syntax binding) over a UBL or CII tree.</summary>
internal static class En16931Rules
{
    public static InvoiceView? ReadView(XDocument document, InvoiceSyntax syntax) => syntax switch
    {
        InvoiceSyntax.UblInvoice or InvoiceSyntax.UblCreditNote => UblView.Read(document.Root!),
        InvoiceSyntax.Cii => CiiView.Read(document.Root!),
        _ => null,
    };

    public static void Check(InvoiceView view, List<Finding> findings)
    {
        var run = new RuleRun(view, findings);
        CoreRules.Check(run);
        CalculationRules.Check(run);
        VatCategoryRules.Check(run);
        CodeListRules.Check(run);
        SyntaxRules.Check(run);
    }
}
