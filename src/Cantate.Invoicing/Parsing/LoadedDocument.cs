using System.Xml.Linq;

namespace Cantate.Invoicing.Parsing;

/// <summary>Why a document could not be read, with the pseudo rule id used in validation reports.</summary>
/// <param name="RuleId"><c>XML-WF</c>, <c>XML-DOCTYPE</c>, <c>XML-LIMIT</c>, <c>SYNTAX-UNKNOWN</c> or <c>FX-NO-XML</c>.</param>
/// <param name="MessageFr">French explanation.</param>
/// <param name="MessageEn">English explanation.</param>
public sealed record LoadProblem(string RuleId, string MessageFr, string MessageEn);

/// <summary>The result of loading an invoice file: the XML tree when readable, its syntax, and why not otherwise.</summary>
public sealed class LoadedDocument
{
    internal LoadedDocument(InvoiceSyntax syntax, XDocument? xml, LoadProblem? problem, string? attachmentName = null)
    {
        Syntax = syntax;
        Xml = xml;
        Problem = problem;
        AttachmentName = attachmentName;
    }

    /// <summary>The detected syntax (<see cref="InvoiceSyntax.FacturX"/> for any PDF).</summary>
    public InvoiceSyntax Syntax { get; }

    /// <summary>For a PDF, the syntax of the embedded XML (<see cref="InvoiceSyntax.Cii"/> normally); else <see cref="Syntax"/>.</summary>
    public InvoiceSyntax XmlSyntax => Xml is null ? InvoiceSyntax.Unknown : InvoiceDocumentLoader.DetectSyntax(Xml.Root);

    /// <summary>The invoice XML (for a PDF: the embedded <c>factur-x.xml</c>), or null when it could not be read.</summary>
    public XDocument? Xml { get; }

    /// <summary>Why the document could not be used, or null.</summary>
    public LoadProblem? Problem { get; }

    /// <summary>For a PDF: the name of the attachment that was read.</summary>
    public string? AttachmentName { get; }
}
