using Cantate.Web.Modules.Annuaire.Features.ExportAnnuaire;
using Cantate.Web.Modules.Annuaire.Features.ImportAnnuaire;
using Cantate.Web.Modules.Annuaire.Features.SearchAnnuaire;
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
        return services;
    }
}
