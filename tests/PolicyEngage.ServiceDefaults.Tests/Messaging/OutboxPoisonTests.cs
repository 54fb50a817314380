using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.ServiceDefaults.Messaging.Outbox;
using PolicyEngage.Testing;
using Xunit.Abstractions;

namespace PolicyEngage.ServiceDefaults.Tests.Messaging;

/// <summary>
/// Bad rows on a real RabbitMQ virtual host and real SQLite files. "A row that cannot be published" is one the broker
/// refuses every time: an event the service's broker user does not own (the test's Registry service owns
/// RegulatorRegistered only, as the definitions file would have it), so the broker answers ACCESS_REFUSED and closes
/// the channel the row's neighbours are being published on too. Good rows are RegulatorRegistered, bound to the
/// consumer's queues.
/// </summary>
public sealed class OutboxPoisonTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ClosedExchange = "PolicyEngage.Contracts:ConsultationClosed";

    private readonly TempDirectory _files = new();
    private readonly DeliveryLog _deliveries = new();
    private readonly List<IHost> _hosts = [];
    private TestVirtualHost _broker = null!;

    public async Task InitializeAsync() => _broker = await TestBroker.CreateVirtualHostAsync("outbox-poison");

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
        await _broker.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _files.Dispose();
    }

    [Fact]
    public async Task One_row_the_broker_refuses_ahead_of_500_good_ones_is_parked_while_all_500_are_delivered_and_readiness_degrades()
    {
        await StartAsync(MessagingHost.StartAsync(_files.File("consumer.db"), _broker, _deliveries));
        var producer = await StartAsync(MessagingHost.StartAsync(_files.File("producer.db"), _broker, settings: QuickRetries(maxAttempts: 4)));
        using var measurements = new OutboxMeasurements(producer);
        var clock = Stopwatch.StartNew();

        var refusedId = await WriteAsync(producer, [Closed()]);
        var goodIds = await WriteAsync(producer, Enumerable.Range(0, 500).Select(_ => Registered()).ToList());

        await Eventually.True(() => _deliveries.DistinctMessages == 500, "all 500 good events delivered", TimeSpan.FromSeconds(90));
        output.WriteLine($"500 good rows delivered after {clock.Elapsed.TotalSeconds:F1} s");
        await Eventually.True(async () => (await RowAsync(producer, refusedId.Single())).ParkedAt is not null, "the refused row parked", TimeSpan.FromSeconds(90));
        output.WriteLine($"refused row parked after {clock.Elapsed.TotalSeconds:F1} s");

        var refused = await RowAsync(producer, refusedId.Single());
        Assert.Null(refused.SentAt);
        Assert.Equal(4, refused.Attempts);
        output.WriteLine($"refused row: {refused.Attempts} attempts, last error: {refused.LastError}");
        var good = await producer.WithDbAsync(db => db.OutboxMessages.Where(m => goodIds.Contains(m.Id)).ToListAsync());
        Assert.All(good, row => Assert.NotNull(row.SentAt));
        Assert.All(good, row => Assert.Equal(0, row.Attempts));

        await Eventually.True(() => measurements.Gauge(OutboxMetrics.ParkedGauge) == 1, "the parked gauge shows the row");
        Assert.Equal(4, measurements.Sum("policyengage.outbox.attempt_failures"));
        var (status, body) = await producer.ReadinessAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Degraded", body);
    }

    [Fact]
    public async Task A_publish_the_broker_refuses_counts_an_attempt_against_that_row_only_not_the_good_rows_on_its_channel()
    {
        await StartAsync(MessagingHost.StartAsync(_files.File("consumer.db"), _broker, _deliveries));
        var producer = await StartAsync(MessagingHost.StartAsync(_files.File("producer.db"), _broker, runRelay: false, settings: QuickRetries(maxAttempts: 10)));
        var refusedId = (await WriteAsync(producer, [Closed()])).Single();
        var goodIds = await WriteAsync(producer, Enumerable.Range(0, 20).Select(_ => Registered()).ToList());

        var round = await producer.Relay().RelayBatchAsync(CancellationToken.None);

        Assert.Equal(new RelayRound(Claimed: 21, Published: 20, BrokerUnavailable: false), round);
        var refused = await RowAsync(producer, refusedId);
        Assert.Equal(1, refused.Attempts);
        Assert.Null(refused.SentAt);
        Assert.Null(refused.ParkedAt);
        Assert.NotNull(refused.NextAttemptAt);
        Assert.StartsWith("Not confirmed within", refused.LastError);
        output.WriteLine($"refused row's last error: {refused.LastError}");
        var good = await producer.WithDbAsync(db => db.OutboxMessages.Where(m => goodIds.Contains(m.Id)).ToListAsync());
        Assert.All(good, row => Assert.Equal(0, row.Attempts));
        Assert.All(good, row => Assert.NotNull(row.SentAt));
    }

    [Fact]
    public async Task An_event_no_queue_is_bound_to_comes_back_and_stays_unsent_with_its_attempt_counted()
    {
        await _broker.DeleteBindingsFromAsync(ClosedExchange);
        await StartAsync(MessagingHost.StartAsync(_files.File("consumer.db"), _broker, _deliveries));
        var producer = await StartAsync(MessagingHost.StartAsync(_files.File("producer.db"), _broker, runRelay: false,
            settings: QuickRetries(maxAttempts: 10), alsoOwns: [typeof(ConsultationClosed)]));
        var unboundId = (await WriteAsync(producer, [Closed()])).Single();
        var boundId = (await WriteAsync(producer, [Registered()])).Single();

        var round = await producer.Relay().RelayBatchAsync(CancellationToken.None);

        Assert.Equal(new RelayRound(Claimed: 2, Published: 1, BrokerUnavailable: false), round);
        var unbound = await RowAsync(producer, unboundId);
        Assert.Null(unbound.SentAt);
        Assert.Equal(1, unbound.Attempts);
        Assert.StartsWith("MessageReturnedException", unbound.LastError);
        Assert.NotNull((await RowAsync(producer, boundId)).SentAt);
    }

    [Fact]
    public async Task A_round_that_publishes_nothing_waits_for_the_poll_instead_of_claiming_again_at_once()
    {
        await _broker.DeleteBindingsFromAsync(ClosedExchange);
        await StartAsync(MessagingHost.StartAsync(_files.File("consumer.db"), _broker, _deliveries));
        // Returned rows that are due again at once and never park: only the loop's wait keeps the relay from spinning.
        var producer = await StartAsync(MessagingHost.StartAsync(_files.File("producer.db"), _broker, runRelay: false, settings: new Dictionary<string, string?>
        {
            ["Outbox:BatchSize"] = "5",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:MaxAttempts"] = "100000",
            ["Outbox:FirstRetryDelay"] = "00:00:00",
            ["Outbox:MaxRetryDelay"] = "00:00:00",
        }, alsoOwns: [typeof(ConsultationClosed)]));
        await WriteAsync(producer, Enumerable.Range(0, 5).Select(_ => Closed()).ToList());

        // The host runs no relay of its own, so the rows wait until this loop starts and it is stopped before they are read.
        using var relayService = ActivatorUtilities.CreateInstance<OutboxRelayService<RegistryDbContext>>(producer.Services);
        await relayService.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await relayService.StopAsync(CancellationToken.None);

        var rounds = await producer.WithDbAsync(db => db.OutboxMessages.MaxAsync(m => m.Attempts));
        output.WriteLine($"rounds in 2 s at a 200 ms poll: {rounds}");
        Assert.InRange(rounds, 2, 2000 / 200 + 3);
    }

    [Fact]
    public async Task While_the_broker_is_unreachable_no_row_gains_an_attempt_or_is_parked_and_readiness_is_503()
    {
        var producer = await StartAsync(MessagingHost.StartAsync(_files.File("producer.db"), _broker, _deliveries,
            unreachableBrokerPort: LoopbackPorts.Free(), settings: new Dictionary<string, string?>
            {
                ["Outbox:PublishTimeout"] = "00:00:00.300",
                ["Outbox:MaxAttempts"] = "1",
                ["Outbox:MaxOutageDelay"] = "00:00:00.500",
            }));
        using var measurements = new OutboxMeasurements(producer);
        await WriteAsync(producer, Enumerable.Range(0, 10).Select(_ => Registered()).ToList());

        await Eventually.True(() => measurements.Sum("policyengage.outbox.publish_failures") >= 30, "three rounds failed to publish");

        var rows = await producer.WithDbAsync(db => db.OutboxMessages.ToListAsync());
        Assert.All(rows, row => Assert.Equal(0, row.Attempts));
        Assert.All(rows, row => Assert.Null(row.ParkedAt));
        Assert.All(rows, row => Assert.Null(row.SentAt));
        Assert.Equal(0, measurements.Sum("policyengage.outbox.attempt_failures"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await producer.ReadinessAsync()).Status);
    }

    [Fact]
    public async Task Inbox_pruning_deletes_only_rows_past_retention_oldest_first_in_batches()
    {
        var host = await StartAsync(MessagingHost.StartAsync(_files.File("inbox.db"), _broker, runRelay: false, settings: new Dictionary<string, string?>
        {
            ["Inbox:Retention"] = "1.00:00:00",
            ["Inbox:PruneBatchSize"] = "10",
        }));
        var now = DateTime.UtcNow;
        var expired = Enumerable.Range(0, 25).Select(i => new InboxMessage(Guid.NewGuid(), "registration-seen", now.AddDays(-3).AddMinutes(i))).ToList();
        var kept = Enumerable.Range(0, 5).Select(i => new InboxMessage(Guid.NewGuid(), "registration-seen", now.AddHours(-23).AddMinutes(i))).ToList();
        await host.WithDbAsync(db =>
        {
            db.InboxMessages.AddRange(expired.Concat(kept));
            return db.SaveChangesAsync();
        });
        var pruner = host.Services.GetRequiredService<InboxPruner<RegistryDbContext>>();

        Assert.Equal((10, true), await pruner.PruneBatchAsync(CancellationToken.None));
        var left = await host.WithDbAsync(db => db.InboxMessages.Select(m => m.MessageId).ToListAsync());
        Assert.Equal(expired.Skip(10).Concat(kept).Select(m => m.MessageId).Order(), left.Order());
        Assert.Equal(15, await pruner.PruneAsync(CancellationToken.None));

        var remaining = await host.WithDbAsync(db => db.InboxMessages.Select(m => m.MessageId).ToListAsync());
        Assert.Equal(kept.Select(m => m.MessageId).Order(), remaining.Order());
    }

    private async Task<IHost> StartAsync(Task<Microsoft.AspNetCore.Builder.WebApplication> starting)
    {
        var host = await starting;
        _hosts.Add(host);
        return host;
    }

    private static Dictionary<string, string?> QuickRetries(int maxAttempts) => new()
    {
        ["Outbox:MaxAttempts"] = maxAttempts.ToString(),
        ["Outbox:FirstRetryDelay"] = "00:00:00.050",
        ["Outbox:MaxRetryDelay"] = "00:00:00.200",
        ["Outbox:PublishTimeout"] = "00:00:02",
    };

    private static Task<List<long>> WriteAsync(IHost producer, IReadOnlyList<IntegrationEvent> events) => producer.WithDbAsync(async db =>
    {
        var rows = events.Select(OutboxMessage.For).ToList();
        db.OutboxMessages.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    });

    private static Task<OutboxMessage> RowAsync(IHost producer, long id) =>
        producer.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    private static ConsultationClosed Closed() =>
        new(Guid.NewGuid(), Guid.NewGuid(), ConsultationCloseReason.ClosedByOfficer) { EventId = Guid.NewGuid(), OccurredAt = DateTime.UtcNow, Actor = "test" };

    private static RegulatorRegistered Registered() =>
        new(Guid.NewGuid(), $"regulator-{Guid.NewGuid():N}", "EU") { EventId = Guid.NewGuid(), OccurredAt = DateTime.UtcNow, Actor = "test" };
}
