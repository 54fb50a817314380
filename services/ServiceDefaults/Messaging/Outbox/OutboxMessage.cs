using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Json;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.ServiceDefaults.Messaging.Outbox;

/// <summary>An integration event written with the state change it announces, waiting for the relay.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    /// <summary>The sequence the relay follows.</summary>
    public long Id { get; private set; }

    /// <summary>Fixed when the row is written, so a re-publish carries the same id and inboxes absorb it.</summary>
    public Guid MessageId { get; private set; }
    public string MessageType { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTime OccurredAt { get; private set; }

    /// <summary>The W3C trace context of the request that wrote the row, so the publish continues its trace.</summary>
    public string? TraceParent { get; private set; }
    public string? TraceState { get; private set; }

    public Guid? ClaimToken { get; private set; }
    public DateTime? ClaimedUntil { get; private set; }
    public DateTime? SentAt { get; private set; }

    /// <summary>Failed attempts that counted against this row (never those lost to a broker outage).</summary>
    public int Attempts { get; private set; }

    /// <summary>Not claimed before this time; null means at once. A UTC DateTime because SQLite cannot compare DateTimeOffset.</summary>
    public DateTime? NextAttemptAt { get; private set; }

    /// <summary>Set when the row ran out of attempts: no relay claims it again until an operator clears it.</summary>
    public DateTime? ParkedAt { get; private set; }

    /// <summary>Why the last counted attempt failed, cut to <see cref="LastErrorLength"/>.</summary>
    public string? LastError { get; private set; }

    public const int LastErrorLength = 1000;

    public static OutboxMessage For(IntegrationEvent integrationEvent) => new()
    {
        MessageId = integrationEvent.EventId,
        MessageType = integrationEvent.GetType().FullName!,
        Body = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), JsonDefaults.Options),
        OccurredAt = integrationEvent.OccurredAt,
        TraceParent = Activity.Current?.Id,
        TraceState = Activity.Current?.TraceStateString,
    };

    public Type ResolveMessageType() =>
        typeof(IntegrationEvent).Assembly.GetType(MessageType, throwOnError: true)!;

    public IntegrationEvent DeserializeEvent() =>
        (IntegrationEvent)JsonSerializer.Deserialize(Body, ResolveMessageType(), JsonDefaults.Options)!;
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.MessageType).HasMaxLength(300);
        builder.Property(m => m.TraceParent).HasMaxLength(ColumnLengths.TraceParent);
        builder.Property(m => m.TraceState).HasMaxLength(512);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorLength);
        // The relay's claim: unsent and unparked rows in order. Both in the key, or a planner that seeks on one of them
        // alone walks every row sent today (they are kept for SentRetention) on each round.
        builder.HasIndex(m => new { m.SentAt, m.ParkedAt, m.Id });
        // Readiness and the parked gauge count parked rows on every probe: an index keeps that a seek.
        builder.HasIndex(m => m.ParkedAt);
    }
}
