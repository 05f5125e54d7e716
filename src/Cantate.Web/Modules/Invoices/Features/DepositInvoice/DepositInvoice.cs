using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Cantate.Invoicing.Parsing;
using Cantate.Invoicing.Validation;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Invoices.Features.DepositInvoice;

/// <summary>
/// Deposit of one invoice file (UBL, CII or Factur-X). Everything that would make the invoice fail later is checked
/// now, so the supplier sees at once, per rule and field, why it is refused; an accepted invoice is on disk and in
/// the database, with its deposit certificate, before the answer; routing to the recipient follows from the outbox.
/// </summary>
public sealed class DepositInvoice(CantateDbContext db, DocumentStore documents, RoutingRules routing, TimeProvider clock)
{
    public const long MaxFileBytes = 120L * 1024 * 1024;

    public sealed record Result(DepositFlow? Flow, Invoice? Invoice, IReadOnlyList<DepositProblem> Problems, IReadOnlyList<DepositProblem> Warnings)
    {
        public bool Accepted => Invoice is not null;
    }

    public async Task<Result> HandleAsync(Guid supplierStructureId, Guid? userId, string actorName, string channel, string fileName,
        byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
            return Refused(new DepositProblem("FICHIER-VIDE", "", "", $"Le fichier « {fileName} » est vide : déposez le fichier de la facture."));
        if (content.Length > MaxFileBytes)
            return Refused(new DepositProblem("FICHIER-TROP-GROS", "", "", $"Le fichier « {fileName} » dépasse 120 Mo."));

        var report = InvoiceValidator.Validate(content, fileName, ValidationProfile.Chorus);
        var warnings = report.Findings.Where(f => f.Severity == FindingSeverity.Warning).Select(ToProblem).ToList();
        if (!report.IsValid || report.Invoice is not { } model)
        {
            var fatal = report.Findings.Where(f => f.Severity == FindingSeverity.Fatal).Select(ToProblem).ToList();
            if (fatal.Count == 0) fatal.Add(new DepositProblem("FACTURE-ILLISIBLE", "", "", $"Le fichier « {fileName} » ne contient pas de facture lisible (UBL, CII ou Factur-X)."));
            return new Result(null, null, fatal, warnings);
        }

        var draft = InvoiceDrafts.From(model, report.Syntax);
        var problems = new List<DepositProblem>();
        var routed = await routing.CheckAsync(draft.RecipientSiret, draft.ServiceCode, draft.EngagementNumber, cancellationToken);
        problems.AddRange(routed.Problems);
        if (await db.Invoices.AnyAsync(i => i.SupplierStructureId == supplierStructureId && i.Number == draft.Number, cancellationToken))
        {
            problems.Add(new DepositProblem("DOUBLON", "BT-1", "",
                $"Vous avez déjà déposé une facture numéro « {draft.Number} » : chaque facture doit avoir un numéro unique."));
        }
        if (problems.Count > 0) return new Result(null, null, problems, warnings);

        var now = clock.GetUtcNow().UtcDateTime;
        var extension = report.Syntax == InvoiceSyntax.FacturX ? ".pdf" : ".xml";
        var path = await documents.SaveAsync(content, extension, cancellationToken);
        var flow = new DepositFlow
        {
            Number = FlowNumbers.New(now),
            SupplierStructureId = supplierStructureId,
            DepositedByUserId = userId,
            Channel = channel,
            Syntax = FlowNumbers.SyntaxOf(report.Syntax),
            FileName = fileName.Length > 255 ? fileName[..255] : fileName,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            StoragePath = path,
            ReceivedAt = now,
            Report = JsonSerializer.Serialize(new { invoices = new[] { new { numero = draft.Number, warnings } } }),
        };
        var invoice = Invoice.Deposit(draft, flow.Id, supplierStructureId, path, actorName, userId, now);
        db.DepositFlows.Add(flow);
        db.Invoices.Add(invoice);
        db.Enqueue(InvoiceRouting.Kind, new InvoiceRouting.Message(invoice.Id), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two deposits of the same number at once: the unique index lets one win.
            db.ChangeTracker.Clear();
            if (!await db.Invoices.AsNoTracking().AnyAsync(i => i.SupplierStructureId == supplierStructureId && i.Number == draft.Number, cancellationToken)) throw;
            return Refused(new DepositProblem("DOUBLON", "BT-1", "",
                $"Vous avez déjà déposé une facture numéro « {draft.Number} » : chaque facture doit avoir un numéro unique."));
        }
        return new Result(flow, invoice, [], warnings);
    }

    private static Result Refused(DepositProblem problem) => new(null, null, [problem], []);

    private static DepositProblem ToProblem(Finding f) => new(f.Rule, f.BusinessTerm, f.Location, f.MessageFr);
}

public static class FlowNumbers
{
    /// <summary>A flow number readable over the phone: date and 8 random characters.</summary>
    public static string New(DateTime now) =>
        string.Create(CultureInfo.InvariantCulture, $"FLX{now:yyyyMMdd}{RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 8)}");

    /// <summary>syntaxeFlux as Chorus Pro names it.</summary>
    public static string SyntaxOf(InvoiceSyntax syntax) => syntax switch
    {
        InvoiceSyntax.UblInvoice or InvoiceSyntax.UblCreditNote => "IN_DP_E1_UBL_INVOICE",
        InvoiceSyntax.Cii => "IN_DP_E1_CII_16B",
        InvoiceSyntax.FacturX => "IN_DP_E2_CII_FACTURX",
        _ => "INCONNUE",
    };
}

/// <summary>What the platform keeps of the EN 16931 model on the invoice record.</summary>
public static class InvoiceDrafts
{
    public static InvoiceDraft From(Cantate.Invoicing.Model.Invoice model, InvoiceSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(model);
        var buyerSiret = model.Buyer?.LegalRegistrationId is { SchemeId: "0009" or null } legal ? legal.Value
            : model.Buyer?.Identifier is { SchemeId: "0009" } id ? id.Value : model.Buyer?.LegalRegistrationId?.Value;
        return new InvoiceDraft
        {
            Number = model.Number ?? string.Empty,
            TypeCode = model.TypeCode ?? "380",
            Cadre = string.IsNullOrWhiteSpace(model.BusinessProcessType) ? "A1" : model.BusinessProcessType.Trim(),
            IssueDate = model.IssueDate ?? default,
            DueDate = model.DueDate,
            Currency = model.CurrencyCode ?? "EUR",
            TotalWithoutVat = model.Totals?.TaxExclusiveAmount ?? 0m,
            TotalVat = model.Totals?.VatTotal ?? 0m,
            TotalWithVat = model.Totals?.TaxInclusiveAmount ?? 0m,
            AmountDue = model.Totals?.AmountDue ?? 0m,
            SupplierName = model.Seller?.Name ?? string.Empty,
            SupplierSiret = model.Seller?.LegalRegistrationId?.Value,
            RecipientSiret = buyerSiret?.Replace(" ", "", StringComparison.Ordinal) ?? string.Empty,
            ServiceCode = string.IsNullOrWhiteSpace(model.BuyerReference) ? null : model.BuyerReference.Trim(),
            EngagementNumber = string.IsNullOrWhiteSpace(model.PurchaseOrderReference) ? null : model.PurchaseOrderReference.Trim(),
            Syntax = syntax switch
            {
                InvoiceSyntax.UblInvoice => "UBL-Invoice",
                InvoiceSyntax.UblCreditNote => "UBL-CreditNote",
                InvoiceSyntax.Cii => "CII",
                _ => "FACTURX",
            },
        };
    }
}
