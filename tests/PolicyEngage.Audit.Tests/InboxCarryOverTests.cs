using MassTransit;
using MassTransit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.Audit.Tests.Support;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Services;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.Audit.Tests;

/// <summary>
/// Before the StableInboxNames migration every ledger consumer keyed its inbox rows "LedgerConsumer`1" (a generic
/// type's CLR name); after it they share the declared name, and the migration must carry the rows over.
/// </summary>
public sealed class InboxCarryOverTests : IDisposable
{
    private readonly TempDirectory _files = new();

    private string ConnectionString => $"Data Source={_files.File("audit.db")}";

    [Fact]
    public async Task An_event_received_before_the_upgrade_is_skipped_when_redelivered_after_it()
    {
        var registered = RegulatorEvents.Registered(Guid.CreateVersion7());
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(db.MigrationBefore("StableInboxNames"));
            // The row alone stands for the earlier receipt: a ledger entry from the redelivery would be a second one.
            db.InboxMessages.Add(new InboxMessage(registered.EventId, "LedgerConsumer`1", ConsultationStory.Start));
            await db.SaveChangesAsync();

            await db.Database.MigrateAsync();
        }

        await using (var services = BusOnTheFile())
        {
            var harness = services.GetRequiredService<ITestHarness>();
            var consumes = new ConsumeCounter();
            await harness.Start();
            harness.Bus.ConnectConsumeObserver(consumes);
            await BusPublishing.PublishAsync(harness, registered, "RegulatorLiaison");
            await consumes.WaitForAsync(registered.EventId);
            await harness.Stop();
        }

        await using (var db = Context())
        {
            Assert.Empty(await db.LedgerEntries.ToListAsync());
            Assert.Empty(await db.PendingEvents.ToListAsync());
            var row = await db.InboxMessages.SingleAsync(m => m.MessageId == registered.EventId);
            Assert.Equal(InboxNameAttribute.Of(typeof(LedgerConsumer<>)), row.Consumer);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _files.Dispose();
    }

    private SqliteAuditDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteAuditDbContext>().UseSqlite(ConnectionString).Options);

    private ServiceProvider BusOnTheFile() => new ServiceCollection()
        .AddDbContext<AuditDbContext, SqliteAuditDbContext>(db => db.UseSqlite(ConnectionString))
        .AddSingleton(TimeProvider.System)
        .AddMassTransitTestHarness(bus => bus.AddLedgerConsumers())
        .BuildServiceProvider(validateScopes: true);
}
