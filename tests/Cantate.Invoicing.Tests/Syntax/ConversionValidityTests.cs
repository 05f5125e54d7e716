using Cantate.Invoicing.FacturX;
using Cantate.Invoicing.Model;
using Cantate.Invoicing.Syntax;
using Cantate.Invoicing.Validation;
using FsCheck.Fluent;

namespace Cantate.Invoicing.Tests.Syntax;

/// <summary>A conversion must not turn a valid invoice into an invalid one: the validator judges the output.</summary>
public class ConversionValidityTests
{
    private static readonly Dictionary<string, (Func<Invoice, byte[]> Write, string FileName, ValidationProfile Profile)> Targets = new()
    {
        ["ubl"] = (i => InvoiceXml.ToBytes(UblWriter.Write(i)), "converted.xml", ValidationProfile.En16931),
        ["cii"] = (i => InvoiceXml.ToBytes(CiiWriter.Write(i)), "converted.xml", ValidationProfile.En16931),
        ["facturx"] = (FacturXWriter.Write, "converted.pdf", ValidationProfile.En16931),
    };

    public static TheoryData<string, string> FilesAndTargets()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, _) in CorpusFiles.ValidRealXml())
        {
            foreach (var target in Targets.Keys)
            {
                data.Add(file, target);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FilesAndTargets))]
    public void A_valid_invoice_converted_to_another_syntax_is_still_valid_en16931(string file, string target)
    {
        var (write, fileName, profile) = Targets[target];
        var bytes = write(InvoiceReader.Read(CorpusFiles.Load(file)));

        var report = InvoiceValidator.Validate(bytes, fileName, profile);

        var fatal = report.Findings.Where(f => f.Severity == FindingSeverity.Fatal).Select(f => $"{f.Rule} {f.Location} {f.MessageEn}");
        Assert.True(report.IsValid, string.Join('\n', fatal));
    }

    [Fact]
    public void A_generated_invoice_written_as_factur_x_passes_the_factur_x_profile_rules()
    {
        var invoice = Model.InvoiceGenerators.ConsistentInvoice().Sample(1).Single();
        invoice.SpecificationId = FacturXProfile.En16931.SpecificationId();

        var report = InvoiceValidator.Validate(FacturXWriter.Write(invoice), "facture.pdf", ValidationProfile.FacturX);

        var fatal = report.Findings.Where(f => f.Severity == FindingSeverity.Fatal).Select(f => $"{f.Rule} {f.Location} {f.MessageEn}");
        Assert.True(report.IsValid, string.Join('\n', fatal));
    }
}
