using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cantate.Web.Persistence;

/// <summary>
/// An entity the Chorus Pro API names by an integer (idStructureCPP, idService, identifiantFactureCPP,
/// pieceJointeId...). API clients store and compare these as 32-bit or 64-bit integers, so they are small,
/// positive and never reused; the entity keeps its Guid key inside the platform.
/// </summary>
public interface IHasCppId
{
    int CppId { get; set; }
}

/// <summary>One counter per entity type, in the database so that every instance of the application shares it.</summary>
public sealed class CppSequence
{
    public required string Name { get; init; }
    public int Next { get; set; }
}

/// <summary>
/// Gives new entities their integer id when they are saved. Runs after the SQLite write gate is taken; the counter
/// is advanced by one statement before SaveChanges opens its transaction, so a failed save only leaves a gap.
/// </summary>
public sealed class CppIdInterceptor : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData?.Context is CantateDbContext context) await AssignAsync(context, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData?.Context is CantateDbContext context) AssignAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private static async Task AssignAsync(CantateDbContext context, CancellationToken cancellationToken)
    {
        var pending = context.ChangeTracker.Entries<IHasCppId>()
            .Where(e => e.State == EntityState.Added && e.Entity.CppId == 0)
            .GroupBy(e => CppSequences.NameOf(e.Entity.GetType()))
            .ToList();
        foreach (var group in pending)
        {
            var entities = group.ToList();
            var last = await CppSequences.ReserveAsync(context, group.Key, entities.Count, cancellationToken);
            var id = last - entities.Count + 1;
            foreach (var entry in entities) entry.Entity.CppId = id++;
        }
    }
}

public static class CppSequences
{
    public static string NameOf(Type type) => type.Name;

    /// <summary>Advances the counter by <paramref name="count"/> and returns the last id reserved.</summary>
    public static async Task<int> ReserveAsync(CantateDbContext context, string name, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // UPDATE ... RETURNING is atomic on both SQLite (3.35+) and PostgreSQL: concurrent instances never share an id.
        var reserved = await context.Database
            .SqlQuery<int>($"UPDATE \"CppSequences\" SET \"Next\" = \"Next\" + {count} WHERE \"Name\" = {name} RETURNING \"Next\" - 1 AS \"Value\"")
            .ToListAsync(cancellationToken);
        if (reserved.Count == 1) return reserved[0];
        // First id of this kind (a new entity type): start the counter after the ids already given.
        await context.Database.ExecuteSqlAsync(
            $"INSERT INTO \"CppSequences\" (\"Name\", \"Next\") VALUES ({name}, 1) ON CONFLICT (\"Name\") DO NOTHING", cancellationToken);
        return await ReserveAsync(context, name, count, cancellationToken);
    }
}
