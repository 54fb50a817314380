using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyEngage.ServiceDefaults.Lists;

internal sealed class ListCounterConfiguration : IEntityTypeConfiguration<ListCounter>
{
    public const int NameLength = 64;

    public void Configure(EntityTypeBuilder<ListCounter> builder)
    {
        builder.ToTable("ListCounters");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(NameLength);
    }
}
