using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyEngage.Audit.Ledger;

internal sealed class PendingEventConfiguration : IEntityTypeConfiguration<PendingEvent>
{
    public void Configure(EntityTypeBuilder<PendingEvent> builder)
    {
        builder.ToTable("PendingEvents");
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.EventId).ValueGeneratedNever();
        builder.Property(e => e.EventType).HasMaxLength(PendingEvent.EventTypeLength);
        // An appended event releases what waits for it: found by its id, not by reading every waiting event.
        builder.HasIndex(e => e.CausationId);
    }
}
