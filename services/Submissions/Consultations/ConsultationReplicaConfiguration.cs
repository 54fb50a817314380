using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyEngage.Submissions.Consultations;

internal sealed class ConsultationReplicaConfiguration : IEntityTypeConfiguration<ConsultationReplica>
{
    public void Configure(EntityTypeBuilder<ConsultationReplica> builder)
    {
        builder.ToTable("Consultations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
    }
}
