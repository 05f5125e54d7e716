using System.CommandLine;

namespace Cantate.Cli.Commands;

/// <summary>validate.</summary>
internal static class InvoicingCommands
{
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
    }
}
