using PolicyEngage.Testing.Services;
using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging.Broker;
using PolicyEngage.ServiceDefaults.Messaging.Outbox;
using PolicyEngage.Submissions.Data;
using PolicyEngage.Testing;

namespace PolicyEngage.Bench;

/// <summary>
/// P2: the outbox relay's publish rate against MassTransit publishing the same events itself. Submissions runs
/// in-process on a file of its own and on a fresh virtual host of the bench's broker, set up as deploy/rabbitmq sets up
/// "/" (so each event reaches its three quorum queues, as in production). The relay: N <c>PositionPaperSubmitted</c>
/// rows committed at once, drained by the service's own relay. The baseline: the same N events, published by the same
/// bus concurrently in batches of the relay's <c>Outbox:BatchSize</c>, with the relay's message id, user_id and
/// mandatory flag. Both are timed from the end of their first batch to the end of their last (the relay's by its rows'
/// <c>SentAt</c>), so neither pays for how it was started. No one consumes; the queues are purged after each run and the
/// virtual host is deleted at the end.
/// </summary>
internal static class OutboxRelayRate
{
    public const string Figure = "P2 outbox relay ÷ raw publish";

    private static readonly Guid Consultation = Guid.CreateVersion7();

    /// <summary>About 2 KB, a short paper's event.</summary>
    private static readonly string Body = string.Concat(Enumerable.Repeat("Avatars must not leak their owners' location to other members. ", 32));

    public static async Task<IReadOnlyList<ResultRow>> MeasureAsync(BenchScale scale)
    {
        int[] sizes = scale == BenchScale.Quick ? [500, 1_000, 2_000] : [2_000, 10_000, 50_000];
        await using var virtualHost = await TestBroker.CreateVirtualHostAsync("bench-outbox");
        using var folder = new TempDirectory();
        await using var submissions = new InProcessService<SubmissionsDbContext>(new Dictionary<string, string>
        {
            ["ConnectionStrings:submissions"] = $"Data Source={folder.File("submissions.db")}",
            ["RabbitMq:Port"] = TestBroker.AmqpPort.ToString(CultureInfo.InvariantCulture),
            ["RabbitMq:VirtualHost"] = virtualHost.Name,
        }, onBroker: true);
        await AwaitReadyAsync(submissions);

        // Unmeasured: the JIT, the channels and the exchange's topology, both ways.
        await RelayAsync(submissions.Services, Events(300));
        await PublishAsync(submissions.Services, Events(300));
        await BrokerQueues.PurgeAsync(virtualHost.Name);

        var rows = new List<ResultRow>();
        foreach (var size in sizes)
        {
            var relayed = await RelayAsync(submissions.Services, Events(size));
            await BrokerQueues.PurgeAsync(virtualHost.Name);
            var published = await PublishAsync(submissions.Services, Events(size));
            await BrokerQueues.PurgeAsync(virtualHost.Name);
            rows.Add(new ResultRow(Figure, $"{size:N0} events", new Quantity(relayed, "msg/s"), new Quantity(published, "msg/s"), Goal.RatioAtLeast(0.8)));
        }
        return rows;
    }

    /// <summary>Commits the rows in one save, whose commit wakes the relay, and waits until the relay has sent them all.</summary>
    private static async Task<double> RelayAsync(IServiceProvider services, IReadOnlyList<PositionPaperSubmitted> events)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SubmissionsDbContext>();
        var before = await db.OutboxMessages.MaxAsync(m => (long?)m.Id) ?? 0;
        db.OutboxMessages.AddRange(events.Select(OutboxMessage.For));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var rows = db.OutboxMessages.AsNoTracking().Where(m => m.Id > before);
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (await rows.AnyAsync(m => m.SentAt == null))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The relay had not sent {events.Count:N0} rows after 5 minutes.");
            await Task.Delay(100);
        }
        // A round marks its rows sent together: the first round's SentAt is the end of the first batch.
        var firstRound = await rows.MinAsync(m => m.SentAt!.Value);
        var lastRound = await rows.MaxAsync(m => m.SentAt!.Value);
        var afterFirstRound = await rows.CountAsync(m => m.SentAt > firstRound);
        return afterFirstRound / (lastRound - firstRound).TotalSeconds;
    }

    /// <summary>The same events through the same bus, a batch of the relay's size at a time, each batch awaited together.</summary>
    private static async Task<double> PublishAsync(IServiceProvider services, IReadOnlyList<PositionPaperSubmitted> events)
    {
        var bus = services.GetRequiredService<IBus>();
        var brokerUser = services.GetRequiredService<BrokerUser>();
        var batches = events.Chunk(services.GetRequiredService<IOptions<OutboxOptions>>().Value.BatchSize).ToList();
        await Task.WhenAll(batches[0].Select(message => PublishOneAsync(bus, brokerUser, message)));
        var afterFirstBatch = DateTime.UtcNow;
        foreach (var batch in batches.Skip(1))
            await Task.WhenAll(batch.Select(message => PublishOneAsync(bus, brokerUser, message)));
        return (events.Count - batches[0].Length) / (DateTime.UtcNow - afterFirstBatch).TotalSeconds;
    }

    /// <summary>As the relay publishes a row: its event id as message id, the connection's user as user_id, mandatory.</summary>
    private static Task PublishOneAsync(IBus bus, BrokerUser brokerUser, PositionPaperSubmitted message) =>
        bus.Publish(message, context =>
        {
            context.MessageId = message.EventId;
            if (context.TryGetPayload(out RabbitMqSendContext? rabbit)) rabbit.BasicProperties.UserId = brokerUser.Name;
            context.Mandatory = true;
        });

    private static List<PositionPaperSubmitted> Events(int count) => Enumerable.Range(0, count).Select(number =>
        new PositionPaperSubmitted(Consultation, Guid.CreateVersion7(), 1, new string('0', 64), "bench-org", $"Bench paper {number}", "A short paper.", Body)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = DateTime.UtcNow,
            Actor = "bench-author",
        }).ToList();

    /// <summary>Its database migrated and its bus connected to the broker.</summary>
    private static async Task AwaitReadyAsync(InProcessService<SubmissionsDbContext> service)
    {
        using var client = service.CreateClient();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!(await client.GetAsync("/health/ready")).IsSuccessStatusCode)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Submissions in-process was not ready within a minute.");
            await Task.Delay(200);
        }
    }
}
