using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Validation.Rules;

[assembly: InternalsVisibleTo("Cantate.Invoicing.Tests")]
[assembly: InternalsVisibleTo("Cantate.Invoicing.Bench")]

namespace Cantate.Invoicing.Validation;

/// <summary>Entry points below the public API, for rule-by-rule tests (the CEN unit tests are fragments, not invoices).</summary>
internal static class ValidatorInternals
{
    /// <summary>Runs the business rules only (no XSD) over a tree, as the Schematron phase of the official artefacts does.</summary>
    public static List<Finding> BusinessRules(XDocument document, ValidationProfile profile = ValidationProfile.En16931)
    {
        var findings = new List<Finding>();
        var view = En16931Rules.ReadView(document, InvoiceDocumentLoader.DetectSyntax(document.Root));
        if (view is not null)
        {
            En16931Rules.Check(view, findings);
            ProfileRules.Check(view, profile, findings);
        }

        return findings;
    }
}
