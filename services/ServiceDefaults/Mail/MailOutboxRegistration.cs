using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PolicyEngage.ServiceDefaults.Mail;

public static class MailOutboxRegistration
{
    /// <summary>
    /// Mail as work that survives a restart: rows of <typeparamref name="TContext"/>'s <c>OutgoingMails</c>, written beside
    /// the change they tell of, sent over SMTP (<c>Smtp</c>) by a hosted relay; the portal's address (<c>Portal</c>) for
    /// the links they carry.
    /// </summary>
    public static IHostApplicationBuilder AddMailOutbox<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext, IMailOutboxContext
    {
        var smtp = builder.Configuration.GetSection(MailOptions.Section);
        var settings = smtp.Get<MailOptions>() ?? new MailOptions();
        if (settings.SendsMail && string.IsNullOrWhiteSpace(settings.From))
            throw new InvalidOperationException($"Refusing to start: {MailOptions.Section}:Host is set without {MailOptions.Section}:From, the sender of every mail.");

        builder.Services.Configure<MailOptions>(smtp);
        builder.Services.Configure<PortalLinks>(builder.Configuration.GetSection(PortalLinks.Section));
        builder.Services.AddSingleton<MailMetrics>();
        builder.Services.AddSingleton<MailRelay<TContext>>();
        builder.Services.AddHostedService<MailRelayService<TContext>>();
        return builder;
    }
}
