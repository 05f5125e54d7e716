using System.Globalization;
using System.Security.Cryptography;
using Cantate.Invoicing.Parsing;
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
public sealed class DepositInvoice(CantateDbContext db, DocumentStore documents, InvoiceCheck check, DepositCommits commits, TimeProvider clock)
{
    public const long MaxFileBytes = InvoiceCheck.MaxFileBytes;

    public sealed record Result(DepositFlow? Flow, Invoice? Invoice, IReadOnlyList<DepositProblem> Problems, IReadOnlyList<DepositProblem> Warnings)
    {
        public bool Accepted => Invoice is not null;
    }

    public Task<Result> HandleAsync(Guid supplierStructureId, Guid? userId, string actorName, string channel, string fileName,
        byte[] content, CancellationToken cancellationToken) =>
        HandleAsync(new Depositor(supplierStructureId, userId, actorName, channel), fileName, content, cancellationToken);

    public Task<Result> HandleAsync(Depositor depositor, string fileName, byte[] content, CancellationToken cancellationToken) =>
        HandleAsync(depositor, fileName, content, null, cancellationToken);

    /// <summary>Deposits one file; <c>beforeSave</c> adds what belongs with the accepted invoice (its pièces jointes) to the same transaction.</summary>
    public async Task<Result> HandleAsync(Depositor depositor, string fileName, byte[] content, Action<Invoice>? beforeSave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(depositor);
        ArgumentNullException.ThrowIfNull(content);
        var outcome = await check.CheckAsync(depositor.StructureId, fileName, content, new HashSet<string>(), cancellationToken, depositor.Validator);
        if (!outcome.Accepted) return new Result(null, null, outcome.Problems, outcome.Warnings);
        var draft = outcome.Draft!;

        var now = clock.GetUtcNow().UtcDateTime;
        var path = await documents.SaveAsync(content, ExtensionOf(outcome.Syntax), cancellationToken);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        Deposited AddTo(CantateDbContext unit)
        {
            var flow = NewFlow(depositor, FlowNumbers.SyntaxOf(outcome.Syntax), fileName, content.Length, sha256, path, now);
            var invoice = Add(unit, draft, flow, depositor, path, now, outcome.Validator);
            flow.Finish(new FlowReport { Invoices = [Entry(fileName, draft, invoice.Id, [], outcome.Warnings)] }, now);
            unit.DepositFlows.Add(flow);
            return new Deposited(flow, invoice);
        }

        if (beforeSave is null)
        {
            // Committed together with the deposits arriving meanwhile; answered once its transaction committed.
            var saved = await commits.SaveAsync(depositor.StructureId, draft.Number, AddTo);
            return saved is null ? new Result(null, null, [InvoiceCheck.Duplicate(draft.Number)], [])
                : new Result(saved.Flow, saved.Invoice, [], outcome.Warnings);
        }
        // What the caller adds (pièces jointes, its own tracked rows) belongs to its unit of work: this deposit commits alone.
        var alone = AddTo(db);
        beforeSave(alone.Invoice);
        if (!await SaveAsync(db, check, depositor.StructureId, draft.Number, cancellationToken))
            return new Result(null, null, [InvoiceCheck.Duplicate(draft.Number)], []);
        return new Result(alone.Flow, alone.Invoice, [], outcome.Warnings);
    }

    private sealed record Deposited(DepositFlow Flow, Invoice Invoice);

    /// <summary>Saves a deposit of one invoice; false when another deposit of the same number won meanwhile (nothing saved).</summary>
    public static async Task<bool> SaveAsync(CantateDbContext db, InvoiceCheck check, Guid supplierStructureId, string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Two deposits of the same number at once: the unique index lets one win.
            db.ChangeTracker.Clear();
            if (!await check.IsNumberTakenAsync(supplierStructureId, number, cancellationToken)) throw;
            return false;
        }
    }

    /// <summary>A flow received now, its certificate computed from the deposited bytes.</summary>
    public static DepositFlow NewFlow(Depositor depositor, string syntax, string fileName, ReadOnlySpan<byte> content, string storagePath, DateTime now) =>
        NewFlow(depositor, syntax, fileName, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), storagePath, now);

    /// <summary>A flow received now, its certificate's fingerprint already computed.</summary>
    public static DepositFlow NewFlow(Depositor depositor, string syntax, string fileName, long size, string sha256, string storagePath, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(depositor);
        return new DepositFlow
        {
            Number = FlowNumbers.New(now),
            SupplierStructureId = depositor.StructureId,
            DepositedByUserId = depositor.UserId,
            DepositedBy = depositor.ActorName.Length > 200 ? depositor.ActorName[..200] : depositor.ActorName,
            Channel = depositor.Channel,
            Syntax = syntax.Length > 40 ? syntax[..40] : syntax,
            FileName = fileName.Length > 255 ? fileName[..255] : fileName,
            Size = size,
            Sha256 = sha256,
            StoragePath = storagePath,
            ReceivedAt = now,
        };
    }

    /// <summary>
    /// An accepted invoice joins its flow; its routing is written to the outbox in the same transaction. An A9/A12
    /// invoice goes to its (checked) valideur instead, whose users are told it awaits them; routing follows validation.
    /// </summary>
    public static Invoice Add(CantateDbContext db, InvoiceDraft draft, DepositFlow flow, Depositor depositor, string documentPath, DateTime now,
        ValidatorDesignation? validator = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(depositor);
        var invoice = Invoice.Deposit(draft, flow.Id, flow.SupplierStructureId, documentPath, depositor.ActorName, depositor.UserId, now);
        invoice.DepositMode = depositor.Mode;
        db.Invoices.Add(invoice);
        if (invoice.RequiresValidator)
        {
            // Never routed without its valideur: a caller that did not check one fails here rather than skip the circuit.
            invoice.SubmitForValidation(validator ?? throw new InvalidOperationException($"Invoice {draft.Number} of cadre {draft.Cadre} has no checked valideur."), now);
            db.Enqueue(InvoiceStatusNotifications.Kind, new InvoiceStatusNotifications.Message(invoice.Id, invoice.Status.Code()), now);
            return invoice;
        }
        db.Enqueue(InvoiceRouting.Kind, new InvoiceRouting.Message(invoice.Id), now);
        return invoice;
    }

    /// <summary>The report line of one file.</summary>
    public static FlowReportEntry Entry(string fileName, InvoiceDraft? draft, Guid? invoiceId, IReadOnlyList<DepositProblem> problems,
        IReadOnlyList<DepositProblem> warnings) => new()
    {
        FileName = fileName,
        Number = string.IsNullOrEmpty(draft?.Number) ? null : draft.Number,
        SupplierSiret = draft?.SupplierSiret,
        RecipientSiret = string.IsNullOrEmpty(draft?.RecipientSiret) ? null : draft.RecipientSiret,
        TotalWithVat = draft?.TotalWithVat,
        Currency = draft?.Currency,
        InvoiceId = invoiceId,
        Problems = problems,
        Warnings = warnings,
    };

    public static string ExtensionOf(InvoiceSyntax syntax) => syntax == InvoiceSyntax.FacturX ? ".pdf" : ".xml";
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
