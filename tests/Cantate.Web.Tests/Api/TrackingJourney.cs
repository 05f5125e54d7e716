using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cantate.Testing;
using Cantate.Web.Modules.Api;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Tests.Invoices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Web.Tests.Api;

/// <summary>
/// A supplier and a public recipient onboarded on the portal, each with its own API client and technical account;
/// invoices are deposited through the portal and followed through the API as integrators' clients do.
/// </summary>
public sealed partial class TrackingJourney(CantateFactory factory, InvoiceParties parties, CproClient supplier, CproClient recipient) : IDisposable
{
    public const string OutsiderSiret = "21920023500014";

    public InvoiceParties Parties { get; } = parties;
    /// <summary>The supplier's technical account.</summary>
    public CproClient Supplier { get; } = supplier;
    /// <summary>The recipient's technical account.</summary>
    public CproClient Recipient { get; } = recipient;

    public static async Task<TrackingJourney> CreateAsync(CantateFactory factory)
    {
        var parties = await InvoiceParties.CreateAsync(factory);
        return new TrackingJourney(factory, parties,
            await CproClient.ConnectAsync(factory, InvoiceParties.SupplierSiret), await CproClient.ConnectAsync(factory, InvoiceParties.RecipientSiret));
    }

    /// <summary>A technical account of a third structure, which neither issued nor received the invoices.</summary>
    public Task<CproClient> OutsiderAsync() => CproClient.ConnectAsync(factory, OutsiderSiret);

    /// <summary>Deposits a UBL invoice on the portal and waits until it is available to the recipient; returns its API id.</summary>
    public async Task<int> AvailableAsync(string number)
    {
        var page = await Parties.DepositAsync(number + ".xml", SampleInvoices.Ubl(number, InvoiceParties.SupplierSiret, InvoiceParties.RecipientSiret));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var invoice = await Parties.WaitForStatusAsync(number, InvoiceStatus.MiseADisposition);
        return invoice.CppId;
    }

    /// <summary>An available invoice the recipient then set to this status through the API.</summary>
    public async Task<int> ProcessedAsync(string number, string status, string? motif = null)
    {
        var id = await AvailableAsync(number);
        (await Recipient.PostAsync("/cpro/factures/v1/traiter/recue",
            JsonSerializer.Serialize(new { idFacture = id, nouveauStatut = status, motif = motif ?? "", numeroDPMandat = "" }))).EnsureOk();
        return id;
    }

    public Task<string> FlowNumberAsync(int id) => factory.QueryAsync(db =>
        db.Invoices.Where(i => i.CppId == id).Join(db.DepositFlows, i => i.FlowId, f => f.Id, (i, f) => f.Number).SingleAsync());

    public Task<int> StructureIdAsync(string siret) => factory.QueryAsync(db => db.Structures.Where(s => s.Siret == siret).Select(s => s.CppId).SingleAsync());

    /// <summary>A file as transverses/v1/ajouter/fichier leaves it: stored, and owned by the structure; returns its pieceJointeId.</summary>
    public async Task<int> AddApiFileAsync(string siret, string name, byte[] content, string mime = "application/pdf")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Cantate.Web.Persistence.CantateDbContext>();
        var path = await scope.ServiceProvider.GetRequiredService<DocumentStore>().SaveAsync(content, Path.GetExtension(name), CancellationToken.None);
        var file = new ApiFile
        {
            StructureId = await db.Structures.Where(s => s.Siret == siret).Select(s => s.Id).SingleAsync(),
            FileName = name,
            MimeType = mime,
            Extension = Path.GetExtension(name).TrimStart('.').ToUpperInvariant(),
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            StoragePath = path,
            UploadedAt = DateTime.UtcNow,
        };
        db.ApiFiles.Add(file);
        await db.SaveChangesAsync();
        return file.CppId;
    }

    public Task<Invoice> InvoiceAsync(int id) =>
        factory.QueryAsync(db => db.Invoices.AsNoTracking().Include(i => i.History.OrderBy(h => h.Id)).SingleAsync(i => i.CppId == id));

    public void Dispose()
    {
        Supplier.Dispose();
        Recipient.Dispose();
        Parties.Supplier.Dispose();
        Parties.Recipient.Dispose();
    }

    /// <summary>"YYYY-MM-DD", go's Date layout (the other layouts are in <see cref="ApiAssert"/>).</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    public static partial Regex Date();

    /// <summary>A JSON number.</summary>
    public static decimal Number(JsonElement parent, string name)
    {
        var value = parent.GetProperty(name);
        Assert.True(value.ValueKind == JsonValueKind.Number, $"{name} should be a JSON number: {value.GetRawText()}");
        return value.GetDecimal();
    }

    /// <summary>A JSON string, in this format when one is given.</summary>
    public static string Text(JsonElement parent, string name, Regex? format = null)
    {
        var text = ApiAssert.Str(parent, name);
        if (format is not null) Assert.Matches(format, text);
        return text;
    }

    /// <summary>A refusal as the API gives it: HTTP 400, the code, a French libellé; never the invoice's data.</summary>
    public static void Refused(CproResponse response, int code, params string[] mentioning)
    {
        ApiAssert.Error(response, code, mentioning);
        Assert.Equal(["codeRetour", "libelle"], response.Body.EnumerateObject().Select(p => p.Name));
    }
}
