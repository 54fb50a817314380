using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyEngage.Audit.Checkpoints;

internal sealed class SignerLeaseConfiguration : IEntityTypeConfiguration<SignerLease>
{
    public const int NameLength = 64;

    /// <summary>Machine name, process id and a start-up nonce.</summary>
    public const int HolderLength = 200;

    public void Configure(EntityTypeBuilder<SignerLease> builder)
    {
        builder.ToTable("SignerLeases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(NameLength);
        builder.Property(l => l.Holder).HasMaxLength(HolderLength);
        // The row exists from the migration on, so that taking the lease is only ever an UPDATE.
        builder.HasData(new { Name = SignerLease.CheckpointSigner, Holder = "", ExpiresAt = DateTime.MinValue });
    }
}
