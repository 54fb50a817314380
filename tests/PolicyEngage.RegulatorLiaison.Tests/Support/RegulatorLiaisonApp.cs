using PolicyEngage.Testing;
using System.Net.Http.Headers;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.RegulatorLiaison.Tests.Support;

/// <summary>
/// The real service over HTTP, on its own SQLite file, with a clock the test moves and MassTransit's in-memory harness
/// in place of RabbitMQ: events published to the harness reach the service's consumers, and its outbox publishes there.
/// </summary>
public sealed class RegulatorLiaisonApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();

    public TestClock Clock { get; } = new();

    public async Task InitializeAsync()
    {
        await _database.MigrateAsync();
        _ = Server;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _database.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:regulatorliaison", _database.ConnectionString);
        builder.UseSetting("Consultations:DeadlineCheckInterval", "00:00:00.100");
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.AddMassTransitTestHarness();
        });
    }

    public HttpClient As(string role, string subject = "someone", Guid? regulator = null, string? organisation = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Issue(role, subject, organisation, regulator));
        return client;
    }

    public HttpClient Officer() => As(Roles.LiaisonOfficer, "officer-1");

    public RegulatorLiaisonDbContext CreateDbContext() => _database.CreateContext();

    /// <summary>
    /// Publishes an event as another service would, and waits until this service has consumed it. Counted by an
    /// observer of our own: the harness's <c>Consumed.Any</c> stops waiting once the harness has been idle a moment,
    /// which on a busy machine comes before a consumer of a later test has run.
    /// </summary>
    public async Task PublishAsync<T>(T message) where T : IntegrationEvent
    {
        var harness = Services.GetTestHarness();
        var consumes = new ConsumeCounter();
        using var _ = harness.Bus.ConnectConsumeObserver(consumes);
        await harness.Bus.Publish(message, context => context.MessageId = message.EventId);
        await consumes.WaitForAsync(message.EventId);
    }

    /// <summary>The events this service wrote to its outbox, of one type.</summary>
    public async Task<List<T>> OutboxAsync<T>() where T : IntegrationEvent
    {
        await using var db = CreateDbContext();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == typeof(T).FullName).OrderBy(m => m.Id).ToListAsync();
        return rows.Select(r => (T)r.DeserializeEvent()).ToList();
    }
}
