using Cantate.Web.Persistence;

namespace Cantate.Web.Modules.Annuaire;

/// <summary>
/// A service of a public structure ("service exécutant"), whose code goes in BT-10. Every structure has the
/// default service <see cref="DefaultCode"/>.
/// </summary>
public sealed class StructureService : IHasCppId
{
    public const string DefaultCode = "FACTURES_PUBLIQUES";
    public const string DefaultLabel = "Service des factures publiques";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>idService in the API.</summary>
    public int CppId { get; set; }
    public Guid StructureId { get; init; }
    public required string Code { get; init; }
    public required string Label { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>An invoice to this service must carry an engagement juridique.</summary>
    public bool EngagementRequired { get; set; }

    /// <summary>The default service every public structure has.</summary>
    public static StructureService Default(Guid structureId) =>
        new() { StructureId = structureId, Code = DefaultCode, Label = DefaultLabel };

    /// <summary>Sets the label and flags; true when something changed.</summary>
    public bool Apply(string label, bool engagementRequired, bool isActive)
    {
        var changed = Label != label || EngagementRequired != engagementRequired || IsActive != isActive;
        (Label, EngagementRequired, IsActive) = (label, engagementRequired, isActive);
        return changed;
    }
}
