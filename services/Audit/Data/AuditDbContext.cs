using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Checkpoints;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.Audit.Data;

public class AuditDbContext : ServiceDbContext
{
    public AuditDbContext(DbContextOptions<AuditDbContext> options) : base(options) { }

    protected AuditDbContext(DbContextOptions options) : base(options) { }

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<LedgerEntryPaper> LedgerEntryPapers => Set<LedgerEntryPaper>();
    public DbSet<PendingEvent> PendingEvents => Set<PendingEvent>();
    public DbSet<LedgerTreeNode> LedgerTreeNodes => Set<LedgerTreeNode>();
    public DbSet<VerifiedHead> VerifiedHeads => Set<VerifiedHead>();
    public DbSet<LedgerCheckpoint> LedgerCheckpoints => Set<LedgerCheckpoint>();
    public DbSet<SignerLease> SignerLeases => Set<SignerLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AuditDbContext).Assembly);
    }
}

/// <summary>The same model on SQLite; it exists to carry the SQLite migrations set.</summary>
public sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);

public sealed class AuditSqlServerDesignTimeFactory : SqlServerDesignTimeFactory<AuditDbContext>;

public sealed class AuditSqliteDesignTimeFactory : SqliteDesignTimeFactory<SqliteAuditDbContext>;
