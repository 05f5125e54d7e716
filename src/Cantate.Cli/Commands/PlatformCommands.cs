using System.CommandLine;

namespace Cantate.Cli.Commands;

/// <summary>Verbs that act on the platform's database (annuaire, api clients...).</summary>
internal static class PlatformCommands
{
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
    }
}
