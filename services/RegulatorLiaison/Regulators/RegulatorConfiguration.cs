using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Regulators;

internal sealed class RegulatorConfiguration : IEntityTypeConfiguration<Regulator>
{
    /// <summary>The list's stored name (its counter row): never renamed with the type.</summary>
    public const string List = "regulators";

    public void Configure(EntityTypeBuilder<Regulator> builder)
    {
        builder.HasKey(r => r.Id);
        builder.IsListed(List);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(InputBounds.Name);
        builder.Property(r => r.Jurisdiction).HasMaxLength(InputBounds.Name);
        builder.Property(r => r.ContactEmail).HasMaxLength(InputBounds.EmailAddress);
    }
}
