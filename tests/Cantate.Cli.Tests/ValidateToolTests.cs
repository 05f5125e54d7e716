using System.Diagnostics;

namespace Cantate.Cli.Tests;

/// <summary>
/// <c>cantate-validate</c> (src/Cantate.Validate, the <c>validate</c> verb on its own, published ahead of time for a
/// fast cold start) answers exactly as <c>cantate validate</c>: same output byte for byte, same exit codes. Both run
/// here as separate processes of their JIT builds (an ahead-of-time publish would cost minutes of CI).
/// </summary>
public sealed class ValidateToolTests
{
    private static readonly string Corpus = FindCorpus();

    [Fact]
    public async Task Json_lines_and_exit_code_1_are_the_same_for_valid_and_invalid_invoices()
    {
        string[] args = ["--format", "json", "real/cen/ubl-tc434-example1.xml", "mutated/cii-15-wrong-tax-total.xml", "real/cen/CII_example1.xml"];
        var (cliExit, cliOut, _) = await RunAsync("cantate", ["validate", .. args]);
        var (toolExit, toolOut, _) = await RunAsync("cantate-validate", args);

        Assert.Equal(1, cliExit);
        Assert.Equal(cliExit, toolExit);
        var lines = cliOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"rule\":\"BR-CO-15\"", lines[1], StringComparison.Ordinal);
        Assert.Equal(cliOut, toolOut);
    }

    [Fact]
    public async Task Text_report_and_exit_code_0_are_the_same_for_a_valid_invoice_with_a_profile()
    {
        string[] args = ["real/cen/ubl-tc434-example1.xml", "--profile", "en16931"];
        var (cliExit, cliOut, _) = await RunAsync("cantate", ["validate", .. args]);
        var (toolExit, toolOut, _) = await RunAsync("cantate-validate", args);

        Assert.Equal(0, cliExit);
        Assert.Equal(0, toolExit);
        Assert.Contains("VALIDE", cliOut, StringComparison.Ordinal);
        Assert.Equal(cliOut, toolOut);
    }

    [Theory]
    [InlineData("no-such-invoice.xml")]
    [InlineData("real/cen/ubl-tc434-example1.xml", "--profile", "nope")]
    [InlineData("real/cen/ubl-tc434-example1.xml", "--format", "xml")]
    public async Task Usage_errors_exit_with_2_and_the_same_message(params string[] args)
    {
        var (cliExit, cliOut, cliError) = await RunAsync("cantate", ["validate", .. args]);
        var (toolExit, toolOut, toolError) = await RunAsync("cantate-validate", args);

        Assert.Equal(2, cliExit);
        Assert.Equal(2, toolExit);
        Assert.NotEmpty(cliError);
        Assert.Equal(cliError, toolError);
        Assert.Equal(cliOut, toolOut);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Corpus,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program + ".dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cantate.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "en16931"));
            }
        }

        throw new InvalidOperationException("Cantate.slnx not found above " + AppContext.BaseDirectory);
    }
}
