using Cantate.Testing;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Tests.Invoices;

/// <summary>A supplier and a public recipient, both signed in, ready to exchange invoices.</summary>
public sealed class InvoiceParties(CantateFactory factory, PortalClient supplier, PortalClient recipient, Guid supplierId, Guid recipientId,
    string supplierEmail)
{
    public const string SupplierSiret = "84321765400014";
    public const string RecipientSiret = "13002526500013";

    public PortalClient Supplier { get; } = supplier;
    public PortalClient Recipient { get; } = recipient;
    public Guid SupplierId { get; } = supplierId;
    public Guid RecipientId { get; } = recipientId;
    public string SupplierEmail { get; } = supplierEmail;

    public static async Task<InvoiceParties> CreateAsync(CantateFactory factory)
    {
        var supplierEmail = $"fournisseur.{Guid.NewGuid():N}@exemple.fr";
        var supplier = factory.CreatePortalClient();
        await AccountJourney.OnboardAsync(factory, supplier, supplierEmail, SupplierSiret);
        var recipient = factory.CreatePortalClient();
        await AccountJourney.OnboardAsync(factory, recipient, $"agent.{Guid.NewGuid():N}@exemple.fr", RecipientSiret);
        var (supplierId, recipientId) = await factory.QueryAsync(async db =>
            (await db.Structures.Where(s => s.Siret == SupplierSiret).Select(s => s.Id).SingleAsync(),
             await db.Structures.Where(s => s.Siret == RecipientSiret).Select(s => s.Id).SingleAsync()));
        var parties = new InvoiceParties(factory, supplier, recipient, supplierId, recipientId, supplierEmail);
        await parties.SetRoutingAsync();
        return parties;
    }

    /// <summary>Sets the recipient's routing flags (all off by default) and ensures its services.</summary>
    public Task SetRoutingAsync(bool service = false, bool engagement = false, bool serviceOrEngagement = false, bool active = true,
        params StructureService[] services) =>
        factory.QueryAsync(async db =>
        {
            var structure = await db.Structures.SingleAsync(s => s.Id == RecipientId);
            (structure.ServiceCodeRequired, structure.EngagementRequired, structure.ServiceOrEngagementRequired, structure.IsActive) =
                (service, engagement, serviceOrEngagement, active);
            foreach (var s in services)
            {
                db.StructureServices.Add(new StructureService { StructureId = RecipientId, Code = s.Code, Label = s.Label, IsActive = s.IsActive, EngagementRequired = s.EngagementRequired });
            }
            return await db.SaveChangesAsync();
        });

    public async Task<Page> DepositAsync(string fileName, byte[] content)
    {
        var form = await Supplier.GetAsync($"/espaces/factures-emises/deposer?structure={SupplierId}");
        return await Supplier.UploadAsync(form, "Fichier", fileName, content);
    }

    /// <summary>Waits until the outbox worker has taken the invoice to the given status.</summary>
    public async Task<Invoice> WaitForStatusAsync(string number, InvoiceStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var invoice = await factory.QueryAsync(db => db.Invoices.AsNoTracking().Include(i => i.History).SingleOrDefaultAsync(i => i.Number == number));
            if (invoice?.Status == status) return invoice;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Invoice {number} is {invoice?.Status.ToString() ?? "absent"}, expected {status}.");
            await Task.Delay(50);
        }
    }

    public Task<Guid> IdOfAsync(string number) => factory.QueryAsync(db => db.Invoices.Where(i => i.Number == number).Select(i => i.Id).SingleAsync());
}
