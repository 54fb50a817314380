using Microsoft.EntityFrameworkCore;

namespace PolicyEngage.ServiceDefaults.Mail;

/// <summary>A service database that sends mail: only those services carry the table (<see cref="MailOutboxModel.ApplyMailOutbox"/>).</summary>
public interface IMailOutboxContext
{
    DbSet<OutgoingMail> OutgoingMails { get; }
}
