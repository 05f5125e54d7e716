using System.Globalization;
using System.Security.Cryptography;
using Cantate.Invoicing.FacturX;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features.DepositInvoice;
using Cantate.Web.Modules.Invoices.Features.DepositPdf;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

using Cantate.Web.Modules.Invoices.Features.ValidateInvoice;

namespace Cantate.Web.Modules.Api.Operations.Deposits;

/// <summary>
/// <c>POST /cpro/factures/v1/soumettre</c>. SAISIE_API: the invoice typed field by field becomes an EN 16931 Factur-X,
/// deposited through the portal's own checks. DEPOT_PDF_API: a PDF added with ajouter/fichier is the invoice's
/// document, the record comes from the typed fields. An invoice the checks refuse is answered HTTP 400 with every
/// rule, its field in the request and the fix; an accepted one with its certificate and identifiantFactureCPP.
/// </summary>
public sealed class Soumettre(CantateDbContext db, DepositInvoice deposit, DepositPdf depositPdf, RoutingRules routing, ValidatorRules validators, InvoiceCheck check,
    TimeProvider clock)
{
    private sealed record Joined(ApiFile File, SubmittedFile Reference, string Kind);

    public async Task<IResult> HandleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var caller = CproCaller.Of(http);
        var request = CproCaller.RequestOf(http);
        var mode = request.Text("modeDepot")?.ToUpperInvariant()
            ?? throw request.Missing("modeDepot", "SAISIE_API (facture saisie ligne à ligne) ou DEPOT_PDF_API (facture PDF ajoutée avec ajouter/fichier)");
        if (mode is not ("SAISIE_API" or "DEPOT_PDF_API" or "DEPOT_PDF_SIGNE_API"))
            throw new CproException(CproCodes.InvalidField, $"Le mode de dépôt « {mode} » (modeDepot) n'est pas accepté par soumettre : SAISIE_API, DEPOT_PDF_API ou DEPOT_PDF_SIGNE_API.");
        var submitted = SubmittedInvoice.Read(request, mode, caller);
        var files = await FilesAsync(submitted, caller.StructureId, cancellationToken);
        var depositor = new Depositor(caller.StructureId, null, caller.Login, "API", mode) { Validator = submitted.Validator };
        var (flow, invoice) = mode == "SAISIE_API"
            ? await TypedAsync(request, submitted, files, depositor, cancellationToken)
            : await PdfAsync(submitted, files, depositor, cancellationToken);
        return CproResults.Ok(new
        {
            dateDepot = CproDates.Date(flow.ReceivedAt),
            empreinteCertificatDepot = flow.Sha256,
            identifiantFactureCPP = invoice.CppId,
            identifiantStructure = caller.StructureSiret,
            numeroFacture = invoice.Number,
            statutFacture = invoice.Status.Code(),
            numeroFluxDepot = flow.Number,
        });
    }

    private async Task<(DepositFlow, Invoice)> TypedAsync(CproRequest request, SubmittedInvoice submitted, List<Joined> files, Depositor depositor,
        CancellationToken cancellationToken)
    {
        var routed = await routing.CheckAsync(submitted.RecipientSiret, submitted.ServiceCode, submitted.EngagementNumber, cancellationToken);
        if (routed.Problems.Count > 0 || routed.Recipient is not { } buyer) throw Refused(routed.Problems);
        // The valideur is checked before the invoice is built, like the recipient, so that the answer names it.
        var validated = await validators.CheckAsync(submitted.Cadre, depositor.StructureId, depositor.Validator, cancellationToken);
        if (validated.Problems.Count > 0) throw Refused(validated.Problems);
        var seller = await db.Structures.AsNoTracking().FirstAsync(s => s.Id == depositor.StructureId, cancellationToken);
        var today = DateOnly.ParseExact(CproDates.Date(clock.GetUtcNow().UtcDateTime), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var number = submitted.Number ?? await NewNumberAsync(depositor.StructureId, today, cancellationToken);
        var model = SaisieModel.Build(request, submitted, number, submitted.Date ?? today, seller, buyer);
        var pdf = FacturXWriter.Write(model);
        var result = await deposit.HandleAsync(depositor, number.Replace('/', '-') + ".pdf", pdf, invoice => Attach(files, invoice, depositor), cancellationToken);
        return result.Accepted ? (result.Flow!, result.Invoice!) : throw Refused(result.Problems);
    }

    private async Task<(DepositFlow, Invoice)> PdfAsync(SubmittedInvoice submitted, List<Joined> files, Depositor depositor, CancellationToken cancellationToken)
    {
        var main = files.Where(f => f.Kind == InvoiceAttachment.Principal).ToList();
        if (main.Count != 1)
        {
            throw new CproException(CproCodes.InvalidField, main.Count == 0
                ? "Le champ « pieceJointePrincipale » est obligatoire en DEPOT_PDF_API : indiquez le pieceJointeId du PDF de la facture, rendu par transverses/v1/ajouter/fichier."
                : "Une facture n'a qu'une pièce jointe principale (pieceJointePrincipale) : le PDF de la facture ; les autres documents vont dans pieceJointeComplementaire.");
        }
        if (main[0].File.Extension != "PDF")
            throw new CproException(CproCodes.InvalidField, $"La pièce jointe principale « {main[0].File.FileName} » ({main[0].Reference.Field}) doit être le PDF de la facture.");
        var fields = new PdfInvoice
        {
            Number = submitted.Number, IssueDate = submitted.Date, TypeCode = submitted.TypeCode, Cadre = submitted.Cadre,
            RecipientSiret = submitted.RecipientSiret, ServiceCode = submitted.ServiceCode, EngagementNumber = submitted.EngagementNumber,
            Currency = submitted.Currency, TotalWithoutVat = submitted.Totals.WithoutVat, TotalVat = submitted.Totals.Vat,
            TotalWithVat = submitted.Totals.WithVat, AmountDue = submitted.Totals.Due,
        };
        var result = await depositPdf.HandleAsync(depositor, fields, main[0].File.FileName, main[0].File.StoragePath,
            invoice => Attach(files, invoice, depositor), cancellationToken);
        return result.Accepted ? (result.Flow!, result.Invoice!) : throw Refused(result.Problems);
    }

    /// <summary>The files named by the request: each one added by this structure with ajouter/fichier and not yet used.</summary>
    private async Task<List<Joined>> FilesAsync(SubmittedInvoice submitted, Guid structureId, CancellationToken cancellationToken)
    {
        var references = submitted.MainFiles.Select(f => (f, InvoiceAttachment.Principal)).Concat(submitted.OtherFiles.Select(f => (f, InvoiceAttachment.Complementary)))
            .DistinctBy(r => r.f.Id).ToList();
        if (references.Count == 0) return [];
        var ids = references.Select(r => r.f.Id).ToList();
        var found = await db.ApiFiles.Where(f => f.StructureId == structureId && ids.Contains(f.CppId)).ToDictionaryAsync(f => f.CppId, cancellationToken);
        return references.Select(r => found.TryGetValue(r.f.Id, out var file)
            ? file.InvoiceId is null ? new Joined(file, r.f, r.Item2)
                : throw new CproException(CproCodes.InvalidField, $"La pièce jointe {r.f.Id} ({r.f.Field}) est déjà jointe à une autre facture : ajoutez le fichier de nouveau avec transverses/v1/ajouter/fichier.")
            : throw new CproException(CproCodes.NotFound, $"La pièce jointe {r.f.Id} ({r.f.Field}) n'existe pas pour votre structure : ajoutez d'abord le fichier avec transverses/v1/ajouter/fichier.")).ToList();
    }

    /// <summary>Joins the files to the accepted invoice, in its transaction. The PDF of a DEPOT_PDF_API invoice is its document.</summary>
    private void Attach(List<Joined> files, Invoice invoice, Depositor depositor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (file, reference, kind) in files)
        {
            file.InvoiceId = invoice.Id;
            if (kind == InvoiceAttachment.Principal && depositor.Mode != DepositModes.SaisieApi) continue;
            var name = reference.Designation ?? file.FileName;
            db.InvoiceAttachments.Add(new InvoiceAttachment
            {
                InvoiceId = invoice.Id, Kind = kind, FileName = name.Length > 100 ? name[..100] : name, MimeType = file.MimeType, Size = file.Size,
                StoragePath = file.StoragePath, AddedAt = now, AddedBy = depositor.ActorName,
            });
        }
    }

    /// <summary>A number for a SAISIE_API invoice sent without one: 16 characters, unique for the supplier.</summary>
    private async Task<string> NewNumberAsync(Guid structureId, DateOnly today, CancellationToken cancellationToken)
    {
        while (true)
        {
            var number = string.Create(CultureInfo.InvariantCulture, $"API{today:yyMMdd}-{RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6)}");
            if (!await check.IsNumberTakenAsync(structureId, number, cancellationToken)) return number;
        }
    }

    private static CproException Refused(IReadOnlyList<DepositProblem> problems) => new(CproCodes.InvoiceRefused,
        "La facture est refusée : " + string.Join(" ; ", problems.Select(p =>
            $"{p.Rule}{(ApiFields.Of(p.BusinessTerm) is { } field ? $" ({p.BusinessTerm}, {field})" : string.IsNullOrEmpty(p.BusinessTerm) ? "" : $" ({p.BusinessTerm})")} : {p.Message}"))
        + ". Corrigez la facture puis soumettez-la de nouveau.");
}
