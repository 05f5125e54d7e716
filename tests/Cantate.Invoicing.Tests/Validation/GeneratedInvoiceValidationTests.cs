using System.Text;
using System.Xml.Linq;
using Cantate.Invoicing.Model;
using Cantate.Invoicing.Syntax;
using Cantate.Invoicing.Tests.Model;
using Cantate.Invoicing.Validation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>
/// Property-based tests: consistent invoices from <see cref="InvoiceGenerators"/>, written as UBL and as CII,
/// are accepted; each single corruption of them is rejected by the rule made for it.
/// </summary>
public sealed class GeneratedInvoiceValidationTests
{
    private static ValidationReport Validate(XDocument document, ValidationProfile profile = ValidationProfile.En16931) =>
        InvoiceValidator.Validate(Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting)), "generated.xml", profile);

    private static string Fatal(ValidationReport report) =>
        string.Join('\n', report.Findings.Where(f => f.Severity == FindingSeverity.Fatal).Select(f => $"{f.Rule} {f.Location}: {f.MessageEn}"));

    [Property(MaxTest = 100)]
    public Property A_consistent_invoice_written_as_UBL_is_valid() =>
        Prop.ForAll(InvoiceGenerators.ConsistentInvoice().ToArbitrary(), invoice =>
        {
            var report = Validate(UblWriter.Write(invoice));
            return report.IsValid.Label(Fatal(report) + "\n" + InvoiceGenerators.Describe(invoice));
        });

    [Property(MaxTest = 100)]
    public Property A_consistent_invoice_written_as_CII_is_valid() =>
        Prop.ForAll(InvoiceGenerators.ConsistentInvoice().ToArbitrary(), invoice =>
        {
            var report = Validate(CiiWriter.Write(invoice));
            return report.IsValid.Label(Fatal(report) + "\n" + InvoiceGenerators.Describe(invoice));
        });

    [Property(MaxTest = 100)]
    public Property A_full_invoice_with_every_term_written_as_UBL_is_valid() =>
        Prop.ForAll(InvoiceGenerators.FullInvoice().ToArbitrary(), invoice =>
        {
            var report = Validate(UblWriter.Write(invoice));
            return report.IsValid.Label(Fatal(report));
        });

    [Property(MaxTest = 100)]
    public Property A_full_invoice_with_every_term_written_as_CII_is_valid() =>
        Prop.ForAll(InvoiceGenerators.FullInvoice().ToArbitrary(), invoice =>
        {
            var report = Validate(CiiWriter.Write(invoice));
            return report.IsValid.Label(Fatal(report));
        });

    [Property(MaxTest = 200)]
    public Property Each_single_corruption_is_rejected_by_its_rule() =>
        Prop.ForAll(
            InvoiceGenerators.ConsistentInvoice().ToArbitrary(),
            Gen.Elements(InvoiceCorruption.All.ToArray()).ToArbitrary(),
            Gen.Elements(true, false).ToArbitrary(),
            (invoice, corruption, ubl) =>
            {
                var document = ubl ? UblWriter.Write(invoice) : CiiWriter.Write(invoice);
                corruption.Apply(document.Root!, ubl);
                var report = Validate(document);
                var caught = report.Findings.Any(f => f.Rule == corruption.ExpectedRule && f.Severity == FindingSeverity.Fatal);
                return (caught && !report.IsValid).Label($"{corruption} ({(ubl ? "UBL" : "CII")}) should fire {corruption.ExpectedRule}; fatal findings:\n{Fatal(report)}");
            });

    [Fact]
    public void The_parsed_model_comes_with_the_report_of_a_readable_invoice()
    {
        var invoice = InvoiceGenerators.ConsistentInvoice().Sample(1).Single();
        var report = Validate(UblWriter.Write(invoice));
        Assert.Equal(invoice.Number, report.Invoice?.Number);
    }
}
