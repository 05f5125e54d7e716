using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Annuaire.Features.ManageServices;

/// <summary>
/// A gestionnaire of a public structure manages its services (add, rename, engagement juridique required,
/// deactivate, reactivate) and its routing rules. Every method answers null when the user is not a gestionnaire
/// of that public structure, or the service is not one of its services: the page then answers 404.
/// </summary>
public sealed class ManageServices(CantateDbContext db, StructureAccess access)
{
    public sealed record View(Structure Structure, IReadOnlyList<StructureService> Services);

    public sealed record Rules(bool ServiceCodeRequired, bool EngagementRequired, bool ServiceOrEngagementRequired, bool PaymentStatusNotReported);

    public async Task<View?> LoadAsync(Guid userId, Guid structureId, CancellationToken cancellationToken)
    {
        if (await ManagedAsync(userId, structureId, cancellationToken) is not { } structure) return null;
        var services = await db.StructureServices.AsNoTracking().Where(x => x.StructureId == structureId).ToListAsync(cancellationToken);
        return new View(structure, [.. services.OrderBy(x => x.Code != StructureService.DefaultCode).ThenBy(x => x.Code, StringComparer.Ordinal)]);
    }

    public async Task<bool> SetRulesAsync(Guid userId, Guid structureId, Rules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (await ManagedAsync(userId, structureId, cancellationToken) is null) return false;
        var structure = await db.Structures.FirstAsync(s => s.Id == structureId, cancellationToken);
        (structure.ServiceCodeRequired, structure.EngagementRequired, structure.ServiceOrEngagementRequired, structure.PaymentStatusNotReported) =
            (rules.ServiceCodeRequired, rules.EngagementRequired, rules.ServiceOrEngagementRequired, rules.PaymentStatusNotReported);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The errors by field (empty: added), or null.</summary>
    public async Task<Dictionary<string, string>?> AddAsync(Guid userId, Guid structureId, string? code, string? label, bool engagementRequired, CancellationToken cancellationToken)
    {
        if (await ManagedAsync(userId, structureId, cancellationToken) is null) return null;
        var errors = new Dictionary<string, string>();
        code = code?.Trim() ?? string.Empty;
        label = label?.Trim() ?? string.Empty;
        var existing = await db.StructureServices.Where(x => x.StructureId == structureId).Select(x => x.Code).ToListAsync(cancellationToken);
        if (code.Length == 0) errors["Code"] = "Saisissez le code du service.";
        else if (ServiceCodes.Problem(code) is not null)
            errors["Code"] = $"Le code du service ne peut contenir que des lettres sans accent, des chiffres, _ et - ({AnnuaireFileReader.MaxServiceCodeLength} caractères au plus).";
        else if (existing.Contains(code, StringComparer.OrdinalIgnoreCase))
            errors["Code"] = $"Le code {code} existe déjà dans cette structure : choisissez-en un autre.";
        if (LabelProblem(label) is { } problem) errors["Libelle"] = problem;
        if (errors.Count > 0) return errors;

        db.StructureServices.Add(new StructureService { StructureId = structureId, Code = code, Label = label, EngagementRequired = engagementRequired });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Added at the same moment by another gestionnaire (unique index).
            errors["Code"] = $"Le code {code} existe déjà dans cette structure : choisissez-en un autre.";
        }
        return errors;
    }

    /// <summary>Renames the service and sets its engagement juridique rule: the errors by field, or null.</summary>
    public async Task<Dictionary<string, string>?> UpdateAsync(Guid userId, Guid structureId, Guid serviceId, string? label, bool engagementRequired, CancellationToken cancellationToken)
    {
        if (await ServiceAsync(userId, structureId, serviceId, cancellationToken) is not { } service) return null;
        label = label?.Trim() ?? string.Empty;
        if (LabelProblem(label) is { } problem) return new Dictionary<string, string> { [FieldOf(service)] = problem };
        service.Apply(label, engagementRequired, service.IsActive);
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Deactivates or reactivates the service: the error, empty when done, or null.</summary>
    public async Task<string?> SetActiveAsync(Guid userId, Guid structureId, Guid serviceId, bool active, CancellationToken cancellationToken)
    {
        if (await ServiceAsync(userId, structureId, serviceId, cancellationToken) is not { } service) return null;
        if (!active && service.Code == StructureService.DefaultCode)
            return $"Le service {StructureService.DefaultCode} ne peut pas être désactivé : il reçoit les factures qui ne désignent aucun service.";
        service.IsActive = active;
        await db.SaveChangesAsync(cancellationToken);
        return string.Empty;
    }

    /// <summary>The form field of a service's label on the page.</summary>
    public static string FieldOf(StructureService service) => "libelle-" + service?.Code;

    private static string? LabelProblem(string label) =>
        label.Length == 0 ? "Saisissez le libellé du service."
        : label.Length > 200 ? "Le libellé du service est trop long (200 caractères au plus)." : null;

    private async Task<Structure?> ManagedAsync(Guid userId, Guid structureId, CancellationToken cancellationToken) =>
        await access.ManagerMembershipAsync(userId, structureId, cancellationToken) is { Structure: { IsPublic: true } structure } ? structure : null;

    private async Task<StructureService?> ServiceAsync(Guid userId, Guid structureId, Guid serviceId, CancellationToken cancellationToken) =>
        await ManagedAsync(userId, structureId, cancellationToken) is null ? null
            : await db.StructureServices.FirstOrDefaultAsync(x => x.Id == serviceId && x.StructureId == structureId, cancellationToken);
}
