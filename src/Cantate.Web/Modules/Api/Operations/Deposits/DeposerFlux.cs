using System.Collections.Frozen;
using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices.Features.DepositBatch;
using Cantate.Web.Modules.Invoices.Features.DepositInvoice;

namespace Cantate.Web.Modules.Api.Operations.Deposits;

/// <summary>
/// <c>POST /cpro/factures/v1/deposer/flux</c>: one invoice (UBL, CII, Factur-X) or a .zip / .tar.gz of up to 500.
/// The flow is stored with its number and certificate before the answer; its invoices are then checked from the
/// outbox, and the client polls consulterCRDetaille. The format is read from the content: a syntaxeFlux that does
/// not match it is not an error (php sends a default whatever it deposits), and it is echoed as received.
/// </summary>
public static class DeposerFlux
{
    /// <summary>The syntaxes Chorus Pro documents for deposer/flux, current and 2017-era.</summary>
    public static readonly FrozenSet<string> Syntaxes = new[]
    {
        "IN_DP_E1_UBL_INVOICE", "IN_DP_E1_CII_16B", "IN_DP_E2_UBL_INVOICE_MIN", "IN_DP_E2_CII_MIN_16B", "IN_DP_E2_CPP_FACTURE_MIN",
        "IN_DP_E2_CII_FACTURX", "IN_DP_E3_UBL_INVOICE", "IN_DP_E1_CII", "IN_DP_E1_PES_FACTURE", "IN_DP_E2_CII_MIN", "IN_DP_E2_PES_FACTURE_MIN",
        "IN_DP_E1_XCBL",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static async Task<IResult> HandleAsync(HttpContext http, DepositBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var caller = CproCaller.Of(http);
        var request = CproCaller.RequestOf(http);
        var syntax = request.Text("syntaxeFlux")?.ToUpperInvariant()
            ?? throw request.Missing("syntaxeFlux", "indiquez la syntaxe du flux, par exemple IN_DP_E1_UBL_INVOICE, IN_DP_E1_CII_16B ou IN_DP_E2_CII_FACTURX");
        if (!Syntaxes.Contains(syntax))
        {
            throw new CproException(CproCodes.InvalidField,
                $"La syntaxe « {syntax} » (syntaxeFlux) n'existe pas. Valeurs acceptées : {string.Join(", ", Syntaxes.Order(StringComparer.Ordinal))}.");
        }
        var fileName = FileNames.Clean(request.Text("nomFichier"))
            ?? throw request.Missing("nomFichier", "indiquez le nom du fichier déposé, avec son extension (par exemple facture.xml ou lot.tar.gz)");
        request.Bool("avecSignature");
        request.Whole("idUtilisateurCourant");
        var content = request.Base64("fichierFlux") ?? throw request.Missing("fichierFlux", "joignez le fichier du flux encodé en base64");
        if (content.Length == 0)
            throw new CproException(CproCodes.InvalidField, "Le champ « fichierFlux » est vide : joignez le fichier de la facture ou l'archive du lot, encodé en base64.");
        if (content.Length > DepositBatch.MaxFlowBytes)
            throw new CproException(CproCodes.FileTooLarge, "Le fichier du flux (fichierFlux) dépasse 120 Mo : déposez les factures en plusieurs flux.");

        var flow = await batch.ReceiveAsync(new Depositor(caller.StructureId, null, caller.Login, "API"), fileName, syntax, content, cancellationToken);
        return CproResults.Ok(new
        {
            numeroFluxDepot = flow.Number,
            dateDepot = CproDates.Date(flow.ReceivedAt),
            syntaxeFlux = syntax,
        });
    }
}

/// <summary>File names as clients send them: only the last segment of a path is kept.</summary>
public static class FileNames
{
    public static string? Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var last = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
        if (string.IsNullOrEmpty(last) || last is "." or "..") return null;
        var cleaned = new string(last.Where(c => !char.IsControl(c)).ToArray());
        return cleaned.Length > 255 ? cleaned[^255..] : cleaned;
    }
}
