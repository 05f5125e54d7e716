using Cantate.Web.Modules.Annuaire.Features.ExportAnnuaire;
using Cantate.Web.Modules.Annuaire.Features.ImportAnnuaire;

namespace Cantate.Web.Modules.Annuaire;

public static class AnnuaireModule
{
    public static IServiceCollection AddAnnuaire(this IServiceCollection services)
    {
        services.AddScoped<ImportAnnuaire>();
        services.AddScoped<ExportAnnuaire>();
        return services;
    }
}
