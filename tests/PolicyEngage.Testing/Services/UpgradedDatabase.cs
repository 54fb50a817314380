using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Persistence;
using Xunit;

namespace PolicyEngage.Testing.Services;

/// <summary>
/// A real SQLite file that a test upgrades as a deployment would: first to just before a migration, where it writes
/// rows in the schema of that time, then across it; then the service's consumers run on the upgraded file.
/// </summary>
public sealed class UpgradedDatabase<TContext, TSqliteContext> : IDisposable
    where TContext : ServiceDbContext
    where TSqliteContext : TContext
{
    private readonly TempDirectory _folder = new();

    // No pooling: no connection keeps the file open once a context is disposed, so the folder can go.
    private string ConnectionString => $"Data Source={_folder.File("service.db")};Pooling=False";

    public TSqliteContext Open() =>
        (TSqliteContext)Activator.CreateInstance(typeof(TSqliteContext), new DbContextOptionsBuilder<TSqliteContext>().UseSqlite(ConnectionString).Options)!;

    public async Task MigrateToJustBeforeAsync(string migration)
    {
        await using var db = Open();
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(id => id.EndsWith($"_{migration}", StringComparison.Ordinal));
        Assert.True(index > 0, $"No migration precedes {migration}.");
        await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);
    }

    public async Task MigrateToLatestAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    /// <summary>Publishes under the event's id, as the outbox relay does, to the service's consumers on the file, and waits.</summary>
    public async Task DeliverAsync(IntegrationEvent message, Action<IBusRegistrationConfigurator> addConsumers)
    {
        await using var consumers = await ConsumerHarness<TContext, TSqliteContext>.StartOnAsync(ConnectionString, addConsumers);
        await consumers.DeliverAsync(message);
    }

    public void Dispose() => _folder.Dispose();
}
