using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.RegulatorLiaison.Regulators;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.ServiceDefaults.Persistence;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Consultations;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    /// <summary>The list's stored name (its counter row): never renamed with the type.</summary>
    public const string List = "consultations";

    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.HasKey(c => c.Id);
        builder.IsListed(List);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Regulator>().WithMany().HasForeignKey(c => c.RegulatorId);
        builder.Property(c => c.Reference).HasMaxLength(InputBounds.Reference);
        builder.Property(c => c.Title).HasMaxLength(InputBounds.Title);
        builder.Property(c => c.Summary).HasMaxLength(InputBounds.Summary);
        // The status is the concurrency token: an officer and the deadline closer racing close it once, with one event.
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName).IsConcurrencyToken();
        builder.HasIndex(c => new { c.Status, c.ClosesAt });
    }
}
