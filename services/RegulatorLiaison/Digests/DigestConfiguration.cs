using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.LedgerCheckpoints;
using PolicyEngage.ServiceDefaults.Hashing;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.RegulatorLiaison.Digests;

internal sealed class DigestConfiguration : IEntityTypeConfiguration<Digest>
{
    /// <summary>The list's stored name (its counter row): never renamed with the type.</summary>
    public const string List = "digests";

    public void Configure(EntityTypeBuilder<Digest> builder)
    {
        builder.HasKey(d => d.Id);
        // A regulator's inbox is the digests addressed to it, in the order they were compiled.
        builder.IsListed(List).HasListIndex(nameof(Digest.RegulatorId));
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<Consultation>().WithMany().HasForeignKey(d => d.ConsultationId);
        builder.Property(d => d.ContentHash).HasMaxLength(Sha256Hex.Length).IsFixedLength();
        // The status is the concurrency token: two deliveries or acknowledgements racing raise one event, not two.
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName).IsConcurrencyToken();
        builder.Property(d => d.AcknowledgedBy).HasMaxLength(ColumnLengths.Subject);
        builder.Property(d => d.AcknowledgedCheckpoint).HasMaxLength(WitnessedCheckpoint.NoteLength);
        builder.Property(d => d.DeliveryRequestedBy).HasMaxLength(ColumnLengths.Subject);
        builder.Ignore(d => d.IsDelivered);
        builder.Property(d => d.RefusedPapers).HasConversion(
            papers => string.Join(',', papers),
            text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList(),
            new ValueComparer<IReadOnlyList<Guid>>((a, b) => a!.SequenceEqual(b!), papers => papers.Aggregate(0, (hash, id) => HashCode.Combine(hash, id)), papers => papers.ToList()));
        builder.HasIndex(d => d.ConsultationId);
        builder.HasIndex(d => new { d.RegulatorId, d.Status });
        builder.HasIndex(d => new { d.Status, d.DeliveryRequestedAt });

        builder.HasMany(d => d.Papers).WithOne().HasForeignKey(p => p.DigestId);
        builder.Navigation(d => d.Papers).AutoInclude();
    }
}

internal sealed class DigestPaperConfiguration : IEntityTypeConfiguration<DigestPaper>
{
    public void Configure(EntityTypeBuilder<DigestPaper> builder)
    {
        builder.ToTable("DigestPapers");
        builder.HasKey(p => new { p.DigestId, p.PaperId });
        builder.Property(p => p.ContentHash).HasMaxLength(Sha256Hex.Length).IsFixedLength();
    }
}
