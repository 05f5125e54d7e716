using Cantate.Web.Modules.Accounts;
using Cantate.Web.Modules.Api;
using Cantate.Web.Modules.Annuaire;
using Cantate.Web.Modules.Invoices;
using Cantate.Web.Modules.Notifications;
using Cantate.Web.Modules.Structures;
using Microsoft.EntityFrameworkCore;

namespace Cantate.Web.Persistence;

/// <summary>The platform's single database. Providers derive from it only to keep their own migrations.</summary>
public abstract partial class CantateDbContext : DbContext
{
    protected CantateDbContext(DbContextOptions options) : base(options)
    {
        ChangeTracker.Tracked += (_, e) =>
        {
            if (!e.FromQuery && e.Entry.Entity is OutboxMessage message && e.Entry.State == EntityState.Added) OutboxKindsAdded.Add(message.Kind);
        };
    }

    /// <summary>
    /// The kinds of the outbox messages added since the workers were last woken for this context: they are woken once
    /// the save (or the transaction around it) that holds them commits.
    /// </summary>
    public HashSet<string> OutboxKindsAdded { get; } = new(StringComparer.Ordinal);

    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<User> Users => Set<User>();
    public DbSet<OneTimeToken> OneTimeTokens => Set<OneTimeToken>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<StructureService> StructureServices => Set<StructureService>();
    public DbSet<DepositFlow> DepositFlows => Set<DepositFlow>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceEvent> InvoiceEvents => Set<InvoiceEvent>();
    public DbSet<SavedInvoiceDraft> InvoiceDrafts => Set<SavedInvoiceDraft>();
    public DbSet<InvoiceAttachment> InvoiceAttachments => Set<InvoiceAttachment>();
    public DbSet<CppSequence> CppSequences => Set<CppSequence>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<ApiAccessToken> ApiAccessTokens => Set<ApiAccessToken>();
    public DbSet<TechnicalAccount> TechnicalAccounts => Set<TechnicalAccount>();
    public DbSet<ApiFile> ApiFiles => Set<ApiFile>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Structure>(e =>
        {
            e.HasIndex(s => s.Siret).IsUnique();
            e.HasIndex(s => s.CppId).IsUnique();
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

        modelBuilder.Entity<StructureService>(e =>
        {
            e.HasIndex(x => new { x.StructureId, x.Code }).IsUnique();
            e.HasIndex(x => x.CppId).IsUnique();
            e.HasOne<Structure>().WithMany().HasForeignKey(x => x.StructureId);
            e.Property(x => x.Code).HasMaxLength(100);
            e.Property(x => x.Label).HasMaxLength(200);
        });

        modelBuilder.Entity<DepositFlow>(e =>
        {
            e.HasIndex(f => f.Number).IsUnique();
            e.HasIndex(f => new { f.SupplierStructureId, f.ReceivedAt });
            e.HasOne<Structure>().WithMany().HasForeignKey(f => f.SupplierStructureId);
            e.Property(f => f.Number).HasMaxLength(40);
            e.Property(f => f.Channel).HasMaxLength(20);
            e.Property(f => f.Syntax).HasMaxLength(40);
            e.Property(f => f.FileName).HasMaxLength(255);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.StoragePath).HasMaxLength(400);
            e.Property(f => f.DepositedBy).HasMaxLength(200);
            // Whoever checks a flow first records its final state; another attempt then fails instead of doing it twice.
            e.Property(f => f.Status).HasConversion(v => v.Code(), v => ParseFlowStatus(v)).HasMaxLength(40).IsConcurrencyToken();
        });

        modelBuilder.Entity<Invoice>(e =>
        {
            e.HasIndex(i => new { i.SupplierStructureId, i.Number }).IsUnique();
            e.HasIndex(i => i.CppId).IsUnique();
            e.Property(i => i.DepositMode).HasMaxLength(20);
            e.HasIndex(i => new { i.RecipientStructureId, i.Status, i.DepositedAt });
            // "Factures reçues" without a status filter: newest first straight from the index.
            e.HasIndex(i => new { i.RecipientStructureId, i.DepositedAt, i.Id });
            // Filters on the issue date: the range is read from the index, then sorted.
            e.HasIndex(i => new { i.RecipientStructureId, i.IssueDate });
            e.HasIndex(i => new { i.SupplierStructureId, i.DepositedAt });
            e.HasIndex(i => i.FlowId);
            // "Factures à valider": the valideur's invoices, by status, newest first.
            e.HasIndex(i => new { i.ValidatorStructureId, i.Status, i.DepositedAt });
            // The tacit validation looks for invoices waiting past their delay.
            e.HasIndex(i => new { i.Status, i.StatusChangedAt });
            e.HasOne<Structure>().WithMany().HasForeignKey(i => i.SupplierStructureId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Structure>().WithMany().HasForeignKey(i => i.ValidatorStructureId).OnDelete(DeleteBehavior.Restrict);
            e.Property(i => i.ValidatorSiret).HasMaxLength(14);
            e.Property(i => i.ValidatorName).HasMaxLength(200);
            e.Property(i => i.ValidatorServiceCode).HasMaxLength(100);
            e.Property(i => i.ValidatorRefusalCode).HasMaxLength(40);
            e.HasOne<Structure>().WithMany().HasForeignKey(i => i.RecipientStructureId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<DepositFlow>().WithMany().HasForeignKey(i => i.FlowId);
            e.HasMany(i => i.History).WithOne().HasForeignKey(h => h.InvoiceId);
            e.Navigation(i => i.History).AutoInclude(false);
            e.Property(i => i.Number).HasMaxLength(20);
            e.Property(i => i.TypeCode).HasMaxLength(3);
            e.Property(i => i.Cadre).HasMaxLength(10);
            e.Property(i => i.Currency).HasMaxLength(3);
            e.Property(i => i.SupplierName).HasMaxLength(200);
            e.Property(i => i.RecipientSiret).HasMaxLength(14);
            e.Property(i => i.RecipientName).HasMaxLength(200);
            e.Property(i => i.ServiceCode).HasMaxLength(100);
            e.Property(i => i.EngagementNumber).HasMaxLength(50);
            e.Property(i => i.DocumentPath).HasMaxLength(400);
            e.Property(i => i.Syntax).HasMaxLength(20);
            foreach (var amount in new[] { nameof(Invoice.TotalWithoutVat), nameof(Invoice.TotalVat), nameof(Invoice.TotalWithVat), nameof(Invoice.AmountDue) })
            {
                e.Property(amount).HasPrecision(19, 2);
            }
            e.Property(i => i.Status).HasConversion(v => v.Code(), v => ParseInvoiceStatus(v)).HasMaxLength(40);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.Ignore(i => i.LatestReason);
            e.Ignore(i => i.RequiresValidator);
            e.Ignore(i => i.AwaitsRouting);
            e.Ignore(i => i.AwaitsValidation);
            e.Ignore(i => i.ValidationDeadline);
        });

        modelBuilder.Entity<InvoiceEvent>(e =>
        {
            e.HasIndex(h => new { h.InvoiceId, h.Id });
            e.Property(h => h.Status).HasConversion(v => v.Code(), v => ParseInvoiceStatus(v)).HasMaxLength(40);
            e.Property(h => h.Action).HasMaxLength(40);
            e.Property(h => h.ActorKind).HasConversion<string>().HasMaxLength(20);
            e.Property(h => h.ActorName).HasMaxLength(200);
            e.Property(h => h.Comment).HasMaxLength(1000);
        });

        modelBuilder.Entity<SavedInvoiceDraft>(e =>
        {
            e.HasIndex(d => new { d.SupplierStructureId, d.UpdatedAt });
            e.HasOne<Structure>().WithMany().HasForeignKey(d => d.SupplierStructureId);
            e.Property(d => d.Number).HasMaxLength(100);
            e.Property(d => d.RecipientSiret).HasMaxLength(20);
            e.Property(d => d.TotalWithVat).HasPrecision(19, 2);
        });

        modelBuilder.Entity<InvoiceAttachment>(e =>
        {
            e.HasIndex(a => a.CppId).IsUnique();
            e.HasIndex(a => a.InvoiceId);
            e.HasOne<Invoice>().WithMany().HasForeignKey(a => a.InvoiceId);
            e.Property(a => a.Kind).HasMaxLength(20);
            e.Property(a => a.FileName).HasMaxLength(100);
            e.Property(a => a.MimeType).HasMaxLength(100);
            e.Property(a => a.StoragePath).HasMaxLength(400);
            e.Property(a => a.AddedBy).HasMaxLength(200);
        });

        modelBuilder.Entity<CppSequence>(e =>
        {
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasMaxLength(60);
        });

        modelBuilder.Entity<ApiClient>(e =>
        {
            e.HasIndex(c => c.ClientId).IsUnique();
            e.HasIndex(c => c.StructureId);
            e.HasOne<Structure>().WithMany().HasForeignKey(c => c.StructureId);
            e.Property(c => c.ClientId).HasMaxLength(64);
            e.Property(c => c.SecretHash).HasMaxLength(64);
            e.Property(c => c.Name).HasMaxLength(100);
        });

        modelBuilder.Entity<ApiAccessToken>(e =>
        {
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasIndex(t => t.ExpiresAt);
            e.HasOne<ApiClient>().WithMany().HasForeignKey(t => t.ApiClientId);
            e.Property(t => t.TokenHash).HasMaxLength(64);
        });

        modelBuilder.Entity<TechnicalAccount>(e =>
        {
            e.HasIndex(a => a.Login).IsUnique();
            e.HasIndex(a => a.CppId).IsUnique();
            e.HasIndex(a => a.StructureId);
            e.HasOne<Structure>().WithMany().HasForeignKey(a => a.StructureId);
            e.Property(a => a.Login).HasMaxLength(120);
            e.Property(a => a.PasswordHash).HasMaxLength(64);
        });

        modelBuilder.Entity<ApiFile>(e =>
        {
            e.HasIndex(f => f.CppId).IsUnique();
            e.HasIndex(f => f.StructureId);
            e.HasOne<Structure>().WithMany().HasForeignKey(f => f.StructureId);
            e.Property(f => f.FileName).HasMaxLength(100);
            e.Property(f => f.MimeType).HasMaxLength(100);
            e.Property(f => f.Extension).HasMaxLength(10);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.StoragePath).HasMaxLength(400);
        });

        modelBuilder.Entity<WebhookSubscription>(e =>
        {
            e.HasIndex(w => w.StructureId);
            e.HasOne<Structure>().WithMany().HasForeignKey(w => w.StructureId);
            e.Property(w => w.Url).HasMaxLength(500);
            e.Property(w => w.Events).HasMaxLength(200);
            e.Property(w => w.ProtectedSecret).HasMaxLength(1000);
        });

        modelBuilder.Entity<WebhookDelivery>(e =>
        {
            e.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
            e.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId);
            e.Property(d => d.EventType).HasMaxLength(40);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.LastResponse).HasMaxLength(2000);
        });

        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.HasIndex(m => new { m.ProcessedAt, m.AvailableAt });
            e.Property(m => m.Kind).HasMaxLength(60);
            e.Property(m => m.LockedBy).HasMaxLength(80);
        });
    }
}

public abstract partial class CantateDbContext
{
    private static InvoiceStatus ParseInvoiceStatus(string code) =>
        InvoiceStatuses.FromCode(code) ?? throw new InvalidOperationException($"Unknown invoice status '{code}' in the database.");

    private static FlowStatus ParseFlowStatus(string code) =>
        Enum.GetValues<FlowStatus>().First(s => s.Code() == code);
}

public sealed class SqliteCantateDbContext(DbContextOptions<SqliteCantateDbContext> options) : CantateDbContext(options);

public sealed class PostgresCantateDbContext(DbContextOptions<PostgresCantateDbContext> options) : CantateDbContext(options);
