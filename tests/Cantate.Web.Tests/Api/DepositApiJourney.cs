using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cantate.Testing;
using Cantate.Web.Tests.Invoices;

namespace Cantate.Web.Tests.Api;

/// <summary>
/// A supplier and a public recipient onboarded on the portal, the supplier depositing through the API with its own
/// technical account; the recipient's technical account stands for "another structure".
/// </summary>
public sealed partial class DepositApiJourney(InvoiceParties parties, CproClient supplier, CproClient recipient) : IDisposable
{
    public const string Supplier = InvoiceParties.SupplierSiret;
    public const string Recipient = InvoiceParties.RecipientSiret;
    public const string DeposerFlux = "/cpro/factures/v1/deposer/flux";
    public const string CrDetaille = "/cpro/transverses/v1/consulterCRDetaille";
    public const string Cr = "/cpro/transverses/v1/consulterCR";
    public const string AjouterFichier = "/cpro/transverses/v1/ajouter/fichier";
    public const string Soumettre = "/cpro/factures/v1/soumettre";

    public InvoiceParties Parties { get; } = parties;
    public CproClient Client { get; } = supplier;
    public CproClient Other { get; } = recipient;

    public static async Task<DepositApiJourney> CreateAsync(CantateFactory factory)
    {
        var parties = await InvoiceParties.CreateAsync(factory);
        return new DepositApiJourney(parties, await CproClient.ConnectAsync(factory, Supplier), await CproClient.ConnectAsync(factory, Recipient));
    }

    /// <summary>"YYYY-MM-DD", the only form go's Date reads.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    public static partial Regex DateShape();

    /// <summary>RFC 3339 with milliseconds and Z: what both go and php read in dateDepotFlux.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    public static partial Regex TimestampShape();

    /// <summary>deposer/flux as oca writes it (avecSignature false).</summary>
    public Task<CproResponse> DepositAsync(string fileName, byte[] content, string syntax = "IN_DP_E1_UBL_INVOICE") =>
        Client.PostAsync(DeposerFlux, JsonSerializer.Serialize(new { fichierFlux = Convert.ToBase64String(content), nomFichier = fileName, syntaxeFlux = syntax, avecSignature = false }));

    /// <summary>Deposits and returns the flow number, checking the answer's shape.</summary>
    public async Task<string> FlowOfAsync(string fileName, byte[] content, string syntax = "IN_DP_E1_UBL_INVOICE")
    {
        var answer = (await DepositAsync(fileName, content, syntax)).EnsureOk();
        Assert.Equal(JsonValueKind.String, answer["numeroFluxDepot"].ValueKind);
        return answer["numeroFluxDepot"].GetString()!;
    }

    /// <summary>Polls consulterCRDetaille as oca does, until the flow reaches a final state.</summary>
    public async Task<CproResponse> PollAsync(string flow, string? body = null, CproClient? client = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var answer = (await (client ?? Client).PostAsync(CrDetaille, body ?? JsonSerializer.Serialize(new { numeroFluxDepot = flow }))).EnsureOk();
            var state = answer["etatCourantDepotFlux"].GetString();
            if (state is "IN_INTEGRE" or "IN_INTEGRE_PARTIEL" or "IN_REJETE") return answer;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Flow {flow} is still {state}.");
            await Task.Delay(100);
        }
    }

    /// <summary>The libelleErreurDP of one invoice of a detailed report.</summary>
    public static List<string> ErrorsOf(CproResponse report, string number) =>
        report["listeErreurDP"].EnumerateArray().Where(e => e.GetProperty("numeroDP").GetString() == number)
            .Select(e => e.GetProperty("libelleErreurDP").GetString()!).ToList();

    public static List<string> TechnicalCodes(CproResponse report) =>
        report["listeErreurTechnique"].EnumerateArray().Select(e => e.GetProperty("codeErreur").GetString()!).ToList();

    public static byte[] Zip(params (string Name, byte[] Content)[] files)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }
        return output.ToArray();
    }

    /// <summary>A gzip'd ustar archive, as OCA builds "factur-x_chorus_lot_factures.tar.gz".</summary>
    public static byte[] TarGz(params (string Name, byte[] Content)[] files) => TarGz(files.Select(f => new UstarTarEntry(TarEntryType.RegularFile, f.Name)
    {
        DataStream = new MemoryStream(f.Content),
    }).ToArray());

    public static byte[] TarGz(params TarEntry[] entries)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var entry in entries) tar.WriteEntry(entry);
        }
        return output.ToArray();
    }

    public void Dispose()
    {
        Client.Dispose();
        Other.Dispose();
    }
}
