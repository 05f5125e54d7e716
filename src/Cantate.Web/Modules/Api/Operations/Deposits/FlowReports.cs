using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Invoices.Features.DepositBatch;
using Cantate.Web.Modules.Invoices.Features.RouteInvoice;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Operations.Deposits;

/// <summary>
/// The reports of a flow: <c>consulterCRDetaille</c> (polled until IN_INTEGRE, IN_INTEGRE_PARTIEL or IN_REJETE, with
/// the errors of each invoice) and <c>consulterCR</c> (the same state and the report as a PDF). Only the structure
/// that deposited a flow sees it; for any other it does not exist. syntaxeFlux (or php's syntaxFluxType) and
/// dateDepot are not needed to find a flow and are ignored, whatever their value.
/// </summary>
public static class FlowReports
{
    public static async Task<IResult> DetailedAsync(HttpContext http, CantateDbContext db, CancellationToken cancellationToken)
    {
        var (_, flow) = await FindAsync(http, db, cancellationToken);
        var report = flow.ReadReport();
        var read = report.Invoices.Where(i => i.Number is not null).ToList();
        var unread = report.Invoices.Where(i => i.Number is null).ToList();
        return CproResults.Ok(new
        {
            numeroFluxDepot = flow.Number,
            codeInterfaceDepotFlux = InterfaceCode(flow.Syntax),
            dateDepotFlux = CproDates.Timestamp(flow.ReceivedAt),
            dateHeureEtatCourantFlux = CproDates.Timestamp(flow.ProcessedAt ?? flow.ReceivedAt),
            etatCourantDepotFlux = flow.Status.Code(),
            nomFichier = flow.FileName,
            listeErreurDP = read.SelectMany(i => i.Problems.Select(p => new
            {
                identifiantFournisseur = i.SupplierSiret ?? string.Empty,
                identifiantDestinataire = i.RecipientSiret ?? string.Empty,
                numeroDP = i.Number,
                libelleErreurDP = Describe(p),
            })).ToList(),
            listeErreurTechnique = report.Errors.Select(p => Technical(p, null))
                .Concat(unread.SelectMany(i => i.Problems.Select(p => Technical(p, i.FileName)))).ToList(),
        });
    }

    public static async Task<IResult> SummaryAsync(HttpContext http, CantateDbContext db, CancellationToken cancellationToken)
    {
        var (caller, flow) = await FindAsync(http, db, cancellationToken);
        var pdf = FlowReportPdf.Render(flow, flow.ReadReport(), caller.StructureName, caller.StructureSiret);
        return CproResults.Ok(new
        {
            codeAppliPartenaire = flow.Channel == "API" ? caller.ClientId : flow.Channel,
            codeInterfaceFlux = InterfaceCode(flow.Syntax),
            designationPartenaire = caller.StructureName,
            etatCourantFlux = flow.Status.Code(),
            nomFichierFlux = flow.FileName,
            numeroFluxDepot = flow.Number,
            dateDepotFlux = CproDates.Timestamp(flow.ReceivedAt),
            dateHeureEtatCourantFlux = CproDates.Timestamp(flow.ProcessedAt ?? flow.ReceivedAt),
            fichierCR = Convert.ToBase64String(pdf),
        });
    }

    /// <summary>"RULE (BT-x) : message", the portal's three columns on one line.</summary>
    public static string Describe(DepositProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return string.IsNullOrEmpty(problem.BusinessTerm) ? $"{problem.Rule} : {problem.Message}" : $"{problem.Rule} ({problem.BusinessTerm}) : {problem.Message}";
    }

    /// <summary>The interface of the Chorus Pro external specifications that a syntax goes through.</summary>
    public static string InterfaceCode(string syntax) => syntax switch
    {
        "IN_DP_E1_UBL_INVOICE" => "FSO1100A",
        "IN_DP_E1_CII_16B" => "FSO1106A",
        "IN_DP_E2_UBL_INVOICE_MIN" => "FSO1110A",
        "IN_DP_E2_CII_FACTURX" => "FSO1117A",
        _ => syntax,
    };

    private static object Technical(DepositProblem problem, string? fileName) => new
    {
        codeErreur = problem.Rule,
        libelleErreur = fileName is null ? Describe(problem) : $"{fileName} : {Describe(problem)}",
        natureErreur = "TECHNIQUE",
    };

    private static async Task<(CproCaller Caller, DepositFlow Flow)> FindAsync(HttpContext http, CantateDbContext db, CancellationToken cancellationToken)
    {
        var caller = CproCaller.Of(http);
        var request = CproCaller.RequestOf(http);
        var number = request.Text("numeroFluxDepot")
            ?? throw request.Missing("numeroFluxDepot", "indiquez le numéro de flux rendu par factures/v1/deposer/flux");
        var flow = await db.DepositFlows.AsNoTracking().FirstOrDefaultAsync(f => f.Number == number, cancellationToken);
        if (flow is null || flow.SupplierStructureId != caller.StructureId)
        {
            throw new CproException(CproCodes.NotFound,
                $"Le flux « {number} » n'existe pas pour votre structure : vérifiez le numeroFluxDepot rendu par factures/v1/deposer/flux et le compte technique utilisé.");
        }
        return (caller, flow);
    }
}
