using System.CommandLine;
using Cantate.Cli.Commands;

var root = new RootCommand("Cantate : facturation électronique au secteur public (ligne de commande).");
// Each module adds its verbs; keep one line per module.
InvoicingCommands.AddTo(root);
DocumentCommands.AddTo(root);
SireneCommands.AddTo(root);
PlatformCommands.AddTo(root);
ApiCommands.AddTo(root);
return await root.Parse(args).InvokeAsync();
