using Cantate.Invoicing.Validation;
using SharpFuzz;

// SharpFuzz target for the validator. Any exception escaping InvoiceValidator.Validate is a crash for the
// fuzzer: the validator must turn every input, hostile or broken, into a report.
//   afl-fuzz:  sharpfuzz bin/Release/net10.0/Cantate.Invoicing.dll
//              afl-fuzz -i corpus -o findings -t 10000 -m none -- dotnet bin/Release/net10.0/Cantate.Invoicing.Fuzz.dll
//   libFuzzer: dotnet bin/Release/net10.0/Cantate.Invoicing.Fuzz.dll --libfuzzer (with libfuzzer-dotnet)
if (args.Contains("--libfuzzer"))
{
    Fuzzer.LibFuzzer.Run(span => InvoiceValidator.Validate(span.ToArray(), "fuzz.bin"));
}
else
{
    Fuzzer.OutOfProcess.Run(stream => InvoiceValidator.Validate(stream, "fuzz.bin"));
}
