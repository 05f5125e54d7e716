using Cantate.Sirene;
using Cantate.Web.Modules.Invoices.Features.DepositInvoice;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf.IO;
using Deposit = Cantate.Web.Modules.Invoices.Features.DepositInvoice.DepositInvoice;

namespace Cantate.Web.Modules.Invoices.Features.DepositPdf;

/// <summary>
/// Deposit of a plain PDF invoice (DEPOT_PDF_PORTAIL from the portal, DEPOT_PDF_API from soumettre): the PDF is the
/// invoice's document, the record comes from the typed fields. The routing rules of the directory and the number's
/// uniqueness are checked as for any invoice; an accepted invoice gets its flow and certificate, then is routed.
/// </summary>
public sealed class DepositPdf(CantateDbContext db, DocumentStore documents, RoutingRules routing, ValidateInvoice.ValidatorRules validators, InvoiceCheck check,
    TimeProvider clock)
{
    public const long MaxPdfBytes = InvoiceCheck.MaxFileBytes;

    public sealed record Result(DepositFlow? Flow, Invoice? Invoice, IReadOnlyList<DepositProblem> Problems)
    {
        public bool Accepted => Invoice is not null;
    }

    /// <summary>
    /// Deposits the PDF already in the document store at <c>storagePath</c> with the typed fields; <c>beforeSave</c> adds
    /// what belongs with the accepted invoice (its pièces jointes) to the same transaction.
    /// </summary>
    public async Task<Result> HandleAsync(Depositor depositor, PdfInvoice fields, string fileName, string storagePath, Action<Invoice>? beforeSave,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(depositor);
        ArgumentNullException.ThrowIfNull(fields);
        var content = await documents.ReadAsync(storagePath, cancellationToken);
        if (CheckPdf(fileName, content) is { } unreadable) return new Result(null, null, [unreadable]);
        var problems = fields.Check().ToList();
        if (problems.Count > 0) return new Result(null, null, problems);

        var siret = SiretRules.Normalize(fields.RecipientSiret);
        var routed = await routing.CheckAsync(siret, Clean(fields.ServiceCode), Clean(fields.EngagementNumber), cancellationToken);
        problems.AddRange(routed.Problems);
        var validated = await validators.CheckAsync(fields.Cadre, depositor.StructureId, depositor.Validator, cancellationToken);
        problems.AddRange(validated.Problems);
        if (await check.IsNumberTakenAsync(depositor.StructureId, fields.Number!, cancellationToken)) problems.Add(InvoiceCheck.Duplicate(fields.Number!));
        if (problems.Count > 0) return new Result(null, null, problems);

        var supplier = await db.Structures.AsNoTracking().Where(s => s.Id == depositor.StructureId)
            .Select(s => new { s.RaisonSociale, s.Siret }).FirstAsync(cancellationToken);
        var draft = new InvoiceDraft
        {
            Number = fields.Number!,
            TypeCode = fields.TypeCode,
            Cadre = fields.Cadre,
            IssueDate = fields.IssueDate!.Value,
            Currency = fields.Currency!,
            TotalWithoutVat = fields.TotalWithoutVat!.Value,
            TotalVat = fields.TotalVat!.Value,
            TotalWithVat = fields.TotalWithVat!.Value,
            AmountDue = fields.Due,
            SupplierName = supplier.RaisonSociale,
            SupplierSiret = supplier.Siret,
            RecipientSiret = siret,
            ServiceCode = Clean(fields.ServiceCode),
            EngagementNumber = Clean(fields.EngagementNumber),
            Syntax = "PDF",
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var flow = Deposit.NewFlow(depositor, depositor.Mode, fileName, content, storagePath, now);
        var invoice = Deposit.Add(db, draft, flow, depositor, storagePath, now, validated.Validator);
        flow.Finish(new FlowReport { Invoices = [Deposit.Entry(fileName, draft, invoice.Id, [], [])] }, now);
        db.DepositFlows.Add(flow);
        beforeSave?.Invoke(invoice);
        if (!await Deposit.SaveAsync(db, check, depositor.StructureId, draft.Number, cancellationToken))
            return new Result(null, null, [InvoiceCheck.Duplicate(draft.Number)]);
        return new Result(flow, invoice, []);
    }

    /// <summary>A PDF that opens without a password; null when it does, else why not.</summary>
    public static DepositProblem? CheckPdf(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0) return new DepositProblem("FICHIER-VIDE", "", "", $"Le fichier « {fileName} » est vide : déposez le PDF de la facture.");
        if (content.Length > MaxPdfBytes) return new DepositProblem("FICHIER-TROP-GROS", "", "", $"Le fichier « {fileName} » dépasse 120 Mo.");
        if (!content.AsSpan().StartsWith("%PDF"u8))
            return new DepositProblem("PDF-ILLISIBLE", "", "", $"Le fichier « {fileName} » n'est pas un PDF : déposez la facture au format PDF.");
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
            return document.PageCount == 0
                ? new DepositProblem("PDF-ILLISIBLE", "", "", $"Le PDF « {fileName} » ne contient aucune page.")
                : null;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            var protectedPdf = e.Message.Contains("password", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase);
            return protectedPdf
                ? new DepositProblem("PDF-PROTEGE", "", "", $"Le PDF « {fileName} » est protégé par un mot de passe : déposez-le sans protection.")
                : new DepositProblem("PDF-ILLISIBLE", "", "", $"Le PDF « {fileName} » est illisible ou endommagé : enregistrez-le de nouveau en PDF puis déposez-le.");
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
