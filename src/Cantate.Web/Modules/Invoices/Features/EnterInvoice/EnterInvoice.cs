using System.Globalization;
using Cantate.Invoicing.FacturX;
using Cantate.Invoicing.Model;
using Cantate.Sirene;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Annuaire.Features.SearchAnnuaire;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Modules.Invoices.Features.ValidateInvoice;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Deposit = Cantate.Web.Modules.Invoices.Features.DepositInvoice.DepositInvoice;

namespace Cantate.Web.Modules.Invoices.Features.EnterInvoice;

using Invoice = Cantate.Invoicing.Model.Invoice;

/// <summary>
/// "Saisir une facture": reads the typed form (every error named by its field, in French), computes the totals
/// with the EN 16931 rules, and on confirmation writes the Factur-X PDF and deposits it through the very same
/// <see cref="Deposit"/> as an uploaded file, so that a typed invoice is checked exactly like any other.
/// </summary>
public sealed partial class EnterInvoice(CantateDbContext db, RoutingRules routing, ValidatorRules validators, SearchAnnuaire search, Deposit deposit,
    DocumentStore documents, IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>A public structure of the directory and its active services.</summary>
    public sealed record Recipient(Structure Structure, IReadOnlyList<StructureService> Services)
    {
        /// <summary>What the structure asks every invoice to carry, in the directory's words.</summary>
        public IReadOnlyList<string> Requirements()
        {
            var list = new List<string>();
            if (Structure.ServiceCodeRequired) list.Add("Le code service est obligatoire.");
            if (Structure.EngagementRequired) list.Add("Le numéro d'engagement juridique est obligatoire.");
            if (Structure.ServiceOrEngagementRequired) list.Add("Le code service ou le numéro d'engagement juridique est obligatoire.");
            list.AddRange(Services.Where(s => s.EngagementRequired).Select(s => $"Le service « {s.Code} » exige un numéro d'engagement juridique."));
            if (list.Count == 0) list.Add("Ni le code service ni le numéro d'engagement juridique ne sont exigés par cette structure.");
            return list;
        }
    }

    /// <summary>The form as read: the EN 16931 model with its totals, and the errors by field name.</summary>
    public sealed record Checked(Invoice Model, CalculatedTotals Totals, IReadOnlyDictionary<string, string> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    /// <summary>What sending gave: the deposit's result, or the form's own errors when nothing was deposited.</summary>
    public sealed record Sent(Checked Checked, Deposit.Result? Deposit);

    public InvoiceForm NewForm(Structure seller)
    {
        ArgumentNullException.ThrowIfNull(seller);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ParisZone).DateTime);
        return new InvoiceForm
        {
            IssueDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DueDate = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PaymentTerms = "Paiement à 30 jours par virement.",
            SellerVatId = TypedValues.FrenchVatIdOf(seller.Siret),
            Lines = [new LineForm()],
        };
    }

    public async Task<Recipient?> FindRecipientAsync(string? siret, CancellationToken cancellationToken)
    {
        var digits = SiretRules.Normalize(siret);
        if (digits.Length != 14) return null;
        var structure = await db.Structures.AsNoTracking().FirstOrDefaultAsync(s => s.Siret == digits && s.IsPublic, cancellationToken);
        if (structure is null) return null;
        var services = await db.StructureServices.AsNoTracking().Where(s => s.StructureId == structure.Id && s.IsActive)
            .OrderBy(s => s.Code).ToListAsync(cancellationToken);
        return new Recipient(structure, services);
    }

    public Task<SearchAnnuaire.Outcome> SearchRecipientsAsync(string? query, CancellationToken cancellationToken) =>
        search.HandleAsync(query, 1, cancellationToken);

    /// <summary>
    /// Reads the form. Without <paramref name="complete"/> (recomputing the totals) only what cannot be read is an
    /// error; with it ("Valider et envoyer"), every field the invoice needs and the recipient's routing rules too.
    /// </summary>
    public async Task<Checked> CheckAsync(InvoiceForm form, Structure seller, bool complete, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var reading = new FormReading(form, complete);
        var model = reading.Read(seller);
        if (complete)
        {
            var siret = SiretRules.Normalize(form.RecipientSiret);
            if (siret.Length == 14 && siret.All(char.IsAsciiDigit))
            {
                var outcome = await routing.CheckAsync(siret, Clean(form.ServiceCode), Clean(form.EngagementNumber), cancellationToken);
                foreach (var problem in outcome.Problems) reading.Error(FieldOf(problem.BusinessTerm) ?? nameof(InvoiceForm.RecipientSiret), problem.Message);
            }
            // A9/A12: the valideur is checked here too, so that "Valider et envoyer" names a wrong one before the confirmation step.
            var validator = await validators.CheckAsync(form.Cadre ?? "", seller.Id, ValidatorOf(form), cancellationToken);
            foreach (var problem in validator.Problems) reading.Error(FieldOfValidator(problem), problem.Message);
        }
        var recipient = await FindRecipientAsync(form.RecipientSiret, cancellationToken);
        if (recipient is not null)
        {
            var r = recipient.Structure;
            model.Buyer = new Buyer
            {
                Name = r.RaisonSociale,
                LegalRegistrationId = new Identifier(r.Siret, "0009"),
                Address = new PostalAddress { Line1 = r.AddressLine, Line2 = r.AddressComplement, PostCode = r.PostalCode, City = r.City, CountryCode = r.CountryCode },
            };
        }
        var totals = InvoiceTotals.Apply(model);
        if (model.BusinessProcessType == "A2")
        {
            // An invoice already paid is paid in full: nothing is due.
            model.Totals!.PaidAmount = model.Totals.TaxInclusiveAmount;
            totals = InvoiceTotals.Apply(model);
        }
        return new Checked(model, totals, reading.Errors);
    }

    /// <summary>Checks everything again, writes the Factur-X and deposits it; a deposited invoice's draft is deleted.</summary>
    public async Task<Sent> SendAsync(InvoiceForm form, Structure seller, Guid userId, string userName, Guid? draftId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seller);
        var checkedForm = await CheckAsync(form, seller, complete: true, cancellationToken);
        if (checkedForm.IsValid)
        {
            var errors = await AttachAsync(form, seller.Id, checkedForm.Model, cancellationToken);
            if (errors.Count > 0) checkedForm = checkedForm with { Errors = errors };
        }
        if (!checkedForm.IsValid) return new Sent(checkedForm, null);
        var pdf = FacturXWriter.Write(checkedForm.Model);
        var fileName = checkedForm.Model.Number!.Replace('/', '-') + ".pdf";
        var depositor = new Features.DepositInvoice.Depositor(seller.Id, userId, userName, "PORTAIL", Features.DepositInvoice.DepositModes.SaisiePortail)
        {
            Validator = ValidatorOf(form),
        };
        var result = await deposit.HandleAsync(depositor, fileName, pdf, cancellationToken);
        if (result.Accepted && draftId is { } id) await DeleteDraftAsync(seller.Id, id, cancellationToken);
        return new Sent(checkedForm, result);
    }

    /// <summary>The only check a draft gets: its sizes.</summary>
    public static IReadOnlyDictionary<string, string> CheckSizes(InvoiceForm form)
    {
        var reading = new FormReading(form, complete: false);
        reading.CheckSizes();
        return reading.Errors;
    }

    /// <summary>The form field a deposit problem is about, when the form has one.</summary>
    public static string? FieldOf(string? businessTerm) => businessTerm switch
    {
        "BT-1" => nameof(InvoiceForm.Number),
        "BT-2" => nameof(InvoiceForm.IssueDate),
        "BT-3" => nameof(InvoiceForm.TypeCode),
        "BT-9" => nameof(InvoiceForm.DueDate),
        "BT-10" => nameof(InvoiceForm.ServiceCode),
        "BT-13" => nameof(InvoiceForm.EngagementNumber),
        "BT-20" => nameof(InvoiceForm.PaymentTerms),
        "BT-23" => nameof(InvoiceForm.Cadre),
        "BT-25" => nameof(InvoiceForm.OriginalNumber),
        "BT-31" => nameof(InvoiceForm.SellerVatId),
        "BT-46" or "BT-47" => nameof(InvoiceForm.RecipientSiret),
        "BT-84" => nameof(InvoiceForm.Iban),
        "VALIDEUR" => nameof(InvoiceForm.ValidatorSiret),
        "BT-86" => nameof(InvoiceForm.Bic),
        _ => null,
    };

    private static ValidatorRequest ValidatorOf(InvoiceForm form) => new(form.ValidatorSiret, form.ValidatorServiceCode);

    /// <summary>The field of a valideur problem: the service's own rules name the service code, every other the SIRET.</summary>
    private static string FieldOfValidator(DepositProblem problem) =>
        problem.Rule.StartsWith("VALIDEUR-SERVICE", StringComparison.Ordinal) ? nameof(InvoiceForm.ValidatorServiceCode) : nameof(InvoiceForm.ValidatorSiret);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static readonly TimeZoneInfo ParisZone = FindParis();

    private static TimeZoneInfo FindParis()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
