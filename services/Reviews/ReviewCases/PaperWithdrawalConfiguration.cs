using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyEngage.Reviews.ReviewCases;

internal sealed class PaperWithdrawalConfiguration : IEntityTypeConfiguration<PaperWithdrawal>
{
    public void Configure(EntityTypeBuilder<PaperWithdrawal> builder) => builder.HasKey(w => new { w.PaperId, w.Version });
}
