using Cantate.Invoicing.Model;
using Cantate.Web.Modules.Annuaire.Features.SearchAnnuaire;
using Cantate.Web.Modules.Invoices.Features.DepositInvoice;
using Cantate.Web.Modules.Invoices.Features.EnterInvoice;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Modules.Structures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cantate.Web.Modules.Invoices.Pages;

/// <summary>
/// "Saisir une facture". One form, posted with the button pressed ("bouton"): recompute, add a line, find the
/// recipient, save the draft, validate (which shows the confirmation step), confirm (which deposits) or modify.
/// It works without JavaScript.
/// </summary>
[Authorize]
[RequestSizeLimit(FormBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = FormBytes)]
public sealed class EnterInvoiceModel(StructureAccess access, EnterInvoice enter) : PageModel
{
    private const long FormBytes = (EnterInvoice.MaxAttachments + 1) * EnterInvoice.MaxAttachmentBytes;

    public enum Step
    {
        Form,
        Confirmation,
        Deposited,
    }

    [BindProperty(SupportsGet = true, Name = "structure")] public Guid StructureId { get; set; }
    [BindProperty(SupportsGet = true, Name = "brouillon")] public Guid? DraftId { get; set; }
    [BindProperty] public InvoiceForm Form { get; set; } = new();
    [BindProperty(Name = "bouton")] public string? Button { get; set; }
    [BindProperty(Name = "recherche")] public string? RecipientQuery { get; set; }
    [BindProperty(Name = EnterInvoice.AttachmentsField)] public List<IFormFile> NewAttachments { get; set; } = [];

    public Membership Membership { get; private set; } = default!;
    public Structure Seller => Membership.Structure!;
    public Step Current { get; private set; } = Step.Form;
    public EnterInvoice.Recipient? Recipient { get; private set; }
    public CalculatedTotals? Totals { get; private set; }
    public SearchAnnuaire.Outcome? Search { get; private set; }
    public DepositInvoice.Result? Result { get; private set; }
    public IReadOnlyList<DepositProblem> Problems { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(cancellationToken)) return NotFound();
        if (DraftId is { } draftId)
        {
            var form = await enter.LoadDraftAsync(StructureId, draftId, cancellationToken);
            if (form is null) return NotFound();
            Form = form;
        }
        else
        {
            Form = enter.NewForm(Seller);
        }
        await ShowAsync(complete: false, cancellationToken);
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await AuthorizeAsync(cancellationToken)) return NotFound();
        // Every value is text; what the form means is checked below, field by field, in French.
        ModelState.Clear();
        Form.Lines ??= [];
        Form.Attachments ??= [];
        var userId = StructureAccess.UserIdOf(User)!.Value;
        if (Button != "confirmer") await ReceiveAttachmentsAsync(cancellationToken);
        switch (Button)
        {
            case { } remove when remove.StartsWith("retirer-piece-", StringComparison.Ordinal):
                if (int.TryParse(remove["retirer-piece-".Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                    && index < Form.Attachments.Count)
                {
                    Form.Attachments.RemoveAt(index);
                }
                await ShowAsync(complete: false, cancellationToken);
                break;
            case "ajouter-ligne":
                if (Form.Lines.Count < InvoiceForm.MaxLines) Form.Lines.Add(new LineForm());
                await ShowAsync(complete: false, cancellationToken);
                break;
            case "chercher":
                Search = await enter.SearchRecipientsAsync(RecipientQuery, cancellationToken);
                if (Search.Error is { } error) ModelState.AddModelError("recherche", error);
                await ShowAsync(complete: false, cancellationToken);
                break;
            case { } choice when choice.StartsWith("choisir-", StringComparison.Ordinal):
                Form.RecipientSiret = choice["choisir-".Length..];
                Form.ServiceCode = null;
                await ShowAsync(complete: false, cancellationToken);
                break;
            case "enregistrer":
                await ShowAsync(complete: false, cancellationToken, showErrors: false);
                var sizes = EnterInvoice.CheckSizes(Form);
                foreach (var (field, message) in sizes) ModelState.AddModelError(field, message);
                if (sizes.Count == 0)
                {
                    var draft = await enter.SaveDraftAsync(StructureId, userId, DraftId, Form, Totals?.TaxInclusiveAmount, cancellationToken);
                    if (draft is null) return NotFound();
                    DraftId = draft.Id;
                    Message = "Le brouillon est enregistré. Il n'a pas été envoyé : retrouvez-le dans vos brouillons.";
                }
                break;
            case "valider":
                if ((await ShowAsync(complete: true, cancellationToken)).IsValid) Current = Step.Confirmation;
                break;
            case "confirmer":
                var sent = await enter.SendAsync(Form, Seller, userId, User.Identity?.Name ?? "Utilisateur", DraftId, cancellationToken);
                Result = sent.Deposit;
                Totals = sent.Checked.Totals;
                Recipient = await enter.FindRecipientAsync(Form.RecipientSiret, cancellationToken);
                if (Result is { Accepted: true })
                {
                    Current = Step.Deposited;
                    DraftId = null;
                    break;
                }
                foreach (var (field, message) in sent.Checked.Errors) ModelState.AddModelError(field, message);
                Problems = Result?.Problems ?? [];
                foreach (var problem in Problems)
                {
                    if (EnterInvoice.FieldOf(problem.BusinessTerm) is { } field && ModelState[field] is null) ModelState.AddModelError(field, problem.Message);
                }
                break;
            default:
                await ShowAsync(complete: false, cancellationToken);
                break;
        }
        return Page();
    }

    private async Task ReceiveAttachmentsAsync(CancellationToken cancellationToken)
    {
        foreach (var file in NewAttachments.Where(f => !string.IsNullOrEmpty(f.FileName)))
        {
            string? error;
            if (file.Length > EnterInvoice.MaxAttachmentBytes)
            {
                error = $"Le fichier « {Path.GetFileName(file.FileName)} » dépasse 10 Mo, la limite de Chorus Pro pour une pièce jointe.";
            }
            else
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                (var attachment, error) = await enter.AddAttachmentAsync(StructureId, Form, file.FileName, buffer.ToArray(), cancellationToken);
                if (attachment is not null) Form.Attachments.Add(attachment);
            }
            if (error is not null && ModelState[EnterInvoice.AttachmentsField] is null) ModelState.AddModelError(EnterInvoice.AttachmentsField, error);
        }
    }

    private async Task<EnterInvoice.Checked> ShowAsync(bool complete, CancellationToken cancellationToken, bool showErrors = true)
    {
        var checkedForm = await enter.CheckAsync(Form, Seller, complete, cancellationToken);
        Totals = checkedForm.Totals;
        Recipient = await enter.FindRecipientAsync(Form.RecipientSiret, cancellationToken);
        if (showErrors)
        {
            foreach (var (field, message) in checkedForm.Errors) ModelState.AddModelError(field, message);
        }
        return checkedForm;
    }

    private async Task<bool> AuthorizeAsync(CancellationToken cancellationToken)
    {
        var userId = StructureAccess.UserIdOf(User);
        if (userId is null) return false;
        if (StructureId == Guid.Empty && DraftId is { } draftId)
        {
            StructureId = await enter.StructureOfDraftAsync(draftId, cancellationToken) ?? Guid.Empty;
        }
        var membership = await access.WorkspaceMembershipAsync(userId.Value, StructureId, Workspace.FacturesEmises, cancellationToken);
        if (membership is null) return false;
        Membership = membership;
        return true;
    }

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
