using Cantate.Web.Modules.Annuaire.Features.ExportAnnuaire;
using Cantate.Web.Modules.Annuaire.Features.ImportAnnuaire;
using Cantate.Web.Modules.Annuaire.Features.ManageServices;
using Cantate.Web.Modules.Annuaire.Features.SearchAnnuaire;
using Cantate.Web.Modules.Annuaire.Features.SeedDemoAnnuaire;
using Cantate.Web.Modules.Annuaire.Features.ViewStructure;

namespace Cantate.Web.Modules.Annuaire;

public static class AnnuaireModule
{
    public static IServiceCollection AddAnnuaire(this IServiceCollection services)
    {
        services.AddScoped<ImportAnnuaire>();
        services.AddScoped<ExportAnnuaire>();
        services.AddScoped<SearchAnnuaire>();
        services.AddScoped<ViewStructure>();
        services.AddScoped<SeedDemoAnnuaire>();
        services.AddScoped<ManageServices>();
        return services;
    }

    /// <summary>Loads the demo annuaire into an empty database when demo data is on (see <see cref="SeedDemoAnnuaire"/>).</summary>
    public static async Task SeedAnnuaireDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedDemoAnnuaire>().HandleAsync(cancellationToken);
    }
}
