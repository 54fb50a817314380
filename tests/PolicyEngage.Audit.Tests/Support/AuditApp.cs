using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Audit.Tests.Support;

/// <summary>The Audit service in-process on a SQLite file of its own, with the in-memory bus in place of RabbitMQ.</summary>
public class AuditApp() : ServiceApp<Program, AuditDbContext, SqliteAuditDbContext>("ConnectionStrings:audit")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ledger:CheckpointInterval", "00:00:00.100");
        builder.ConfigureTestServices(services => services.AddSingleton<MessagePublisher, TestMessagePublisher>());
    }
}
