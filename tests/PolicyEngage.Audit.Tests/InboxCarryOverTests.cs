using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Audit.Tests.Support;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Audit.Tests;

/// <summary>
/// Before the StableInboxNames migration every ledger consumer keyed its inbox rows "LedgerConsumer`1" (a generic
/// type's CLR name); after it they share the declared name, and the migration must carry the rows over.
/// </summary>
public sealed class InboxCarryOverTests : IDisposable
{
    private readonly UpgradedDatabase<AuditDbContext, SqliteAuditDbContext> _database = new();

    [Fact]
    public async Task An_event_received_before_the_upgrade_is_skipped_when_redelivered_after_it()
    {
        var registered = RegulatorEvents.Registered(Guid.CreateVersion7());
        await _database.MigrateToJustBeforeAsync("StableInboxNames");
        await using (var db = _database.Open())
        {
            // The row alone stands for the earlier receipt: a ledger entry from the redelivery would be a second one.
            db.InboxMessages.Add(new InboxMessage(registered.EventId, "LedgerConsumer`1", ConsultationStory.Start));
            await db.SaveChangesAsync();
        }
        await _database.MigrateToLatestAsync();

        await _database.DeliverAsync(registered, bus =>
        {
            bus.AddSingleton<MessagePublisher, TestMessagePublisher>();
            bus.AddLedgerConsumers();
        });

        await using (var db = _database.Open())
        {
            Assert.Empty(await db.LedgerEntries.ToListAsync());
            Assert.Empty(await db.PendingEvents.ToListAsync());
            var row = await db.InboxMessages.SingleAsync(m => m.MessageId == registered.EventId);
            Assert.Equal(InboxNameAttribute.Of(typeof(LedgerConsumer<>)), row.Consumer);
        }
    }

    public void Dispose() => _database.Dispose();
}
