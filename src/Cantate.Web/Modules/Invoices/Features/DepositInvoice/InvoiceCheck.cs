using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Validation;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Modules.Invoices.Features.ValidateInvoice;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Invoices.Features.DepositInvoice;

/// <summary>Who deposits, and through which door: the history and the invoice's deposit mode name them.</summary>
/// <param name="StructureId">The supplier structure.</param>
/// <param name="UserId">The portal user, or null for a technical account.</param>
/// <param name="ActorName">The name recorded in the history.</param>
/// <param name="Channel">PORTAIL or API.</param>
/// <param name="DepositMode">modeDepot; by default an uploaded file (UPLOAD_PORTAIL or UPLOAD_API).</param>
public sealed record Depositor(Guid StructureId, Guid? UserId, string ActorName, string Channel, string? DepositMode = null)
{
    /// <summary>The valideur designated with the invoice (A9/A12), when the door lets the supplier name one.</summary>
    public ValidatorRequest? Validator { get; init; }

    public string Mode => DepositMode ?? (Channel == "API" ? DepositModes.UploadApi : DepositModes.UploadPortail);
}

/// <summary>modeDepot values of Chorus Pro that Cantate gives its invoices (transverses/v1/recuperer/modedepot lists them all).</summary>
public static class DepositModes
{
    public const string SaisiePortail = "SAISIE_PORTAIL";
    public const string UploadPortail = "UPLOAD_PORTAIL";
    public const string DepotPdfPortail = "DEPOT_PDF_PORTAIL";
    public const string SaisieApi = "SAISIE_API";
    public const string DepotPdfApi = "DEPOT_PDF_API";
    public const string UploadApi = "UPLOAD_API";
}

/// <summary>
/// The checks every invoice file passes, whatever door it came through (portal, typed form, API, batch): EN 16931
/// and the Chorus Pro profile, the routing rules of the directory, and a number the supplier has not used yet.
/// </summary>
public sealed class InvoiceCheck(CantateDbContext db, RoutingRules routing, ValidatorRules validators)
{
    public const long MaxFileBytes = 120L * 1024 * 1024;

    /// <summary>
    /// The result for one file. <see cref="Draft"/> is what could be read of the invoice, even when it is refused, so
    /// that a report can name the invoice; it is accepted only without problems.
    /// </summary>
    public sealed record Outcome(InvoiceDraft? Draft, InvoiceSyntax Syntax, IReadOnlyList<DepositProblem> Problems, IReadOnlyList<DepositProblem> Warnings)
    {
        public bool Accepted => Draft is not null && Problems.Count == 0;

        /// <summary>The checked valideur of an accepted A9/A12 invoice.</summary>
        public ValidatorDesignation? Validator { get; init; }
    }

    /// <summary>
    /// Checks one file; <c>numbersInFlow</c> are the numbers already accepted in the same flow (a batch may not hold one
    /// number twice); <c>validator</c> is the valideur designated with it, which an A9/A12 invoice cannot go without.
    /// </summary>
    public async Task<Outcome> CheckAsync(Guid supplierStructureId, string fileName, ReadOnlyMemory<byte> content, IReadOnlySet<string> numbersInFlow,
        CancellationToken cancellationToken, ValidatorRequest? validator = null)
    {
        ArgumentNullException.ThrowIfNull(numbersInFlow);
        if (content.Length == 0)
            return Refused(new DepositProblem("FICHIER-VIDE", "", "", $"Le fichier « {fileName} » est vide : déposez le fichier de la facture."));
        if (content.Length > MaxFileBytes)
            return Refused(new DepositProblem("FICHIER-TROP-GROS", "", "", $"Le fichier « {fileName} » dépasse 120 Mo."));

        var report = InvoiceValidator.Validate(content, fileName, ValidationProfile.Chorus);
        var warnings = report.Findings.Where(f => f.Severity == FindingSeverity.Warning).Select(ToProblem).ToList();
        var draft = report.Invoice is { } read ? InvoiceDrafts.From(read, report.Syntax) : null;
        if (!report.IsValid || draft is null)
        {
            var fatal = report.Findings.Where(f => f.Severity == FindingSeverity.Fatal).Select(ToProblem).ToList();
            if (fatal.Count == 0) fatal.Add(new DepositProblem("FACTURE-ILLISIBLE", "", "", $"Le fichier « {fileName} » ne contient pas de facture lisible (UBL, CII ou Factur-X)."));
            return new Outcome(draft, report.Syntax, fatal, warnings);
        }

        var problems = new List<DepositProblem>();
        var routed = await routing.CheckAsync(draft.RecipientSiret, draft.ServiceCode, draft.EngagementNumber, cancellationToken);
        problems.AddRange(routed.Problems);
        var validated = await validators.CheckAsync(draft.Cadre, supplierStructureId, validator, cancellationToken);
        problems.AddRange(validated.Problems);
        if (numbersInFlow.Contains(draft.Number))
        {
            problems.Add(new DepositProblem("DOUBLON", "BT-1", "",
                $"La facture numéro « {draft.Number} » figure deux fois dans ce dépôt : chaque facture doit avoir un numéro unique."));
        }
        else if (await IsNumberTakenAsync(supplierStructureId, draft.Number, cancellationToken))
        {
            problems.Add(Duplicate(draft.Number));
        }
        return new Outcome(draft, report.Syntax, problems, warnings) { Validator = validated.Validator };
    }

    public Task<bool> IsNumberTakenAsync(Guid supplierStructureId, string number, CancellationToken cancellationToken) =>
        db.Invoices.AsNoTracking().AnyAsync(i => i.SupplierStructureId == supplierStructureId && i.Number == number, cancellationToken);

    public static DepositProblem Duplicate(string number) => new("DOUBLON", "BT-1", "",
        $"Vous avez déjà déposé une facture numéro « {number} » : chaque facture doit avoir un numéro unique.");

    private static Outcome Refused(DepositProblem problem) => new(null, InvoiceSyntax.Unknown, [problem], []);

    private static DepositProblem ToProblem(Finding f) => new(f.Rule, f.BusinessTerm, f.Location, f.MessageFr);
}
