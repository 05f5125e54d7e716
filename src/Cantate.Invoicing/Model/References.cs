namespace Cantate.Invoicing.Model;

/// <summary>BG-1 Invoice note.</summary>
public sealed class InvoiceNote : ModelElement
{
    /// <summary>BT-21 Invoice note subject code (UNTDID 4451: <c>AAI</c>, <c>PMT</c>, <c>PMD</c>, <c>AAB</c>, <c>REG</c>...).</summary>
    public string? SubjectCode { get; set; }

    /// <summary>BT-22 Invoice note. Mandatory in the group.</summary>
    public string? Text { get; set; }
}

/// <summary>BG-3 Preceding invoice reference (for a credit note or a corrective invoice).</summary>
public sealed class PrecedingInvoiceReference : ModelElement
{
    /// <summary>BT-25 Preceding invoice reference (its number). Mandatory.</summary>
    public string? Number { get; set; }

    /// <summary>BT-26 Preceding invoice issue date.</summary>
    public DateOnly? IssueDate { get; set; }
}

/// <summary>BG-24 Additional supporting document.</summary>
public sealed class SupportingDocument : ModelElement
{
    /// <summary>BT-122 Supporting document reference. Mandatory.</summary>
    public string? Reference { get; set; }

    /// <summary>BT-123 Supporting document description.</summary>
    public string? Description { get; set; }

    /// <summary>BT-124 External document location (URL).</summary>
    public string? ExternalLocation { get; set; }

    /// <summary>BT-125 Attached document, with its MIME code (BT-125-1) and file name (BT-125-2).</summary>
    public Attachment? Attachment { get; set; }
}

/// <summary>BT-125 Attached document: the bytes, the MIME code (BT-125-1) and the file name (BT-125-2).</summary>
public sealed class Attachment
{
    /// <summary>The document content (base64-decoded).</summary>
    public byte[] Content { get; set; } = [];

    /// <summary>BT-125-1 MIME code (<c>application/pdf</c>, <c>image/png</c>, <c>text/csv</c>...).</summary>
    public string? MimeCode { get; set; }

    /// <summary>BT-125-2 File name.</summary>
    public string? FileName { get; set; }
}
