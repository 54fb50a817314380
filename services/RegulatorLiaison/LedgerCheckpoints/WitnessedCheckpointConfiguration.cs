using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.ServiceDefaults.Hashing;

namespace PolicyEngage.RegulatorLiaison.LedgerCheckpoints;

internal sealed class WitnessedCheckpointConfiguration : IEntityTypeConfiguration<WitnessedCheckpoint>
{
    public void Configure(EntityTypeBuilder<WitnessedCheckpoint> builder)
    {
        builder.ToTable("WitnessedCheckpoints");
        builder.HasKey(c => c.TreeSize);
        builder.Property(c => c.TreeSize).ValueGeneratedNever();
        builder.Property(c => c.RootHash).HasMaxLength(Sha256Hex.Length);
        builder.Property(c => c.Note).HasMaxLength(WitnessedCheckpoint.NoteLength);
    }
}
