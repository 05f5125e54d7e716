using System.Text;
using System.Xml.Linq;
using Cantate.Invoicing.Tests.Syntax;
using Cantate.Invoicing.Validation;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>Schema findings say, in French and English, which element is wrong, what was found and what was expected.</summary>
public sealed class SchemaMessageTests
{
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    [Fact]
    public void A_missing_required_element_is_named_with_the_element_it_should_precede()
    {
        var document = CorpusFiles.Load("real/cen/ubl-tc434-example1.xml");
        var issueDate = document.Root!.Element(Cbc + "IssueDate")!;
        var next = Syntax(issueDate.ElementsAfterSelf().First().Name);
        issueDate.Remove();

        var finding = Assert.Single(SchemaFindings(document));
        Assert.Equal("XSD-cvc-complex-type.2.4.a", finding.Rule);
        Assert.Equal($"Schéma XSD : l'élément cbc:IssueDate est attendu avant {next} dans ubl:Invoice.", finding.MessageFr);
        Assert.Equal($"XSD schema: element cbc:IssueDate is expected before {next} in ubl:Invoice.", finding.MessageEn);
    }

    [Fact]
    public void A_duplicated_element_is_said_to_be_out_of_place_with_what_may_come_there()
    {
        var document = CorpusFiles.Load("real/cen/ubl-tc434-example1.xml");
        var issueDate = document.Root!.Element(Cbc + "IssueDate")!;
        issueDate.AddAfterSelf(new XElement(issueDate));

        var finding = Assert.Single(SchemaFindings(document));
        Assert.StartsWith("Schéma XSD : l'élément cbc:IssueDate n'est pas permis à cet endroit (déjà présent", finding.MessageFr, StringComparison.Ordinal);
        Assert.Contains("attendu ici : ", finding.MessageFr, StringComparison.Ordinal);
        Assert.Contains("cbc:IssueTime", finding.MessageFr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_date_names_the_value_and_the_expected_form()
    {
        var document = CorpusFiles.Load("real/cen/ubl-tc434-example1.xml");
        document.Root!.Element(Cbc + "IssueDate")!.Value = "2024-13-45";

        var findings = SchemaFindings(document);
        Assert.Equal(["XSD-cvc-complex-type.2.2", "XSD-cvc-datatype-valid.1.2.1"], findings.Select(f => f.Rule).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal("/ubl:Invoice[1]/cbc:IssueDate[1]", f.Location));
        Assert.Contains("« 2024-13-45 » de cbc:IssueDate n'est pas valide : ce n'est pas une date AAAA-MM-JJ", findings[0].MessageFr, StringComparison.Ordinal);
        Assert.Contains("is not a YYYY-MM-DD date", findings[0].MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_attribute_is_named()
    {
        var document = CorpusFiles.Load("real/cen/ubl-tc434-example1.xml");
        var amount = document.Descendants(Cbc + "PayableAmount").First();
        amount.Attribute("currencyID")!.Remove();

        var finding = Assert.Single(SchemaFindings(document));
        Assert.Equal("XSD-cvc-complex-type.4", finding.Rule);
        Assert.Equal("Schéma XSD : l'attribut currencyID est obligatoire sur cbc:PayableAmount.", finding.MessageFr);
        Assert.Equal("XSD schema: attribute currencyID is required on cbc:PayableAmount.", finding.MessageEn);
    }

    private static string Syntax(XName name) => (name.Namespace == Cbc ? "cbc:" : "cac:") + name.LocalName;

    private static List<Finding> SchemaFindings(XDocument document)
    {
        var report = InvoiceValidator.Validate(Encoding.UTF8.GetBytes(document.ToString()), "x.xml");
        return [.. report.Findings.Where(f => f.Rule.StartsWith("XSD-", StringComparison.Ordinal))];
    }
}
