using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Validation.Rules;

namespace Cantate.Invoicing.Validation;

/// <summary>
/// Validates e-invoices (UBL 2.1, UN/CEFACT CII, Factur-X PDF) against EN 16931 and the French profiles.
/// Stateless and thread-safe: call it from as many threads as needed; schemas are compiled once per process.
/// Never throws on bad content: unreadable or hostile input is reported as a fatal finding.
/// </summary>
public static class InvoiceValidator
{
    /// <summary>Largest file accepted (bytes); larger files are refused with <c>XML-LIMIT</c>.</summary>
    public const int MaxFileBytes = 64 * 1024 * 1024;

    /// <summary>Validates a file's content.</summary>
    /// <param name="content">The bytes of the XML or PDF file.</param>
    /// <param name="fileName">The file name, used in messages only.</param>
    /// <param name="profile">The rule set to apply.</param>
    /// <returns>The report; <see cref="ValidationReport.IsValid"/> is false when any finding is fatal.</returns>
    public static ValidationReport Validate(ReadOnlyMemory<byte> content, string fileName, ValidationProfile profile = ValidationProfile.En16931)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var findings = new List<Finding>();
        if (content.Length > MaxFileBytes)
        {
            findings.Add(new Finding("XML-LIMIT", FindingSeverity.Fatal, string.Empty, "/", "Le fichier dépasse la taille maximale acceptée (64 Mo).", "The file exceeds the maximum accepted size (64 MB)."));
            return new ValidationReport(fileName, InvoiceSyntax.Unknown, profile, findings, null);
        }

        var schemaCheck = new SchemaCheck();
        var loaded = InvoiceDocumentLoader.Load(content, schemaCheck);
        if (loaded.Syntax == InvoiceSyntax.FacturX && loaded.AttachmentName is { } name
            && !name.Equals("factur-x.xml", StringComparison.OrdinalIgnoreCase)
            && !name.Equals("xrechnung.xml", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(new Finding("FX-FILENAME", FindingSeverity.Warning, string.Empty, "/", $"La pièce jointe s'appelle « {name} » au lieu de « factur-x.xml ».", $"The attachment is named \"{name}\" instead of \"factur-x.xml\"."));
        }

        if (loaded.Problem is { } problem)
        {
            findings.Insert(0, new Finding(problem.RuleId, FindingSeverity.Fatal, string.Empty, "/", problem.MessageFr, problem.MessageEn));
            return Report(fileName, loaded.Syntax, profile, findings, loaded);
        }

        var xml = loaded.Xml!;
        var xmlSyntax = loaded.XmlSyntax;
        findings.AddRange(schemaCheck.Findings);
        var view = En16931Rules.ReadView(xml, xmlSyntax);
        if (view is not null)
        {
            En16931Rules.Check(view, findings);
            ProfileRules.Check(view, profile, findings);
        }

        return Report(fileName, loaded.Syntax, profile, findings, loaded);
    }

    /// <summary>Validates a stream (read to its end; the stream is not closed).</summary>
    public static ValidationReport Validate(Stream content, string fileName, ValidationProfile profile = ValidationProfile.En16931)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > MaxFileBytes)
            {
                return Validate(new byte[MaxFileBytes + 1], fileName, profile);
            }

            copy.Write(buffer, 0, read);
        }

        return Validate(copy.GetBuffer().AsMemory(0, (int)copy.Length), fileName, profile);
    }

    /// <summary>Validates a byte array.</summary>
    public static ValidationReport Validate(byte[] content, string fileName, ValidationProfile profile = ValidationProfile.En16931)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Validate(content.AsMemory(), fileName, profile);
    }

    private static ValidationReport Report(string fileName, InvoiceSyntax syntax, ValidationProfile profile, List<Finding> findings, LoadedDocument loaded)
    {
        var ordered = findings.Where(f => f.Severity == FindingSeverity.Fatal).Concat(findings.Where(f => f.Severity == FindingSeverity.Warning)).ToList();
        return new ValidationReport(fileName, syntax, profile, ordered, loaded);
    }
}
