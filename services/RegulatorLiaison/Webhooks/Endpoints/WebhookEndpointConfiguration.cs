using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.RegulatorLiaison.Regulators;

namespace PolicyEngage.RegulatorLiaison.Webhooks.Endpoints;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("WebhookEndpoints");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Regulator>().WithMany().HasForeignKey(e => e.RegulatorId);
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.UrlLength);
        builder.Property(e => e.Secret).HasMaxLength(WebhookEndpoint.SecretLength);
        builder.Property(e => e.PreviousSecret).HasMaxLength(WebhookEndpoint.SecretLength);
        builder.Ignore(e => e.IsActive);
        builder.Ignore(e => e.EndReason);
        builder.HasIndex(e => new { e.RegulatorId, e.CreatedAt });
    }
}
