using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.ServiceDefaults.Hashing;

namespace PolicyEngage.Audit.Ledger;

internal sealed class VerifiedHeadConfiguration : IEntityTypeConfiguration<VerifiedHead>
{
    public void Configure(EntityTypeBuilder<VerifiedHead> builder)
    {
        builder.ToTable("VerifiedHeads");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(Sha256Hex.Length).IsFixedLength();
    }
}
