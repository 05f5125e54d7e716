using System.Text;
using Cantate.Testing;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Annuaire.Features.ImportAnnuaire;
using Microsoft.Extensions.DependencyInjection;

namespace Cantate.Web.Tests.Annuaire;

/// <summary>Annuaire files for tests, imported through the application's own import.</summary>
internal static class AnnuaireFiles
{
    public const string Dinum = "13002526500013,DIRECTION INTERMINISTERIELLE DU NUMERIQUE,20 AVENUE DE SEGUR,75007,PARIS 7,true,false,false,false,true";
    public const string Clamart = "21920023500014,COMMUNE DE CLAMART,1 PLACE MAURICE GUNSBOURG,92140,CLAMART,false,true,false,false,true";

    public static string File(params string[] lines) => AnnuaireCsv.Header + "\n" + string.Join("\n", lines) + "\n";

    public static async Task<AnnuaireImportReport> ImportAsync(CantateFactory factory, string content, bool bom = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(content)).ToArray();
        return await scope.ServiceProvider.GetRequiredService<ImportAnnuaire>().HandleAsync(new MemoryStream(bytes), "annuaire.csv", CancellationToken.None);
    }
}
