using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyEngage.ServiceDefaults.Mail;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.ServiceDefaults.Tests.Mail;

/// <summary>A service database that sends mail, as Submissions' and RegulatorLiaison's do.</summary>
public sealed class MailingDbContext(DbContextOptions<MailingDbContext> options) : ServiceDbContext(options), IMailOutboxContext
{
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyMailOutbox();
    }
}

/// <summary>One "service" with ServiceDefaults' database and mail outbox wired as the real ones are; its relay runs on its own, or only when the test calls it.</summary>
internal static class MailHost
{
    public static async Task<IHost> StartAsync(
        string databaseFile, int smtpPort, TimeProvider? clock = null, bool runRelay = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:mailing"] = $"Data Source={databaseFile}",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(),
            ["Smtp:From"] = "PolicyEngage <no-reply@policyengage.test>",
            ["Smtp:PollInterval"] = "00:00:00.020",
            ["Smtp:Timeout"] = "00:00:05",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.AddServiceDatabase<MailingDbContext, MailingDbContext>("mailing");
        builder.AddMailOutbox<MailingDbContext>();
        if (!runRelay)
            builder.Services.Remove(builder.Services.Single(d => d.ImplementationType?.Name.StartsWith("MailRelayService") == true));

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MailingDbContext>().Database.EnsureCreatedAsync();
        await host.StartAsync();
        return host;
    }

    public static MailRelay<MailingDbContext> Relay(this IHost host) => host.Services.GetRequiredService<MailRelay<MailingDbContext>>();

    /// <summary>Queues mails as a consumer would: rows written by a SaveChanges, each about a cause of its own.</summary>
    public static async Task<List<OutgoingMail>> QueueAsync(this IHost host, int count, string recipient = "author@acme.example")
    {
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value;
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var mails = Enumerable.Range(1, count).Select(i => OutgoingMail.To(recipient, "test", Guid.NewGuid(),
            MailText.Bilingual($"Mail {i}", $"邮件 {i}", $"Mail number {i}.", $"第 {i} 封邮件。", new Uri($"http://portal.test/things/{i}")), options, now)).ToList();
        await host.WithDbAsync(async db =>
        {
            db.OutgoingMails.AddRange(mails);
            return await db.SaveChangesAsync();
        });
        return mails;
    }

    public static Task<OutgoingMail> RowAsync(this IHost host, long id) =>
        host.WithDbAsync(db => db.OutgoingMails.AsNoTracking().SingleAsync(m => m.Id == id));

    public static async Task<T> WithDbAsync<T>(this IHost host, Func<MailingDbContext, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MailingDbContext>());
    }
}
