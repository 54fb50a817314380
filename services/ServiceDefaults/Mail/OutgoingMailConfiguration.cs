using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.ServiceDefaults.Mail;

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.ToTable("OutgoingMails");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        // One mail per cause and kind: a second would be a second Message-ID-sharing message, or a bug.
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.MessageId).HasMaxLength(OutgoingMail.MessageIdLength);
        builder.Property(m => m.Recipient).HasMaxLength(InputBounds.EmailAddress);
        builder.Property(m => m.Subject).HasMaxLength(OutgoingMail.SubjectLength);
        builder.Property(m => m.LastError).HasMaxLength(OutgoingMail.LastErrorLength);
        // The relay's claim: unsent and unparked rows in order, as the outbox's index has it.
        builder.HasIndex(m => new { m.SentAt, m.ParkedAt, m.Id });
    }
}

public static class MailOutboxModel
{
    /// <summary>The <c>OutgoingMails</c> table, for a service context that implements <see cref="IMailOutboxContext"/>.</summary>
    public static ModelBuilder ApplyMailOutbox(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new OutgoingMailConfiguration());
}
