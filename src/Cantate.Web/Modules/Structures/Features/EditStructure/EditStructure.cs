using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Structures.Features.EditStructure;

/// <summary>A gestionnaire corrects the structure's name and address (pre-filled from SIRENE, always editable).</summary>
public sealed class EditStructure(CantateDbContext db, StructureAccess access)
{
    public sealed record Input(string? RaisonSociale, string? AddressLine, string? AddressComplement, string? PostalCode, string? City);

    /// <summary>Null when the user may not edit that structure; otherwise the errors by field (empty: saved).</summary>
    public async Task<Dictionary<string, string>?> HandleAsync(Guid userId, Guid structureId, Input input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await access.ManagerMembershipAsync(userId, structureId, cancellationToken) is null) return null;
        var structure = await db.Structures.FirstAsync(s => s.Id == structureId, cancellationToken);
        var errors = new Dictionary<string, string>();
        static string? Clean(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        var name = Clean(input.RaisonSociale);
        var postal = Clean(input.PostalCode);
        if (name is null) errors["RaisonSociale"] = "Saisissez la raison sociale.";
        else if (name.Length > 200) errors["RaisonSociale"] = "La raison sociale est trop longue (200 caractères au plus).";
        if (Clean(input.AddressLine) is null) errors["AddressLine"] = "Saisissez l'adresse (numéro et voie).";
        if (Clean(input.City) is null) errors["City"] = "Saisissez la ville.";
        if (postal is null || (structure.CountryCode == "FR" && (postal.Length != 5 || !postal.All(char.IsAsciiDigit))))
            errors["PostalCode"] = "Saisissez un code postal de 5 chiffres.";
        if (new[] { input.AddressLine, input.AddressComplement, input.City }.Any(v => v is { Length: > 200 }))
            errors["AddressLine"] = "L'adresse est trop longue (200 caractères au plus par ligne).";
        if (errors.Count > 0) return errors;

        structure.RaisonSociale = name!;
        structure.AddressLine = Clean(input.AddressLine);
        structure.AddressComplement = Clean(input.AddressComplement);
        structure.PostalCode = postal;
        structure.City = Clean(input.City);
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }
}
