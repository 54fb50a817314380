using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.ServiceDefaults.Hashing;

namespace PolicyEngage.Audit.Ledger;

internal sealed class LedgerTreeNodeConfiguration : IEntityTypeConfiguration<LedgerTreeNode>
{
    public void Configure(EntityTypeBuilder<LedgerTreeNode> builder)
    {
        builder.ToTable("LedgerTreeNodes");
        builder.HasKey(n => n.Position);
        builder.Property(n => n.Position).ValueGeneratedNever();
        builder.Property(n => n.Hash).HasMaxLength(Sha256Hex.Length).IsFixedLength();
        // How many leaves the tree has: the highest level-0 index.
        builder.HasIndex(n => new { n.Level, n.Index });
    }
}
