using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Regulators;

internal sealed class RegulatorConfiguration : IEntityTypeConfiguration<Regulator>
{
    public void Configure(EntityTypeBuilder<Regulator> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(InputBounds.Name);
        builder.Property(r => r.Jurisdiction).HasMaxLength(InputBounds.Name);
    }
}
