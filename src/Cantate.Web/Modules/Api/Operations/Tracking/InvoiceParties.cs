using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Operations.Tracking;

/// <summary>A service exécutant as the API names it.</summary>
public sealed record ServiceInfo(int CppId, string Code, string Label);

/// <summary>
/// The supplier, recipient and service exécutant of a set of invoices, read in three queries whatever their number,
/// with the API's integer ids (idFournisseur, idDestinataire, idServiceExecutant).
/// </summary>
public sealed class InvoiceParties
{
    private readonly Dictionary<Guid, Structure> _structures;
    private readonly Dictionary<(Guid, string), ServiceInfo> _services;

    private InvoiceParties(Dictionary<Guid, Structure> structures, Dictionary<(Guid, string), ServiceInfo> services) =>
        (_structures, _services) = (structures, services);

    public static async Task<InvoiceParties> LoadAsync(CantateDbContext db, IReadOnlyCollection<Invoice> invoices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoices);
        var ids = invoices.Select(i => i.SupplierStructureId)
            .Concat(invoices.Where(i => i.RecipientStructureId is not null).Select(i => i.RecipientStructureId!.Value)).Distinct().ToList();
        var structures = ids.Count == 0 ? [] : await db.Structures.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var recipients = invoices.Where(i => i.RecipientStructureId is not null && i.ServiceCode is not null)
            .Select(i => i.RecipientStructureId!.Value).Distinct().ToList();
        var codes = invoices.Where(i => i.ServiceCode is not null).Select(i => i.ServiceCode!).Distinct().ToList();
        var services = recipients.Count == 0 ? []
            : await db.StructureServices.AsNoTracking().Where(s => recipients.Contains(s.StructureId) && codes.Contains(s.Code))
                .Select(s => new { s.StructureId, Info = new ServiceInfo(s.CppId, s.Code, s.Label) })
                .ToDictionaryAsync(s => (s.StructureId, s.Info.Code), s => s.Info, cancellationToken);
        return new InvoiceParties(structures, services);
    }

    public Structure? Supplier(Invoice invoice) => _structures.GetValueOrDefault(invoice?.SupplierStructureId ?? Guid.Empty);

    public Structure? Recipient(Invoice invoice) =>
        invoice?.RecipientStructureId is { } id ? _structures.GetValueOrDefault(id) : null;

    public ServiceInfo? Service(Invoice invoice) =>
        invoice is { RecipientStructureId: { } id, ServiceCode: { } code } ? _services.GetValueOrDefault((id, code)) : null;
}
