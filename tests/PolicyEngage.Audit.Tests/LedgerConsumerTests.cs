using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Audit.Tests.Support;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Audit.Tests;

public sealed class LedgerConsumerTests
{
    [Fact]
    public void Every_integration_event_but_the_ledger_checkpoint_has_a_ledger_consumer()
    {
        var expected = new[]
        {
            typeof(ConsultationClosed), typeof(ConsultationOpened), typeof(DigestAcknowledged), typeof(DigestCompiled),
            typeof(DigestDelivered), typeof(DigestDeliveryRefused), typeof(DigestDeliveryRequested), typeof(DigestPapersReserved),
            typeof(DigestPushed), typeof(DigestPushExhausted),
            typeof(PositionPaperSubmitted), typeof(PositionPaperWithdrawn), typeof(RegulatorRegistered), typeof(ReviewCompleted),
        };

        Assert.Equal(expected.Select(t => t.Name).Order(), LedgerConsumers.EventTypes.Select(t => t.Name).Order());
    }

    [Fact]
    public async Task Each_kind_of_event_published_on_the_bus_reaches_the_ledger_under_the_service_that_owns_it()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        await using var provider = BusWith(database);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var (regulatorId, consultationId, paperId) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var registered = RegulatorEvents.Registered(regulatorId);
        var opened = ConsultationEvents.Opened(consultationId, regulatorId, registered.EventId);
        var submitted = PaperEvents.Submitted(consultationId, paperId, causationId: opened.EventId);
        var reviewed = ReviewEvents.Completed(consultationId, paperId, causationId: submitted.EventId);
        var closed = ConsultationEvents.Closed(consultationId, regulatorId) with { CausationId = opened.EventId };
        var compiled = DigestEvents.Compiled(consultationId, regulatorId, Guid.CreateVersion7(), closed.EventId, paperId);
        var delivered = DigestEvents.Delivered(compiled);
        var acknowledged = DigestEvents.Acknowledged(delivered);
        var withdrawn = PaperEvents.Withdrawn(Guid.CreateVersion7(), consultationId: consultationId);
        IntegrationEvent[] events = [registered, opened, submitted, reviewed, closed, compiled, delivered, acknowledged, withdrawn];

        foreach (var integrationEvent in events)
            await BusPublishing.PublishAsync(harness, integrationEvent, service: EventProducers.Owners[integrationEvent.GetType()]);
        foreach (var integrationEvent in events)
            await BusPublishing.SavedAsync(database.Open, integrationEvent.EventId);

        var entries = await database.EntriesAsync();
        Assert.Equal(events.Select(e => e.EventId).Order(), entries.Select(e => e.EventId).Order());
        Assert.All(entries, entry => Assert.Equal(EventProducers.Owners[events.Single(e => e.EventId == entry.EventId).GetType()], entry.Service));
        Assert.True((await database.VerifyAsync()).Valid);
    }

    [Fact]
    public async Task A_message_delivered_twice_or_an_event_republished_under_another_message_id_is_recorded_once()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        await using var provider = BusWith(database);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var registered = RegulatorEvents.Registered(Guid.CreateVersion7());
        var otherMessageId = Guid.CreateVersion7();

        await BusPublishing.PublishAsync(harness, registered, "RegulatorLiaison");
        await BusPublishing.SavedAsync(database.Open, registered.EventId);
        await BusPublishing.PublishAsync(harness, registered, "RegulatorLiaison");
        await BusPublishing.PublishAsync(harness, registered, "RegulatorLiaison", messageId: otherMessageId);
        // One queue, one message at a time: once the last is consumed, the redelivery before it has been too.
        await BusPublishing.SavedAsync(database.Open, otherMessageId);

        var entry = Assert.Single(await database.EntriesAsync());
        Assert.Equal((registered.EventId, "RegulatorLiaison"), (entry.EventId, entry.Service));
        await using var db = database.Open();
        Assert.Equal(new[] { registered.EventId, otherMessageId }.Order(), (await db.InboxMessages.Select(m => m.MessageId).ToListAsync()).Order());
        Assert.Equal(0, await db.PendingEvents.CountAsync());
    }

    [Fact]
    public async Task A_field_this_version_of_Audit_does_not_know_is_kept_in_the_entry_and_its_hash()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        await using var provider = BusWith(database);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var known = RegulatorEvents.Registered(Guid.CreateVersion7());
        var newer = new RegulatorRegisteredByANewerProducer(known.RegulatorId, known.Name, known.Jurisdiction, Treaty: "Council of Europe 108+")
        {
            EventId = known.EventId,
            OccurredAt = known.OccurredAt,
            Actor = known.Actor,
        };

        await BusPublishing.PublishAsync(harness, newer, "RegulatorLiaison");
        await BusPublishing.SavedAsync(database.Open, newer.EventId);

        var entry = Assert.Single(await database.EntriesAsync());
        Assert.Equal(nameof(RegulatorRegistered), entry.EventType);
        Assert.Equal("Council of Europe 108+", JsonNode.Parse(entry.Data)!["treaty"]!.GetValue<string>());
        Assert.NotEqual(StoredEvent.DataOf(known), entry.Data);
        Assert.Equal(SpecHash.EntryHash(entry.PreviousHash, entry.Data), entry.Hash);
        Assert.True((await database.VerifyAsync()).Valid);
    }

    [Fact]
    public async Task The_sequencers_lag_is_measured_under_its_inbox_name_for_the_event_it_consumed()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        var clock = TestClock.StartingNow();
        await using var provider = BusWith(database, clock);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        using var lag = new MetricCollector<double>(provider.GetRequiredService<IMeterFactory>(), InboxMetrics.MeterName, InboxMetrics.LagHistogram);
        var registered = RegulatorEvents.Registered(Guid.CreateVersion7()) with { OccurredAt = clock.GetUtcNow().UtcDateTime };
        clock.Advance(TimeSpan.FromSeconds(3));

        await BusPublishing.PublishAsync(harness, registered, "RegulatorLiaison");
        await BusPublishing.SavedAsync(database.Open, registered.EventId);

        var measured = Assert.Single(lag.GetMeasurementSnapshot());
        Assert.Equal(3, measured.Value);
        Assert.Equal(("ledger", nameof(RegulatorRegistered)), ((string?)measured.Tags["consumer"], (string?)measured.Tags["message_type"]));
    }

    [Theory]
    [InlineData("Submissions")]
    [InlineData("Audit")]
    [InlineData("")]
    public async Task An_event_whose_producer_does_not_own_it_or_is_unnamed_is_refused_and_leaves_no_trace(string producer)
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        await using var provider = BusWith(database);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var reviewed = ReviewEvents.Completed(Guid.CreateVersion7(), Guid.CreateVersion7());

        await BusPublishing.PublishAsync(harness, reviewed, producer);

        Assert.True(await harness.Consumed.Any<ReviewCompleted>(c => c.Context.MessageId == reviewed.EventId && c.Exception is ProducerRefusedException));
        Assert.Empty(await database.EntriesAsync());
        await using var db = database.Open();
        Assert.Empty(await db.InboxMessages.ToListAsync());
        Assert.Empty(await db.PendingEvents.ToListAsync());
    }

    private static ServiceProvider BusWith(SqliteTestDatabase<SqliteAuditDbContext> database, TimeProvider? clock = null) => new ServiceCollection()
        .AddDbContext<AuditDbContext, SqliteAuditDbContext>(db => db.UseSqlite(database.ConnectionString))
        .AddSingleton(clock ?? TimeProvider.System)
        .AddMetrics()
        .AddSingleton<InboxMetrics>()
        .AddSingleton<MessagePublisher, TestMessagePublisher>()
        .AddMassTransitTestHarness(bus => bus.AddLedgerConsumers())
        .BuildServiceProvider(validateScopes: true);
}

/// <summary>
/// <see cref="RegulatorRegistered"/> as a later version of RegulatorLiaison might publish it: the same message type on
/// the bus, one field more.
/// </summary>
[MessageUrn("PolicyEngage.Contracts:RegulatorRegistered")]
public sealed record RegulatorRegisteredByANewerProducer(Guid RegulatorId, string Name, string Jurisdiction, string Treaty) : IntegrationEvent;
