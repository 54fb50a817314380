using Microsoft.EntityFrameworkCore;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.RegulatorLiaison.LedgerCheckpoints;
using PolicyEngage.RegulatorLiaison.Positions;
using PolicyEngage.RegulatorLiaison.Regulators;
using PolicyEngage.RegulatorLiaison.Webhooks.Endpoints;
using PolicyEngage.RegulatorLiaison.Webhooks.Pushes;
using PolicyEngage.ServiceDefaults.Mail;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.RegulatorLiaison.Data;

public class RegulatorLiaisonDbContext : ServiceDbContext, IMailOutboxContext
{
    public RegulatorLiaisonDbContext(DbContextOptions<RegulatorLiaisonDbContext> options) : base(options) { }

    protected RegulatorLiaisonDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Regulator> Regulators => Set<Regulator>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<TrackedPaper> TrackedPapers => Set<TrackedPaper>();
    public DbSet<Digest> Digests => Set<Digest>();
    public DbSet<WitnessedCheckpoint> WitnessedCheckpoints => Set<WitnessedCheckpoint>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<DigestPush> DigestPushes => Set<DigestPush>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyMailOutbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegulatorLiaisonDbContext).Assembly);
    }
}

/// <summary>The same model on SQLite; it exists to carry the SQLite migrations set.</summary>
public sealed class SqliteRegulatorLiaisonDbContext(DbContextOptions<SqliteRegulatorLiaisonDbContext> options) : RegulatorLiaisonDbContext(options);

public sealed class RegulatorLiaisonSqlServerDesignTimeFactory : SqlServerDesignTimeFactory<RegulatorLiaisonDbContext>;

public sealed class RegulatorLiaisonSqliteDesignTimeFactory : SqliteDesignTimeFactory<SqliteRegulatorLiaisonDbContext>;
