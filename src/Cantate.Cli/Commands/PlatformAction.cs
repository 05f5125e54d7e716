using System.CommandLine;
using System.CommandLine.Invocation;

namespace Cantate.Cli.Commands;

/// <summary>Runs a platform verb; reports usage errors (exit 2) itself, so a wrong command line never reaches the database.</summary>
internal sealed class PlatformAction(Func<ParseResult, Task<int>> run) : AsynchronousCommandLineAction
{
    private const int UsageError = 2;

    public override bool ClearsParseErrors => true;

    public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        if (parseResult.Errors.Count == 0 && parseResult.UnmatchedTokens.Count == 0) return await run(parseResult);
        var error = parseResult.InvocationConfiguration.Error;
        foreach (var problem in parseResult.Errors) await error.WriteLineAsync(problem.Message);
        foreach (var token in parseResult.UnmatchedTokens) await error.WriteLineAsync($"Argument inattendu : {token}");
        return UsageError;
    }
}
