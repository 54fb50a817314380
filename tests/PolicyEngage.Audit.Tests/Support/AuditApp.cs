using MassTransit;
using System.Net.Http.Headers;
using System.Text;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Testing;
using PolicyEngage.Audit.Data;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Audit.Tests;

/// <summary>The Audit service in-process on a SQLite file of its own, with the in-memory bus in place of RabbitMQ.</summary>
public sealed class AuditApp : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "policyengage-audit-tests", Guid.NewGuid().ToString("N"));

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "audit.db")};Pooling=False";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:audit", ConnectionString);
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    }

    /// <summary>Publishes the events as the services' outbox relays do and waits until the ledger has taken them.</summary>
    public async Task PublishAsync(params IntegrationEvent[] events)
    {
        var harness = Services.GetTestHarness();
        foreach (var integrationEvent in events)
            await BusPublishing.PublishAsync(harness, integrationEvent, "RegulatorLiaison");
        foreach (var integrationEvent in events)
            await BusPublishing.SavedAsync(OpenDatabase, integrationEvent.EventId);
    }

    private AuditDbContext OpenDatabase() =>
        new SqliteAuditDbContext(new DbContextOptionsBuilder<SqliteAuditDbContext>().UseSqlite(ConnectionString).Options);

    public HttpClient ClientAs(string? role, string? organisation = null)
    {
        var client = CreateClient();
        if (role is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Issue(role, $"{role.ToLowerInvariant()}-1", organisation));
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
