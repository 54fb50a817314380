using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.ServiceDefaults.Hashing;

namespace PolicyEngage.RegulatorLiaison.LedgerCheckpoints;

internal sealed class WitnessedCheckpointConfiguration : IEntityTypeConfiguration<WitnessedCheckpoint>
{
    /// <summary>An origin line, a size line, a root line and a signature line or a few: a note is short.</summary>
    public const int NoteLength = 4000;

    public void Configure(EntityTypeBuilder<WitnessedCheckpoint> builder)
    {
        builder.ToTable("WitnessedCheckpoints");
        builder.HasKey(c => c.TreeSize);
        builder.Property(c => c.TreeSize).ValueGeneratedNever();
        builder.Property(c => c.RootHash).HasMaxLength(Sha256Hex.Length);
        builder.Property(c => c.Note).HasMaxLength(NoteLength);
    }
}
