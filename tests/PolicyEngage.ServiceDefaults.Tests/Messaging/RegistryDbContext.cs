using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.ServiceDefaults.Tests.Messaging;

/// <summary>A minimal service database: regulators registered (the producing side) and registrations seen (a consumer's effect).</summary>
public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options) : ServiceDbContext(options)
{
    public DbSet<RegistryEntry> Entries => Set<RegistryEntry>();
    public DbSet<RegistrationSeen> RegistrationsSeen => Set<RegistrationSeen>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<RegistryEntry>().HasKey(e => e.Id);
        modelBuilder.Entity<RegistryEntry>().HasIndex(e => e.Name).IsUnique();
        modelBuilder.Entity<RegistrationSeen>().HasKey(e => e.Id);
    }
}

public sealed class RegistryEntry : AggregateRoot
{
    private RegistryEntry() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    public static RegistryEntry Register(string name)
    {
        var entry = new RegistryEntry { Id = Guid.NewGuid(), Name = name };
        entry.Raise(new RegulatorRegistered(entry.Id, name, "EU") { EventId = Guid.NewGuid(), OccurredAt = DateTime.UtcNow, Actor = "test" });
        return entry;
    }
}

public sealed class RegistrationSeen
{
    public long Id { get; set; }
    public Guid RegulatorId { get; set; }
}
