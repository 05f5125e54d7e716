using Cantate.Web.Persistence;

namespace Cantate.Web.Modules.Invoices;

/// <summary>
/// A supporting document joined to an invoice after its deposit (the supplier completing a suspended invoice, or
/// an API deposit's pièces jointes). Documents inside the invoice file itself stay in that file.
/// </summary>
public sealed class InvoiceAttachment : IHasCppId
{
    /// <summary>The invoice itself, for a PDF deposit (pieceJointePrincipale).</summary>
    public const string Principal = "PRINCIPALE";
    /// <summary>A supporting document (pieceJointeComplementaire).</summary>
    public const string Complementary = "COMPLEMENTAIRE";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>pieceJointeId in the API.</summary>
    public int CppId { get; set; }
    public Guid InvoiceId { get; init; }
    /// <summary><see cref="Principal"/> or <see cref="Complementary"/>.</summary>
    public required string Kind { get; init; }
    public required string FileName { get; init; }
    public required string MimeType { get; init; }
    public long Size { get; init; }
    /// <summary>Where the bytes are, relative to the documents root.</summary>
    public required string StoragePath { get; init; }
    public DateTime AddedAt { get; init; }
    public required string AddedBy { get; init; }
}
