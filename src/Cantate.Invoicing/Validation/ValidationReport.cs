using Cantate.Invoicing.Model;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Syntax;

namespace Cantate.Invoicing.Validation;

/// <summary>The outcome of validating one file.</summary>
public sealed class ValidationReport
{
    internal ValidationReport(string fileName, InvoiceSyntax syntax, ValidationProfile profile, IReadOnlyList<Finding> findings, LoadedDocument? document)
    {
        FileName = fileName;
        Syntax = syntax;
        Profile = profile;
        Findings = findings;
        Document = document;
        IsValid = !findings.Any(f => f.Severity == FindingSeverity.Fatal);
        invoice = new Lazy<Invoice?>(() => ReadModel(document?.Xml), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly Lazy<Invoice?> invoice;

    /// <summary>The file name given by the caller (used in messages only).</summary>
    public string FileName { get; }

    /// <summary>The detected syntax (<see cref="InvoiceSyntax.FacturX"/> for a PDF).</summary>
    public InvoiceSyntax Syntax { get; }

    /// <summary>The profile the invoice was checked against.</summary>
    public ValidationProfile Profile { get; }

    /// <summary>True when no finding is fatal. Warnings never make an invoice invalid.</summary>
    public bool IsValid { get; }

    /// <summary>All findings, fatal first, in document order within a severity.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The loaded document (XML tree, attachment name), or null when nothing could be read.</summary>
    public LoadedDocument? Document { get; }

    /// <summary>
    /// The invoice read into the EN 16931 model when the XML is a UBL or CII invoice whose values fit their
    /// types (even if it breaks business rules); null otherwise. Read on first access.
    /// </summary>
    public Invoice? Invoice => invoice.Value;

    private static Invoice? ReadModel(System.Xml.Linq.XDocument? xml)
    {
        if (xml is null)
        {
            return null;
        }

        try
        {
            return InvoiceReader.Read(xml);
        }
        catch (InvoiceReadException)
        {
            return null;
        }
    }
}
