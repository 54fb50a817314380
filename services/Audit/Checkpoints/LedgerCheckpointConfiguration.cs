using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.ServiceDefaults.Hashing;

namespace PolicyEngage.Audit.Checkpoints;

internal sealed class LedgerCheckpointConfiguration : IEntityTypeConfiguration<LedgerCheckpoint>
{
    /// <summary>An origin, a size, a root and a signature line: a note is short.</summary>
    public const int NoteLength = 4000;

    public void Configure(EntityTypeBuilder<LedgerCheckpoint> builder)
    {
        builder.ToTable("LedgerCheckpoints");
        // One note per size: two signers racing for a size collide here, and the loser signs nothing.
        builder.HasKey(c => c.TreeSize);
        builder.Property(c => c.TreeSize).ValueGeneratedNever();
        builder.Property(c => c.RootHash).HasMaxLength(Sha256Hex.Length).IsFixedLength();
        builder.Property(c => c.Note).HasMaxLength(NoteLength);
    }
}
