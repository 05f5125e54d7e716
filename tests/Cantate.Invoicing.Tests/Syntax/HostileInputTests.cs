using System.Xml.Linq;
using Cantate.Invoicing.Syntax;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cantate.Invoicing.Tests.Syntax;

public class HostileInputTests
{
    private static readonly string[] Sources =
        ["real/cen/Invoice-Max_content.xml", "real/cen/CreditNote-Max_content.xml", "real/cen/CII_example1.xml", "real/akretion/factur-x-extended.xml"];

    private static readonly string[] Junk = ["", " ", "abc", "-", "1e5", "99999999999999999999999999999999", "2026-13-45", "20261345", "#", "##", "#A", "\u00A0", "true", "0x1F", "NaN"];

    /// <summary>A corpus document with one element emptied, replaced by junk, or removed.</summary>
    private static Gen<XDocument> Mutated() =>
        from source in Gen.Elements(Sources)
        from pick in Gen.Choose(0, 10_000)
        from action in Gen.Choose(0, 2)
        from junk in Gen.Elements(Junk)
        select Mutate(source, pick, action, junk);

    private static XDocument Mutate(string source, int pick, int action, string junk)
    {
        var document = CorpusFiles.Load(source);
        var elements = document.Root!.Descendants().ToList();
        var target = elements[pick % elements.Count];
        switch (action)
        {
            case 0:
                target.Remove();
                break;
            case 1:
                target.ReplaceNodes(junk);
                break;
            default:
                foreach (var attribute in target.Attributes().Where(a => !a.IsNamespaceDeclaration).ToList())
                {
                    attribute.Value = junk;
                }

                target.ReplaceNodes(junk);
                break;
        }

        return document;
    }

    [Property(MaxTest = 300)]
    public Property A_damaged_document_is_read_or_refused_with_a_read_exception_only() =>
        Prop.ForAll(Mutated().ToArbitrary(), document =>
        {
            try
            {
                var invoice = InvoiceReader.Read(document);
                // What was read can be written again in both syntaxes.
                _ = UblWriter.Write(invoice).ToString();
                _ = CiiWriter.Write(invoice).ToString();
            }
            catch (InvoiceReadException e)
            {
                return e.Message.Length > 0;
            }

            return true;
        });

    [Fact]
    public void An_empty_root_reads_into_an_empty_model()
    {
        var invoice = InvoiceReader.Read(XDocument.Parse("<Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'/>"));

        Assert.Null(invoice.Number);
        Assert.Empty(invoice.Lines);
        Assert.Null(invoice.Totals);
    }

    [Fact]
    public void A_document_without_root_is_refused_with_a_read_exception()
    {
        Assert.Throws<InvoiceReadException>(() => InvoiceReader.Read(new XDocument()));
    }
}
