using Cantate.Invoicing.FacturX;
using Cantate.Invoicing.Syntax;
using Cantate.Invoicing.Validation;

namespace Cantate.Invoicing.Tests.Syntax;

/// <summary>A conversion must not turn a valid invoice into an invalid one: the validator judges the output.</summary>
public class ConversionValidityTests
{
    public static TheoryData<string> ValidFiles() => CorpusFiles.ValidRealXmlData();

    private static string Fatal(ValidationReport report) =>
        string.Join('\n', report.Findings.Where(f => f.Severity == FindingSeverity.Fatal).Select(f => $"{f.Rule} {f.Location} {f.MessageEn}"));

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void A_valid_invoice_converted_to_ubl_is_still_valid_en16931(string file)
    {
        var bytes = InvoiceXml.ToBytes(UblWriter.Write(InvoiceReader.Read(CorpusFiles.Load(file))));

        var report = InvoiceValidator.Validate(bytes, "converted.xml");

        Assert.True(report.IsValid, Fatal(report));
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void A_valid_invoice_converted_to_cii_is_still_valid_en16931(string file)
    {
        var bytes = InvoiceXml.ToBytes(CiiWriter.Write(InvoiceReader.Read(CorpusFiles.Load(file))));

        var report = InvoiceValidator.Validate(bytes, "converted.xml");

        Assert.True(report.IsValid, Fatal(report));
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void A_valid_invoice_written_as_factur_x_is_still_valid_en16931(string file)
    {
        var pdf = FacturXWriter.Write(InvoiceReader.Read(CorpusFiles.Load(file)));

        var report = InvoiceValidator.Validate(pdf, "converted.pdf");

        Assert.True(report.IsValid, Fatal(report));
    }
}
