using Cantate.Web.Modules.Invoices.Features.ProcessInvoice;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Modules.Invoices.Features.ValidateInvoice;
using Cantate.Web.Modules.Structures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cantate.Web.Modules.Invoices.Pages;

/// <summary>An invoice, its history, its supporting documents and the actions its viewer's side may take.</summary>
[Authorize]
[RequestSizeLimit(InvoiceActions.MaxAttachmentsTotalBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = InvoiceActions.MaxAttachmentsTotalBytes + 1024 * 1024)]
public sealed class InvoiceDetailModel(InvoiceActions actions, DocumentStore documents) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "structure")] public Guid StructureId { get; set; }
    [BindProperty(Name = "statut")] public string? Target { get; set; }
    [BindProperty(Name = "motif")] public string? Reason { get; set; }
    [BindProperty(Name = "commentaire")] public string? Comment { get; set; }
    /// <summary>The coded reason of a valideur's refusal (<see cref="ValidatorRefusalReasons"/>).</summary>
    [BindProperty(Name = "codeMotif")] public string? RefusalCode { get; set; }
    [BindProperty(Name = "siret")] public string? RecipientSiret { get; set; }
    [BindProperty(Name = "service")] public string? ServiceCode { get; set; }
    [BindProperty(Name = "ej")] public string? EngagementNumber { get; set; }
    [BindProperty(Name = "siretValideur")] public string? ValidatorSiret { get; set; }
    [BindProperty(Name = "serviceValideur")] public string? ValidatorService { get; set; }

    public const string AttachmentsField = "pieces";

    public InvoiceActions.Viewed Viewed { get; private set; } = default!;
    public IReadOnlyList<InvoiceAttachment> Attachments { get; private set; } = [];
    /// <summary>Why the files joined to a completion were refused, one sentence per file.</summary>
    public IReadOnlyList<string> AttachmentErrors { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<DepositProblem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocumentAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var invoice = Viewed.Invoice;
        var bytes = await documents.ReadAsync(invoice.DocumentPath, cancellationToken);
        await actions.RecordDownloadsAsync([Viewed], UserId, UserName, cancellationToken);
        var pdf = invoice.Syntax is "FACTURX" or "PDF";
        return File(bytes, pdf ? "application/pdf" : "application/xml", $"facture-{invoice.Number}{(pdf ? ".pdf" : ".xml")}");
    }

    public Task<IActionResult> OnPostTraiterAsync(CancellationToken cancellationToken) =>
        ActAsync(v => InvoiceStatuses.FromCode(Target) is { } target
            ? actions.ProcessAsRecipientAsync(v, UserId, UserName, target, Reason, cancellationToken)
            : Task.FromResult<string?>("Choisissez le nouveau statut de la facture."),
            "Le statut de la facture est mis à jour.", cancellationToken);

    public Task<IActionResult> OnPostAcquitterAsync(CancellationToken cancellationToken) =>
        ActAsync(v => actions.AcknowledgeRejectionAsync(v, UserId, UserName, cancellationToken), "Le rejet est acquitté.", cancellationToken);

    /// <summary>A supporting document of the invoice, for either side (the invoice must be visible to the user).</summary>
    public async Task<IActionResult> OnGetPieceJointeAsync(int piece, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var attachment = Attachments.FirstOrDefault(a => a.CppId == piece);
        if (attachment is null) return NotFound();
        return File(await documents.ReadAsync(attachment.StoragePath, cancellationToken), attachment.MimeType, attachment.FileName);
    }

    public async Task<IActionResult> OnPostCompleterAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var uploads = Request.HasFormContentType
            ? Request.Form.Files.GetFiles(AttachmentsField).Where(f => !string.IsNullOrEmpty(f.FileName)).ToList() : [];
        var files = new List<CompletionFile>();
        foreach (var upload in uploads)
        {
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, cancellationToken);
            files.Add(new CompletionFile(Path.GetFileName(upload.FileName), buffer.Length, null, buffer.ToArray()));
        }
        IReadOnlyList<InvoiceAttachment> attachments = [];
        // Files are checked and stored only when the completion can happen; otherwise CompleteAsync says why not.
        if (Viewed.Side == InvoiceSide.Supplier && Viewed.Invoice.Status == InvoiceStatus.Suspendue && files.Count > 0)
        {
            AttachmentErrors = await actions.CheckAttachmentsAsync(Viewed.Invoice.Id, files, cancellationToken);
            if (AttachmentErrors.Count > 0) return Page();
            attachments = await actions.StoreAttachmentsAsync(Viewed.Invoice.Id, files, UserName, cancellationToken);
        }
        Error = await actions.CompleteAsync(Viewed, UserId, UserName, Comment, attachments, cancellationToken);
        if (Error is null) Message = "La facture est complétée : son destinataire peut reprendre son traitement.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRecyclerAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        Problems = await actions.RecycleAsync(Viewed, UserId, UserName, RecipientSiret, ServiceCode, EngagementNumber, null, cancellationToken);
        if (Problems.Count == 0) Message = "La facture est recyclée : elle repart vers son destinataire avec le même numéro.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostValiderAsync(CancellationToken cancellationToken) =>
        ActAsync(v => actions.DecideAsValidatorAsync(v, UserId, UserName, InvoiceActions.ValidatorDecision.Validate, null, null, cancellationToken),
            "La facture est validée : elle part vers son destinataire.", cancellationToken);

    public Task<IActionResult> OnPostRefuserAsync(CancellationToken cancellationToken)
    {
        var coded = ValidatorRefusalReasons.Find(RefusalCode);
        return ActAsync(v => coded is null && !string.IsNullOrWhiteSpace(RefusalCode)
                ? Task.FromResult<string?>($"Le motif « {RefusalCode.Trim()} » n'existe pas : choisissez le motif du refus dans la liste.")
                : actions.DecideAsValidatorAsync(v, UserId, UserName, InvoiceActions.ValidatorDecision.Refuse, Reason, coded, cancellationToken),
            "La facture est refusée : son fournisseur en est informé.", cancellationToken);
    }

    public Task<IActionResult> OnPostPasLeBonValideurAsync(CancellationToken cancellationToken) =>
        ActAsync(v => actions.DecideAsValidatorAsync(v, UserId, UserName, InvoiceActions.ValidatorDecision.WrongValidator, Comment, null, cancellationToken),
            "Le fournisseur est informé que vous n'êtes pas le valideur de cette facture : il en désignera un autre.", cancellationToken);

    public async Task<IActionResult> OnPostCorrigerValideurAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        Problems = await actions.CorrectValidatorAsync(Viewed, UserId, UserName, new ValidatorRequest(ValidatorSiret, ValidatorService), cancellationToken);
        if (Problems.Count == 0) Message = "Le nouveau valideur est désigné : la facture lui est soumise.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private Guid UserId => StructureAccess.UserIdOf(User)!.Value;
    private string UserName => User.Identity?.Name ?? "Utilisateur";

    private async Task<IActionResult> ActAsync(Func<InvoiceActions.Viewed, Task<string?>> act, string success, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        Error = await act(Viewed);
        if (Error is null) Message = success;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var userId = StructureAccess.UserIdOf(User);
        if (userId is null) return false;
        var viewed = await actions.FindAsync(userId.Value, StructureId, Id, cancellationToken);
        if (viewed is null) return false;
        Viewed = viewed;
        Attachments = await actions.AttachmentsAsync(viewed.Invoice.Id, cancellationToken);
        return true;
    }
}
