using System.CommandLine;
using Cantate.Cli.Commands;

// cantate-validate FILE... [--profile en16931|facturx|chorus|fr] [--format text|json]: the same arguments, output
// and exit codes (0 valid, 1 invalid, 2 usage or read error) as `cantate validate`.
var root = new RootCommand(InvoicingCommands.Description);
InvoicingCommands.Configure(root);
return await root.Parse(args).InvokeAsync();
