using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyEngage.Submissions.Papers;

internal sealed class DigestReservationConfiguration : IEntityTypeConfiguration<DigestReservation>
{
    public void Configure(EntityTypeBuilder<DigestReservation> builder)
    {
        builder.HasKey(r => r.DigestId);
        builder.Property(r => r.DigestId).ValueGeneratedNever();
    }
}
