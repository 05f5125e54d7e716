using Cantate.Web.Modules.Structures.Features.EditStructure;
using Cantate.Web.Modules.Structures.Features.ManageWorkspaces;
using Cantate.Web.Modules.Structures.Features.ReviewRattachements;

namespace Cantate.Web.Modules.Structures;

public static class StructuresModule
{
    public static IServiceCollection AddStructures(this IServiceCollection services)
    {
        services.AddScoped<StructureAccess>();
        services.AddScoped<ReviewRattachements>();
        services.AddScoped<EditStructure>();
        services.AddScoped<ManageWorkspaces>();
        return services;
    }
}
