using Cantate.Web.Modules.Accounts;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Modules.Structures;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Persistence;

/// <summary>The platform's single database. Providers derive from it only to keep their own migrations.</summary>
public abstract class CantateDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<User> Users => Set<User>();
    public DbSet<OneTimeToken> OneTimeTokens => Set<OneTimeToken>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Structure>(e =>
        {
            e.HasIndex(s => s.Siret).IsUnique();
            e.Property(s => s.Siret).HasMaxLength(14);
            e.Property(s => s.RaisonSociale).HasMaxLength(200);
            e.Property(s => s.AddressLine).HasMaxLength(200);
            e.Property(s => s.AddressComplement).HasMaxLength(200);
            e.Property(s => s.PostalCode).HasMaxLength(10);
            e.Property(s => s.City).HasMaxLength(100);
            e.Property(s => s.CountryCode).HasMaxLength(2);
            e.Property(s => s.CategorieJuridique).HasMaxLength(4);
            e.HasMany(s => s.Memberships).WithOne(m => m.Structure).HasForeignKey(m => m.StructureId);
        });

        modelBuilder.Entity<Membership>(e =>
        {
            e.HasIndex(m => new { m.UserId, m.StructureId }).IsUnique();
            e.HasOne<User>().WithMany().HasForeignKey(m => m.UserId);
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.WorkspaceList).HasMaxLength(400);
            e.Ignore(m => m.Workspaces);
        });

        modelBuilder.Entity<User>(e =>
        {
            e.HasIndex(u => u.NormalizedLoginEmail).IsUnique();
            e.Property(u => u.LoginEmail).HasMaxLength(254);
            e.Property(u => u.NormalizedLoginEmail).HasMaxLength(254);
            e.Property(u => u.ContactEmail).HasMaxLength(254);
            e.Property(u => u.LastName).HasMaxLength(100);
            e.Property(u => u.FirstName).HasMaxLength(100);
            e.Property(u => u.Status).HasConversion<string>().HasMaxLength(40);
            e.Property(u => u.PasswordHash).HasMaxLength(300);
            e.Property(u => u.SecretQuestion).HasMaxLength(40);
            e.Property(u => u.SecretAnswerHash).HasMaxLength(300);
            e.Property(u => u.SecurityStamp).HasMaxLength(64);
            e.Ignore(u => u.DisplayName);
        });

        modelBuilder.Entity<OneTimeToken>(e =>
        {
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasIndex(t => t.UserId);
            e.HasOne<User>().WithMany().HasForeignKey(t => t.UserId);
            e.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(40);
            e.Property(t => t.TokenHash).HasMaxLength(64);
        });

        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.HasIndex(m => new { m.ProcessedAt, m.AvailableAt });
            e.Property(m => m.Kind).HasMaxLength(60);
            e.Property(m => m.LockedBy).HasMaxLength(80);
        });
    }
}

public sealed class SqliteCantateDbContext(DbContextOptions<SqliteCantateDbContext> options) : CantateDbContext(options);

public sealed class PostgresCantateDbContext(DbContextOptions<PostgresCantateDbContext> options) : CantateDbContext(options);
