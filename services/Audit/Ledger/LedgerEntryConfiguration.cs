using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.ServiceDefaults.Hashing;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.Audit.Ledger;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.Property(e => e.EventType).HasMaxLength(PendingEvent.EventTypeLength);
        builder.HasIndex(e => new { e.ConsultationId, e.Sequence });
        builder.Property(e => e.Actor).HasMaxLength(ColumnLengths.Subject);
        builder.HasIndex(e => new { e.Actor, e.Sequence });
        builder.Property(e => e.PreviousHash).HasMaxLength(Sha256Hex.Length).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(Sha256Hex.Length).IsFixedLength();
        builder.HasMany(e => e.Papers).WithOne().HasForeignKey(p => p.Sequence);
    }
}

internal sealed class LedgerEntryPaperConfiguration : IEntityTypeConfiguration<LedgerEntryPaper>
{
    public void Configure(EntityTypeBuilder<LedgerEntryPaper> builder)
    {
        builder.ToTable("LedgerEntryPapers");
        builder.HasKey(p => new { p.Sequence, p.PaperId });
        builder.HasIndex(p => new { p.PaperId, p.Sequence });
    }
}
