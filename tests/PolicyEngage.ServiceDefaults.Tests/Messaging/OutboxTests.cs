using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.ServiceDefaults.Messaging.Outbox;
using PolicyEngage.Testing;

namespace PolicyEngage.ServiceDefaults.Tests.Messaging;

/// <summary>The outbox and inbox on real SQLite files and a real RabbitMQ virtual host.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private readonly TempDirectory _files = new();
    private readonly DeliveryLog _deliveries = new();
    private TestVirtualHost _broker = null!;
    private IHost _consumer = null!;
    private readonly List<IHost> _producers = [];

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.CreateVirtualHostAsync("outbox-tests");
        _consumer = await MessagingHost.StartAsync(_files.File("consumer.db"), _broker, _deliveries);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _producers.Append(_consumer))
        {
            await host.StopAsync();
            host.Dispose();
        }
        await _broker.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _files.Dispose();
    }

    [Fact]
    public async Task The_event_row_commits_with_the_state_change_and_carries_the_event_id_and_trace()
    {
        var producer = await ProducerAsync(runRelay: false);
        using var request = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        var entry = RegistryEntry.Register("Ofcom");
        var eventId = entry.RaisedEvents().Single().EventId;

        await producer.WithDbAsync(db =>
        {
            db.Entries.Add(entry);
            return db.SaveChangesAsync();
        });

        var row = await producer.WithDbAsync(db => db.OutboxMessages.SingleAsync());
        Assert.Equal(eventId, row.MessageId);
        Assert.Equal(typeof(RegulatorRegistered).FullName, row.MessageType);
        Assert.Equal(request.Id, row.TraceParent);
        Assert.Null(row.SentAt);
        Assert.Equal("Ofcom", Assert.IsType<RegulatorRegistered>(row.DeserializeEvent()).Name);
    }

    [Fact]
    public async Task A_failed_save_leaves_neither_the_state_nor_the_event()
    {
        var producer = await ProducerAsync(runRelay: false);
        await producer.WithDbAsync(db =>
        {
            db.Entries.Add(RegistryEntry.Register("Arcep"));
            return db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => producer.WithDbAsync(db =>
        {
            db.Entries.Add(RegistryEntry.Register("BNetzA"));
            db.Entries.Add(RegistryEntry.Register("Arcep"));
            return db.SaveChangesAsync();
        }));

        Assert.Equal(1, await producer.WithDbAsync(db => db.Entries.CountAsync()));
        Assert.Equal(1, await producer.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task The_relay_publishes_every_row_once_with_its_event_id_and_marks_it_sent()
    {
        var producer = await ProducerAsync();
        var ids = await RegisterAsync(producer, count: 230);

        await Eventually.True(() => _deliveries.DistinctMessages == ids.Count, "every event delivered");
        await Eventually.True(async () => await producer.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)) == 0, "every row marked sent");

        Assert.All(ids, id => Assert.Equal(1, _deliveries.DeliveriesOf(id)));
        Assert.All(_deliveries.Producers, user => Assert.Equal("Registry", user));
        await Eventually.True(async () => await _consumer.WithDbAsync(db => db.RegistrationsSeen.CountAsync()) == ids.Count, "every effect applied");
    }

    [Fact]
    public async Task Two_relays_on_one_database_never_publish_the_same_row()
    {
        var databaseFile = _files.File("shared-producer.db");
        var first = await ProducerAsync(databaseFile);
        var second = await ProducerAsync(databaseFile);

        var ids = new List<Guid>();
        for (var round = 0; round < 6; round++)
        {
            ids.AddRange(await RegisterAsync(round % 2 == 0 ? first : second, count: 100));
        }

        await Eventually.True(() => _deliveries.DistinctMessages == ids.Count, "every event delivered");
        await Eventually.True(async () => await first.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)) == 0, "every row marked sent");
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(ids.Count, _deliveries.TotalDeliveries);
    }

    [Fact]
    public async Task A_crash_between_publish_and_mark_sent_republishes_and_the_inbox_absorbs_it()
    {
        var databaseFile = _files.File("crashing-producer.db");
        var crashing = await ProducerAsync(databaseFile, runRelay: false, claimDuration: TimeSpan.FromSeconds(1));
        var ids = await RegisterAsync(crashing, count: 3);

        // Claim and publish, then "crash": the process goes away before marking the rows sent.
        var relay = crashing.Relay();
        await crashing.WithDbAsync(async db =>
        {
            var claim = await relay.ClaimAsync(db, CancellationToken.None);
            return await relay.PublishAsync(claim.Rows, CancellationToken.None);
        });
        await Eventually.True(() => _deliveries.DistinctMessages == 3, "first publish delivered");
        await crashing.StopAsync();

        // The restarted process finds the rows unsent once the dead claim expires, and publishes them again.
        var restarted = await ProducerAsync(databaseFile);
        await Eventually.True(async () => await restarted.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)) == 0, "rows sent after restart");
        await Eventually.True(() => _deliveries.TotalDeliveries == 6, "second publish delivered");

        Assert.All(ids, id => Assert.Equal(2, _deliveries.DeliveriesOf(id)));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(3, await _consumer.WithDbAsync(db => db.RegistrationsSeen.CountAsync()));
        var inboxName = InboxNameAttribute.Of(typeof(RegistrationSeenConsumer));
        Assert.Equal(3, await _consumer.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == inboxName)));
    }

    [Fact]
    public async Task The_relay_leaves_rows_it_could_not_publish_for_the_next_round()
    {
        var producer = await ProducerAsync(runRelay: false);
        await RegisterAsync(producer, count: 2);
        var relay = producer.Relay();

        await producer.WithDbAsync(async db =>
        {
            var claim = await relay.ClaimAsync(db, CancellationToken.None);
            await relay.CompleteAsync(db, claim, new RoundOutcome([claim.Rows[0].Id], [], BrokerUnavailable: false), CancellationToken.None);
            return 0;
        });

        var rows = await producer.WithDbAsync(db => db.OutboxMessages.OrderBy(m => m.Id).ToListAsync());
        Assert.NotNull(rows[0].SentAt);
        Assert.Null(rows[1].SentAt);
        Assert.Null(rows[1].ClaimedUntil);
        Assert.Equal(1, await producer.WithDbAsync(async db => (await relay.ClaimAsync(db, CancellationToken.None)).Rows.Count));
    }

    private async Task<IHost> ProducerAsync(string? databaseFile = null, bool runRelay = true, TimeSpan? claimDuration = null)
    {
        var host = await MessagingHost.StartAsync(databaseFile ?? _files.File($"producer-{_producers.Count}.db"), _broker, runRelay: runRelay, claimDuration: claimDuration);
        _producers.Add(host);
        return host;
    }

    private static Task<List<Guid>> RegisterAsync(IHost producer, int count) => producer.WithDbAsync(async db =>
    {
        var entries = Enumerable.Range(0, count).Select(i => RegistryEntry.Register($"regulator-{Guid.NewGuid():N}")).ToList();
        var ids = entries.Select(e => e.RaisedEvents().Single().EventId).ToList();
        db.Entries.AddRange(entries);
        await db.SaveChangesAsync();
        return ids;
    });
}
