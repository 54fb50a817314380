using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.RegulatorLiaison.Webhooks.Endpoints;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.RegulatorLiaison.Webhooks.Pushes;

internal sealed class DigestPushConfiguration : IEntityTypeConfiguration<DigestPush>
{
    public void Configure(EntityTypeBuilder<DigestPush> builder)
    {
        builder.ToTable("DigestPushes");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Digest>().WithMany().HasForeignKey(p => p.DigestId);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(p => p.EndpointId);
        builder.HasIndex(p => new { p.DigestId, p.EndpointId }).IsUnique();
        builder.Property(p => p.WebhookId).HasMaxLength(DigestPush.WebhookIdLength);
        builder.Property(p => p.ScheduledByTrace).HasMaxLength(ColumnLengths.TraceParent);
        builder.HasIndex(p => p.WebhookId).IsUnique();
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.HasIndex(p => new { p.State, p.NextAttemptAt });
        builder.HasIndex(p => new { p.EndpointId, p.State });
        // A dispatcher records only the attempt it claimed: one whose claim lapsed and was taken over loses the write.
        builder.Property(p => p.ClaimToken).IsConcurrencyToken();
        builder.OwnsMany(p => p.Attempts, attempt =>
        {
            attempt.ToTable("DigestPushAttempts");
            attempt.WithOwner().HasForeignKey("PushId");
            attempt.HasKey("PushId", nameof(DigestPushAttempt.Number));
            attempt.Property(a => a.Number).ValueGeneratedNever();
            attempt.Property(a => a.Error).HasMaxLength(DigestPush.ErrorLength);
        });
        builder.Navigation(p => p.Attempts).AutoInclude();
    }
}
