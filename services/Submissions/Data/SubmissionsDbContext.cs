using Microsoft.EntityFrameworkCore;
using PolicyEngage.ServiceDefaults.Mail;
using PolicyEngage.ServiceDefaults.Persistence;
using PolicyEngage.Submissions.Consultations;
using PolicyEngage.Submissions.Papers;

namespace PolicyEngage.Submissions.Data;

public class SubmissionsDbContext : ServiceDbContext, IMailOutboxContext
{
    public SubmissionsDbContext(DbContextOptions<SubmissionsDbContext> options) : base(options) { }

    protected SubmissionsDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Paper> Papers => Set<Paper>();
    public DbSet<ConsultationReplica> Consultations => Set<ConsultationReplica>();
    public DbSet<DigestReservation> DigestReservations => Set<DigestReservation>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyMailOutbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SubmissionsDbContext).Assembly);
    }
}

/// <summary>The same model on SQLite; it exists to carry the SQLite migrations set.</summary>
public sealed class SqliteSubmissionsDbContext(DbContextOptions<SqliteSubmissionsDbContext> options) : SubmissionsDbContext(options);

public sealed class SubmissionsSqlServerDesignTimeFactory : SqlServerDesignTimeFactory<SubmissionsDbContext>;

public sealed class SubmissionsSqliteDesignTimeFactory : SqliteDesignTimeFactory<SqliteSubmissionsDbContext>;
