using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features.ProcessInvoice;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Operations.Tracking;

/// <summary>
/// The rows of both invoice searches (listeFactures[]) with the fields and JSON types go, pastell and oca read:
/// ids are integers, amounts numbers, booleans booleans, dateDepot/dateFacture "YYYY-MM-DD" and dateHeureEtatCourant
/// RFC 3339. A value Cantate does not know is left out, never null. The supplier's rows carry identifiantFactureCPP,
/// the recipient's idFacture: the same integer.
/// </summary>
public sealed class InvoiceSummaries(CantateDbContext db)
{
    public async Task<List<object>> RowsAsync(IReadOnlyList<Invoice> invoices, InvoiceSide side, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        if (invoices.Count == 0) return [];
        var parties = await InvoiceParties.LoadAsync(db, invoices, cancellationToken);
        var ids = invoices.Select(i => i.Id).ToList();
        var history = (await db.InvoiceEvents.AsNoTracking().Where(e => ids.Contains(e.InvoiceId))
            .Select(e => new HistoryEntry(e.InvoiceId, e.Id, e.Action, e.Comment)).ToListAsync(cancellationToken)).ToLookup(e => e.InvoiceId);
        var flowIds = invoices.Select(i => i.FlowId).Distinct().ToList();
        var flows = side == InvoiceSide.Supplier
            ? await db.DepositFlows.AsNoTracking().Where(f => flowIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Number, cancellationToken)
            : [];
        var validators = await ValidatorIdsAsync(db, invoices, cancellationToken);
        return invoices.Select(i => Row(i, side, parties, history[i.Id].OrderBy(e => e.Id).ToList(), flows.GetValueOrDefault(i.FlowId), validators)).ToList();
    }

    /// <summary>The API ids (idStructureCPP) of the valideurs of these invoices.</summary>
    public static async Task<Dictionary<Guid, int>> ValidatorIdsAsync(CantateDbContext db, IReadOnlyCollection<Invoice> invoices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoices);
        var ids = invoices.Select(i => i.ValidatorStructureId).OfType<Guid>().Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Structures.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.CppId, cancellationToken);
    }

    private sealed record HistoryEntry(Guid InvoiceId, long Id, string Action, string? Comment);

    private static object Row(Invoice i, InvoiceSide side, InvoiceParties parties, List<HistoryEntry> history, string? flowNumber, Dictionary<Guid, int> validators)
    {
        var supplierSide = side == InvoiceSide.Supplier;
        var supplier = parties.Supplier(i);
        var recipient = parties.Recipient(i);
        var service = parties.Service(i);
        return new
        {
            identifiantFactureCPP = supplierSide ? i.CppId : (int?)null,
            idFacture = supplierSide ? (int?)null : i.CppId,
            numeroFacture = i.Number,
            statut = i.Status.Code(),
            numeroFluxDepot = flowNumber,
            dateDepot = CproDates.Date(i.DepositedAt),
            dateFacture = CproDates.Date(i.IssueDate),
            dateHeureEtatCourant = CproDates.Timestamp(i.StatusChangedAt),
            commentaireEtatCourant = history.LastOrDefault(e => e.Action == i.Status.Code())?.Comment,
            montantAPayer = i.AmountDue,
            montantHT = i.TotalWithoutVat,
            montantTTC = i.TotalWithVat,
            devise = i.Currency,
            idFournisseur = supplier?.CppId,
            codeFournisseur = supplier?.Siret,
            typeIdentifiantFournisseur = "SIRET",
            designationFournisseur = i.SupplierName,
            idDestinataire = recipient?.CppId,
            codeDestinataire = i.RecipientSiret,
            designationDestinataire = i.RecipientName ?? recipient?.RaisonSociale,
            idServiceExecutant = service?.CppId,
            codeServiceExecutant = i.ServiceCode,
            nomServiceExecutant = service?.Label,
            numeroBonCommande = i.EngagementNumber,
            modeDepot = i.DepositMode,
            typeFacture = ChorusNames.TypeFacture(i),
            typeDemandePaiement = "FACTURE",
            cadreFacturation = ChorusNames.Cadre(i.Cadre),
            rejetTraite = supplierSide ? i.RejectionAcknowledgedAt is not null : (bool?)null,
            factureTelechargeeParDestinataire = side == InvoiceSide.Recipient ? history.Any(e => e.Action == Invoice.DownloadAction) : (bool?)null,
            // A9/A12: the valideur (titulaire or mandataire) and the date of validation, as go's *Valideur1 and dateValidation1.
            idValideur1 = i.ValidatorStructureId is { } v && validators.TryGetValue(v, out var validatorId) ? validatorId : (int?)null,
            codeValideur1 = i.ValidatorSiret,
            typeIdentifiantValideur1 = i.ValidatorSiret is null ? null : "SIRET",
            designationValideur1 = i.ValidatorName,
            codeServiceValideur1 = i.ValidatorServiceCode,
            dateValidation1 = i.ValidatedAt is { } validated ? CproDates.Date(validated) : null,
        };
    }
}
