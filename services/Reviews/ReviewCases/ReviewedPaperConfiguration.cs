using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyEngage.Reviews.ReviewCases;

internal sealed class ReviewedPaperConfiguration : IEntityTypeConfiguration<ReviewedPaper>
{
    public void Configure(EntityTypeBuilder<ReviewedPaper> builder)
    {
        builder.HasKey(p => p.PaperId);
        builder.Property(p => p.PaperId).ValueGeneratedNever();
        builder.Property(p => p.Revision).IsConcurrencyToken();
    }
}
