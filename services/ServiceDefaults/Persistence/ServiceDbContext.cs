using Microsoft.EntityFrameworkCore;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.ServiceDefaults.Messaging.Outbox;

namespace PolicyEngage.ServiceDefaults.Persistence;

/// <summary>
/// The base of every service's context: it owns the outbox and inbox tables and turns the events raised by
/// tracked aggregates into outbox rows inside the same <c>SaveChanges</c>.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        MoveRaisedEventsToOutbox();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        MoveRaisedEventsToOutbox();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void MoveRaisedEventsToOutbox()
    {
        var events = ChangeTracker.Entries<AggregateRoot>()
            .SelectMany(entry => entry.Entity.TakeRaisedEvents())
            .ToList();
        OutboxMessages.AddRange(events.Select(OutboxMessage.For));
    }
}
