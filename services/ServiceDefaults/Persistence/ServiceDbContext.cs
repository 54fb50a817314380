using Microsoft.EntityFrameworkCore;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.ServiceDefaults.Messaging.Outbox;

namespace PolicyEngage.ServiceDefaults.Persistence;

/// <summary>
/// The base of every service's context: it owns the outbox and inbox tables and turns the events raised by
/// tracked aggregates into outbox rows inside the same <c>SaveChanges</c>; it gives added rows of a list their
/// positions in the same transaction (<see cref="ListPositions"/>).
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<ListCounter> ListCounters => Set<ListCounter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new ListCounterConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (ListPositions.Unplaced(ChangeTracker).Count > 0)
            throw new NotSupportedException("Rows of a list get their positions in SaveChangesAsync.");
        MoveRaisedEventsToOutbox();
        var gate = SqliteWriteGate.For(Database);
        gate?.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            gate?.Release();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        MoveRaisedEventsToOutbox();
        var gate = SqliteWriteGate.For(Database);
        if (gate is not null) await gate.WaitAsync(cancellationToken);
        try
        {
            return await SaveWithListPositionsAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate?.Release();
        }
    }

    private async Task<int> SaveWithListPositionsAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var unplaced = ListPositions.Unplaced(ChangeTracker);
        if (unplaced.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
        {
            await ListPositions.PlaceAsync(this, unplaced, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        // A transaction of our own, inside the execution strategy, which retries it whole (SQL Server's retry on failure).
        return await Database.CreateExecutionStrategy().ExecuteAsync(cancellationToken, async cancel =>
        {
            await using var transaction = await Database.BeginTransactionAsync(cancel);
            await ListPositions.PlaceAsync(this, unplaced, cancel);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancel);
            await transaction.CommitAsync(cancel);
            if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
            return saved;
        });
    }

    private void MoveRaisedEventsToOutbox()
    {
        var events = ChangeTracker.Entries<AggregateRoot>()
            .SelectMany(entry => entry.Entity.TakeRaisedEvents())
            .ToList();
        OutboxMessages.AddRange(events.Select(OutboxMessage.For));
    }
}
