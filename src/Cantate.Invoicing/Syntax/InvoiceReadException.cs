namespace Cantate.Invoicing.Syntax;

/// <summary>
/// Thrown by the readers when a document cannot be mapped to the EN 16931 model: wrong root element,
/// or a value that does not fit its type (an amount that is not a number, a date that is not a date).
/// Readers throw nothing else on any input.
/// </summary>
public sealed class InvoiceReadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvoiceReadException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvoiceReadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public InvoiceReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the location of the offending element.</summary>
    public InvoiceReadException(string message, string? location)
        : base(location is null ? message : $"{message} (at {location})")
    {
        Location = location;
    }

    /// <summary>XPath-like location of the offending element, when known.</summary>
    public string? Location { get; }
}
