using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Validation;

namespace Cantate.Cli.Commands;

/// <summary><c>validate</c>: checks invoices against EN 16931 and the French profiles.</summary>
internal static class InvoicingCommands
{
    /// <summary>What <c>validate</c> does, in the help of both executables that offer it.</summary>
    public const string Description = "Valide des factures électroniques (EN 16931, Factur-X, Chorus Pro, réforme française).";

    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var validate = new Command("validate", Description);
        Configure(validate);
        root.Subcommands.Add(validate);
    }

    /// <summary>
    /// Gives a command the arguments, options and action of <c>validate</c>: the <c>validate</c> verb of
    /// <c>cantate</c>, and the root command of <c>cantate-validate</c> (the same verb compiled ahead of time,
    /// src/Cantate.Validate), so that both parse, answer and exit alike.
    /// </summary>
    public static void Configure(Command validate)
    {
        ArgumentNullException.ThrowIfNull(validate);
        var files = new Argument<string[]>("files")
        {
            Description = "Fichiers XML (UBL, CII) ou PDF (Factur-X), dossiers (parcourus récursivement), ou « - » pour lire une liste de chemins sur l'entrée standard.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var profile = new Option<string>("--profile")
        {
            Description = "Règles à appliquer : en16931 (défaut), facturx, chorus, fr.",
            DefaultValueFactory = _ => "en16931",
        };
        var format = new Option<string>("--format")
        {
            Description = "Sortie : text (défaut, messages en français) ou json (un objet par ligne).",
            DefaultValueFactory = _ => "text",
        };
        validate.Arguments.Add(files);
        validate.Options.Add(profile);
        validate.Options.Add(format);
        validate.Action = new ValidateAction(files, profile, format);
    }

    /// <summary>Usage errors exit with 2 (not the parser's default 1, which means "an invoice is invalid").</summary>
    private sealed class ValidateAction(Argument<string[]> files, Option<string> profileOption, Option<string> formatOption) : AsynchronousCommandLineAction
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

                return 2;
            }

            if (!ValidationProfileNames.TryParse(parseResult.GetValue(profileOption), out var profile))
            {
                await stderr.WriteLineAsync("Profil inconnu : choisir en16931, facturx, chorus ou fr.").ConfigureAwait(false);
                return 2;
            }

            var format = parseResult.GetValue(formatOption);
            if (format is not ("text" or "json"))
            {
                await stderr.WriteLineAsync("Format inconnu : choisir text ou json.").ConfigureAwait(false);
                return 2;
            }

            var paths = new List<string>();
            foreach (var argument in parseResult.GetValue(files) ?? [])
            {
                if (argument == "-")
                {
                    string? line;
                    while ((line = await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
                    {
                        if (line.Trim().Length > 0)
                        {
                            paths.Add(line.Trim());
                        }
                    }
                }
                else if (Directory.Exists(argument))
                {
                    paths.AddRange(Directory.EnumerateFiles(argument, "*", SearchOption.AllDirectories)
                        .Where(p => p.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                        .Order(StringComparer.Ordinal));
                }
                else if (File.Exists(argument))
                {
                    paths.Add(argument);
                }
                else
                {
                    await stderr.WriteLineAsync($"Fichier introuvable : {argument}").ConfigureAwait(false);
                    return 2;
                }
            }

            if (paths.Count == 0)
            {
                await stderr.WriteLineAsync("Aucun fichier à valider. Usage : cantate validate FICHIER... [--profile en16931|facturx|chorus|fr] [--format text|json]").ConfigureAwait(false);
                return 2;
            }

            var allValid = true;
            using var stdout = Console.OpenStandardOutput();
            foreach (var path in paths)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ValidationReport report;
                try
                {
                    report = InvoiceValidator.Validate(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), Path.GetFileName(path), profile);
                }
                catch (IOException ex)
                {
                    await stderr.WriteLineAsync($"Lecture impossible de {path} : {ex.Message}").ConfigureAwait(false);
                    return 2;
                }

                allValid &= report.IsValid;
                if (format == "json")
                {
                    WriteJson(stdout, path, report);
                }
                else
                {
                    WriteText(stdout, path, report);
                }
            }

            return allValid ? 0 : 1;
        }
    }

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void WriteJson(Stream output, string path, ValidationReport report)
    {
        using (var json = new Utf8JsonWriter(output, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("file", path);
            json.WriteString("syntax", report.Syntax.ToName());
            json.WriteString("profile", report.Profile.ToName());
            json.WriteBoolean("valid", report.IsValid);
            json.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("rule", f.Rule);
                json.WriteString("severity", f.SeverityName);
                json.WriteString("bt", f.BusinessTerm);
                json.WriteString("location", f.Location);
                json.WriteString("message", f.MessageFr);
                json.WriteString("message_en", f.MessageEn);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    private static void WriteText(Stream output, string path, ValidationReport report)
    {
        using var writer = new StreamWriter(output, leaveOpen: true);
        var fatal = report.Findings.Count(f => f.Severity == FindingSeverity.Fatal);
        var warnings = report.Findings.Count - fatal;
        writer.WriteLine($"{path} : {(report.IsValid ? "VALIDE" : "INVALIDE")} ({report.Syntax.ToName()}, profil {report.Profile.ToName()}, {fatal} erreur(s), {warnings} avertissement(s))");
        foreach (var f in report.Findings)
        {
            var term = f.BusinessTerm.Length > 0 ? $" [{f.BusinessTerm}]" : string.Empty;
            writer.WriteLine($"  {(f.Severity == FindingSeverity.Fatal ? "ERREUR" : "avertissement")} {f.Rule}{term} {f.Location}");
            writer.WriteLine($"    {f.MessageFr}");
        }
    }
}
