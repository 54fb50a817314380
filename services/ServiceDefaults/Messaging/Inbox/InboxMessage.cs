using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyEngage.ServiceDefaults.Messaging.Inbox;

/// <summary>A message a consumer has applied; its key makes a second application impossible.</summary>
public sealed class InboxMessage(Guid messageId, string consumer, DateTime processedAt)
{
    public Guid MessageId { get; private set; } = messageId;
    public string Consumer { get; private set; } = consumer;
    public DateTime ProcessedAt { get; private set; } = processedAt;
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("InboxMessages");
        builder.HasKey(m => new { m.MessageId, m.Consumer });
        builder.Property(m => m.Consumer).HasMaxLength(200);
        // Pruning takes the oldest rows first.
        builder.HasIndex(m => m.ProcessedAt);
    }
}
