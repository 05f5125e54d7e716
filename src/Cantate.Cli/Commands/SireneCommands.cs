using System.CommandLine;

namespace Cantate.Cli.Commands;

/// <summary>sirene import.</summary>
internal static class SireneCommands
{
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
    }
}
