using Cantate.Invoicing.Parsing;
using Cantate.Web.Modules.Invoices.Features.DepositBatch;
using Cantate.Web.Modules.Invoices.Features.DepositInvoice;
using Cantate.Web.Modules.Invoices.Features.DepositPdf;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Modules.Invoices.Features.ValidateInvoice;
using Cantate.Web.Modules.Structures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Batch = Cantate.Web.Modules.Invoices.Features.DepositBatch.DepositBatch;
using Pdf = Cantate.Web.Modules.Invoices.Features.DepositPdf.DepositPdf;

namespace Cantate.Web.Modules.Invoices.Pages;

/// <summary>
/// "Déposer une facture": a UBL, CII or Factur-X file, or a .zip / .tar.gz batch of up to 500, checked at once (a
/// batch is one flow, with every invoice's result); or a plain PDF, for which the page then asks the routing data
/// and the amounts, and which is deposited as DEPOT_PDF_PORTAIL.
/// </summary>
[Authorize]
[RequestSizeLimit(DepositInvoice.MaxFileBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = DepositInvoice.MaxFileBytes + 1024 * 1024)]
public sealed class DepositModel(StructureAccess access, DepositInvoice deposit, Batch batch, Pdf depositPdf, PendingPdf pending) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "structure")] public Guid StructureId { get; set; }
    [BindProperty] public IFormFile? Fichier { get; set; }
    [BindProperty(Name = PdfInvoiceForm.Prefix)] public PdfInvoiceForm PdfForm { get; set; } = new();
    [BindProperty(Name = "jeton")] public string? PdfToken { get; set; }
    /// <summary>The valideur of an A9/A12 invoice file (the file itself has no field for it).</summary>
    [BindProperty(Name = "siretValideur")] public string? ValidatorSiret { get; set; }
    [BindProperty(Name = "serviceValideur")] public string? ValidatorService { get; set; }

    public Membership Membership { get; private set; } = default!;
    public DepositInvoice.Result? Result { get; private set; }
    /// <summary>The flow of a batch, with its report.</summary>
    public DepositFlow? Flow { get; private set; }
    public FlowReport? Report { get; private set; }
    /// <summary>The plain PDF whose fields are asked.</summary>
    public string? PdfFileName { get; private set; }
    public Pdf.Result? PdfResult { get; private set; }
    public string? FileName { get; private set; }

    /// <summary>The flow and invoice of an accepted single deposit (a file or a plain PDF).</summary>
    public (DepositFlow Flow, Invoice Invoice)? Deposited =>
        Result is { Accepted: true } ? (Result.Flow!, Result.Invoice!)
        : PdfResult is { Accepted: true } ? (PdfResult.Flow!, PdfResult.Invoice!) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (Fichier is null)
        {
            ModelState.AddModelError(nameof(Fichier), "Choisissez le fichier de la facture à déposer (UBL, CII, PDF) ou une archive .zip ou .tar.gz de factures.");
            return Page();
        }
        FileName = Path.GetFileName(Fichier.FileName);
        using var buffer = new MemoryStream();
        await Fichier.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        var depositor = new Depositor(StructureId, StructureAccess.UserIdOf(User), User.Identity?.Name ?? "Utilisateur", "PORTAIL");
        if (FlowArchive.IsArchive(content))
        {
            Flow = await batch.HandleAsync(depositor, FileName, content, cancellationToken);
            Report = Flow.ReadReport();
        }
        else if (IsPlainPdf(content))
        {
            PdfToken = await pending.HoldAsync(StructureId, FileName, content, cancellationToken);
            PdfFileName = FileName;
            PdfForm = new PdfInvoiceForm();
        }
        else
        {
            Result = await deposit.HandleAsync(depositor with { Validator = new ValidatorRequest(ValidatorSiret, ValidatorService) }, FileName, content, cancellationToken);
        }
        return Page();
    }

    /// <summary>The fields of a plain PDF: checked, then the PDF is deposited with them.</summary>
    public async Task<IActionResult> OnPostPdfAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        ModelState.Clear();
        if (pending.Find(StructureId, PdfToken) is not { } held)
        {
            ModelState.AddModelError(nameof(Fichier), "Le PDF reçu n'est plus disponible (plus d'un jour s'est écoulé) : déposez-le de nouveau.");
            return Page();
        }
        PdfFileName = held.FileName;
        var (fields, errors) = PdfForm.Read();
        foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
        AddProblems(fields.Check());
        if (!ModelState.IsValid) return Page();
        var depositor = new Depositor(StructureId, StructureAccess.UserIdOf(User), User.Identity?.Name ?? "Utilisateur", "PORTAIL", DepositModes.DepotPdfPortail);
        PdfResult = await depositPdf.HandleAsync(depositor, fields, held.FileName, held.StoragePath, null, cancellationToken);
        AddProblems(PdfResult.Problems.Where(p => !IsAboutFile(p)));
        return Page();
    }

    /// <summary>Each problem next to its field, the first one only when a field has several.</summary>
    private void AddProblems(IEnumerable<DepositProblem> problems)
    {
        foreach (var problem in problems)
        {
            var field = PdfInvoiceForm.FieldOf(problem.BusinessTerm);
            if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0) continue;
            ModelState.AddModelError(field, problem.Message);
        }
    }

    /// <summary>Problems of the PDF itself rather than of a field (unreadable, protected).</summary>
    public static bool IsAboutFile(DepositProblem problem) => problem?.Rule is "PDF-ILLISIBLE" or "PDF-PROTEGE" or "FICHIER-VIDE" or "FICHIER-TROP-GROS";

    /// <summary>A real PDF, readable, that carries no Factur-X data: an image of the invoice.</summary>
    private static bool IsPlainPdf(byte[] content) =>
        content.AsSpan().StartsWith("%PDF"u8)
        && InvoiceDocumentLoader.Load(content).Problem?.RuleId == "FX-NO-XML"
        && Pdf.CheckPdf("facture.pdf", content) is null;

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var userId = StructureAccess.UserIdOf(User);
        if (userId is null) return false;
        var membership = await access.WorkspaceMembershipAsync(userId.Value, StructureId, Workspace.FacturesEmises, cancellationToken);
        if (membership is null) return false;
        Membership = membership;
        return true;
    }

    public static string Field(DepositProblem problem) =>
        string.IsNullOrEmpty(problem.BusinessTerm) ? "—" : problem.BusinessTerm;
}
