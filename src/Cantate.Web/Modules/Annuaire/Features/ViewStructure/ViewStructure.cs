using Cantate.Sirene;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Annuaire.Features.ViewStructure;

/// <summary>A public structure's fiche in the annuaire: what an invoice to it must carry, and its active services.</summary>
public sealed class ViewStructure(CantateDbContext db)
{
    public sealed record Fiche(Structure Structure, IReadOnlyList<StructureService> Services, IReadOnlyList<string> Requirements);

    /// <summary>Null when no public structure has that SIRET.</summary>
    public async Task<Fiche?> HandleAsync(string? siret, CancellationToken cancellationToken)
    {
        var normalized = SiretRules.Normalize(siret);
        if (normalized.Length != 14 || !normalized.All(char.IsAsciiDigit)) return null;
        var structure = await db.Structures.AsNoTracking().FirstOrDefaultAsync(s => s.Siret == normalized && s.IsPublic, cancellationToken);
        if (structure is null) return null;
        var services = (await db.StructureServices.AsNoTracking().Where(x => x.StructureId == structure.Id && x.IsActive).ToListAsync(cancellationToken))
            .OrderBy(x => x.Code != StructureService.DefaultCode).ThenBy(x => x.Code, StringComparer.Ordinal).ToList();
        return new Fiche(structure, services, InvoiceRequirements.Describe(structure, services));
    }
}

/// <summary>The routing rules of a public structure, said in plain French for its suppliers.</summary>
public static class InvoiceRequirements
{
    public const string ServiceCode = "Le code service est obligatoire.";
    public const string Engagement = "Le numéro d'engagement juridique est obligatoire.";
    public const string ServiceOrEngagement = "Le code service ou le numéro d'engagement juridique est obligatoire.";

    public static IReadOnlyList<string> Describe(Structure structure, IEnumerable<StructureService> activeServices)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var sentences = new List<string> { $"Le destinataire est désigné par son SIRET : {structure.Siret}." };
        if (structure.ServiceCodeRequired) sentences.Add(ServiceCode);
        if (structure.EngagementRequired) sentences.Add(Engagement);
        if (structure.ServiceOrEngagementRequired) sentences.Add(ServiceOrEngagement);
        if (!structure.ServiceCodeRequired && !structure.EngagementRequired && !structure.ServiceOrEngagementRequired)
            sentences.Add("Ni le code service ni le numéro d'engagement juridique ne sont exigés par la structure.");
        if (!structure.EngagementRequired && activeServices.Any(s => s.EngagementRequired))
            sentences.Add("Le numéro d'engagement juridique est obligatoire pour les services signalés ci-dessous.");
        if (structure.PaymentStatusNotReported)
            sentences.Add("Cette structure ne communique pas le statut « mise en paiement » de ses factures.");
        return sentences;
    }
}
