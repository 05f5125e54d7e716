using System.Xml.Schema;
using Cantate.Invoicing.Validation.SchemaModel;

namespace Cantate.Invoicing.Tests.Validation;

/// <summary>
/// The schema models embedded in the product are what <see cref="SchemaModelCompiler"/> makes of the XSD files beside
/// them. After changing a schema or the compiler, write the models anew with
/// <c>CANTATE_WRITE_SCHEMA_MODELS=1 dotnet test tests/Cantate.Invoicing.Tests --filter SchemaModelTests</c>.
/// </summary>
public sealed class SchemaModelTests
{
    public static TheoryData<string> Models() => new() { "ubl-2.1.model", "cii-d16b.model" };

    [Theory]
    [MemberData(nameof(Models))]
    public void The_checked_in_model_is_what_the_compiler_makes_of_the_schemas(string file)
    {
        var generated = Generate(file);
        var path = Path.Combine(XsdOracle.SchemaFolder, file);
        if (Environment.GetEnvironmentVariable("CANTATE_WRITE_SCHEMA_MODELS") == "1")
        {
            File.WriteAllBytes(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with CANTATE_WRITE_SCHEMA_MODELS=1.");
        Assert.True(generated.AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{file} differs from what the compiler makes of the schemas: run the tests with CANTATE_WRITE_SCHEMA_MODELS=1 and commit the result.");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_model_reads_back_as_it_was_written(string file)
    {
        var generated = Generate(file);
        using var copy = new MemoryStream();
        CompiledSchema.Read(new MemoryStream(generated)).Write(copy);
        Assert.Equal(generated, copy.ToArray());
    }

    [Fact]
    public void The_ubl_model_holds_the_invoice_content_model_in_schema_order()
    {
        var model = SchemaModelCompiler.Compile(XsdOracle.FreshUblSet());
        var invoice = model.Names.ToList().IndexOf(new QualifiedName("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", "Invoice"));
        var type = model.Types[model.Elements[model.GlobalElements[invoice]].Type];
        Assert.Equal(ContentKind.ElementOnly, type.Content);
        Assert.False(type.Accepting[0]);
        string Local(int symbol) => model.Names[type.SymbolNames[symbol]].Local;

        // From the start, the first required element is cbc:ID; UBLExtensions, UBLVersionID... may come before it.
        var fromStart = Enumerable.Range(0, type.SymbolCount).Where(s => type.Transitions[s] >= 0).Select(Local).ToList();
        Assert.Contains("UBLExtensions", fromStart);
        Assert.Contains("ID", fromStart);
        Assert.DoesNotContain("IssueDate", fromStart);
    }

    private static byte[] Generate(string file)
    {
        var set = file.StartsWith("ubl", StringComparison.Ordinal) ? XsdOracle.FreshUblSet() : XsdOracle.FreshCiiSet();
        using var stream = new MemoryStream();
        SchemaModelCompiler.Compile(set).Write(stream);
        return stream.ToArray();
    }
}
