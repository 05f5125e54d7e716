using System.CommandLine;

namespace Cantate.Cli.Commands;

/// <summary>convert, render.</summary>
internal static class DocumentCommands
{
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
    }
}
