using System.CommandLine;
using System.CommandLine.Invocation;
using Cantate.Invoicing.FacturX;
using Cantate.Invoicing.Model;
using Cantate.Invoicing.Rendering;
using Cantate.Invoicing.Syntax;

namespace Cantate.Cli.Commands;

/// <summary><c>convert</c> (UBL, CII, Factur-X) and <c>render</c> (PDF for a person).</summary>
internal static class DocumentCommands
{
    /// <summary>Exit code of a usage error (unknown option, missing argument, unknown target).</summary>
    private const int UsageError = 2;

    /// <summary>Exit code of an input that cannot be read, or an output that cannot be written.</summary>
    private const int Unreadable = 1;

    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Subcommands.Add(Convert());
        root.Subcommands.Add(Render());
    }

    private static Argument<string> InputArgument() => new("file")
    {
        Description = "Facture à lire : XML UBL 2.1 (Invoice, CreditNote), XML CII, ou PDF Factur-X / ZUGFeRD.",
    };

    private static Option<string> OutputOption() => new("--output", "-o")
    {
        Description = "Fichier à écrire.",
        Required = true,
    };

    private static Command Convert()
    {
        var input = InputArgument();
        var output = OutputOption();
        var target = new Option<string>("--to")
        {
            Description = "Syntaxe cible : ubl, cii (D16B, Chorus Pro), cii-d22b (toutes les factures antérieures) ou facturx (PDF/A-3 avec factur-x.xml).",
            Required = true,
        };
        target.AcceptOnlyFromAmong("ubl", "cii", "cii-d22b", "facturx");
        var command = new Command("convert", "Convertit une facture entre UBL 2.1, CII et Factur-X sans perdre de terme EN 16931.")
        {
            input,
            target,
            output,
        };
        command.Action = new DocumentAction(input, output, (parse, invoice) => parse.GetValue(target) switch
        {
            "ubl" => InvoiceXml.ToBytes(UblWriter.Write(invoice)),
            "cii" => InvoiceXml.ToBytes(CiiWriter.Write(invoice)),
            "cii-d22b" => InvoiceXml.ToBytes(CiiWriter.Write(invoice, CiiVersion.D22B)),
            "facturx" => FacturXWriter.Write(invoice),
            _ => null,
        });
        return command;
    }

    private static Command Render()
    {
        var input = InputArgument();
        var output = OutputOption();
        var command = new Command("render", "Produit le PDF lisible (mise en page française) d'une facture.")
        {
            input,
            output,
        };
        command.Action = new DocumentAction(input, output, (_, invoice) => InvoicePdfRenderer.Render(invoice));
        return command;
    }

    /// <summary>Reads the input into the model, produces the output bytes, writes them; never lets an exception out.</summary>
    private sealed class DocumentAction(Argument<string> input, Option<string> output, Func<ParseResult, Invoice, byte[]?> produce)
        : AsynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            var stderr = Console.Error;
            if (parseResult.Errors.Count > 0)
            {
                foreach (var error in parseResult.Errors)
                {
                    await stderr.WriteLineAsync(error.Message).ConfigureAwait(false);
                }

                return UsageError;
            }

            var path = parseResult.GetValue(input)!;
            var target = parseResult.GetValue(output)!;
            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await stderr.WriteLineAsync($"Impossible de lire {path} : {e.Message}").ConfigureAwait(false);
                return Unreadable;
            }

            var read = InvoiceFile.Read(content);
            if (!read.Succeeded)
            {
                await stderr.WriteLineAsync($"{path} : {read.Problem!.RuleId} : {read.Problem.MessageFr}").ConfigureAwait(false);
                return Unreadable;
            }

            byte[]? bytes;
            try
            {
                bytes = produce(parseResult, read.Invoice!);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
            {
                await stderr.WriteLineAsync($"{path} : la facture n'a pas pu être écrite : {e.Message}").ConfigureAwait(false);
                return Unreadable;
            }

            if (bytes is null)
            {
                await stderr.WriteLineAsync("Syntaxe cible inconnue : choisir ubl, cii, cii-d22b ou facturx.").ConfigureAwait(false);
                return UsageError;
            }

            try
            {
                await File.WriteAllBytesAsync(target, bytes, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await stderr.WriteLineAsync($"Impossible d'écrire {target} : {e.Message}").ConfigureAwait(false);
                return Unreadable;
            }

            return 0;
        }
    }
}
