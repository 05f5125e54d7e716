using Cantate.Web.Modules.Api.Gateway;
using Cantate.Web.Modules.Structures;
using Cantate.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Modules.Api.Operations.Structures;

/// <summary>
/// What an API caller may read of the structures: every public structure (the annuaire) and its own structure. A
/// private structure of someone else is answered with the very words of an id that does not exist, so the answer
/// says nothing about it. The address of a structure SIRENE does not diffuse is shown to that structure only.
/// </summary>
public static class VisibleStructures
{
    public static IQueryable<Structure> VisibleTo(this IQueryable<Structure> structures, CproCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var own = caller.StructureId;
        return structures.Where(s => s.IsPublic || s.Id == own);
    }

    /// <summary>The visible structure whose idStructureCPP is in the first of <paramref name="names"/> the request carries.</summary>
    public static async Task<Structure> FindAsync(CantateDbContext db, CproCaller caller, CproRequest request, CancellationToken cancellationToken,
        params string[] names)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var id = request.Id(names) ?? throw request.Missing(names[0], "donnez l'idStructureCPP de la structure, que renvoie structures/v1/rechercher");
        Structure? structure = null;
        if (id is > 0 and <= int.MaxValue)
        {
            var cppId = (int)id;
            structure = await db.Structures.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(s => s.CppId == cppId, cancellationToken);
        }
        return structure ?? throw new CproException(CproCodes.NotFound,
            $"Aucune structure d'identifiant {id} (champ « {request.Qualified(names[0])} ») : utilisez l'idStructureCPP que renvoie structures/v1/rechercher. "
            + "Une structure privée n'est visible que de ses propres comptes.");
    }

    /// <summary>Structures whose postal code starts with the letters and digits of <paramref name="prefix"/>.</summary>
    public static IQueryable<Structure> WithPostalCodeStartingWith(this IQueryable<Structure> structures, string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        // Only letters and digits reach the LIKE pattern, so a caller's % or _ cannot widen it.
        var pattern = new string(prefix.Where(char.IsAsciiLetterOrDigit).ToArray()) + "%";
        return structures.Where(s => s.PostalCode != null && EF.Functions.Like(s.PostalCode, pattern));
    }

    /// <summary>Whether the caller may see the structure's address.</summary>
    public static bool DisclosesAddress(this Structure structure, CproCaller caller)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(caller);
        return !structure.NonDiffusible || structure.Id == caller.StructureId;
    }

    /// <summary>
    /// The <c>AdressePostale</c> object of consulter and consulter/service: ten strings, empty when unknown or not
    /// diffusible (the platform keeps no telephone or fax). <c>pays</c> is the ISO 3166 code.
    /// </summary>
    public static object PostalAddress(Structure structure, CproCaller caller)
    {
        var shown = structure.DisclosesAddress(caller);
        string Show(string? value) => shown ? value ?? string.Empty : string.Empty;
        return new
        {
            adresse = Show(structure.AddressLine),
            codePostal = Show(structure.PostalCode),
            complementAdresse1 = Show(structure.AddressComplement),
            complementAdresse2 = string.Empty,
            fax = string.Empty,
            indicatifFax = string.Empty,
            indicatifTelephone = string.Empty,
            pays = Show(structure.CountryCode),
            telephone = string.Empty,
            ville = Show(structure.City),
        };
    }
}
