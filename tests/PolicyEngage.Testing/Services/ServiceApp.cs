using System.Net.Http.Headers;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Persistence;
using Xunit;

namespace PolicyEngage.Testing.Services;

/// <summary>
/// A service in-process as Development runs it, on a migrated SQLite file of its own, trusting this run's
/// <see cref="TestSigningKey"/>, with MassTransit's in-memory harness in place of RabbitMQ: events published to the
/// harness reach the service's consumers, and its outbox publishes there. The type arguments are the ones the service's Program passes to <c>AddServiceDatabase</c>.
/// Each test class fixture gets its own instance, so its rows are its own.
/// </summary>
public abstract class ServiceApp<TProgram, TContext, TSqliteContext>(string connectionStringSetting)
    : WebApplicationFactory<TProgram>, IAsyncLifetime
    where TProgram : class
    where TContext : ServiceDbContext
    where TSqliteContext : TContext
{
    private readonly SqliteTestDatabase<TSqliteContext> _database = new();

    /// <summary>Starts the service, so that its background work runs from the first test on.</summary>
    public Task InitializeAsync()
    {
        _ = Server;
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(connectionStringSetting, _database.ConnectionString);
        foreach (var (key, value) in TestSigningKey.VerifierSettings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    }

    /// <summary>A client with a development token for the role; without a role, an anonymous one.</summary>
    public HttpClient ClientAs(string? role, string? organisation = null, string subject = "user-1", Guid? regulator = null, string? email = null)
    {
        var client = CreateClient();
        if (role is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Issue(role, subject, organisation, regulator, email: email));
        return client;
    }

    /// <summary>
    /// A copy of the app, started, whose database context hands every query to <paramref name="sql"/>, cleared of what
    /// starting asked: what a route asks the database. The SQLite context's options, since it is the one the service
    /// registers in place of <typeparamref name="TContext"/>.
    /// </summary>
    public WebApplicationFactory<TProgram> RecordingSql(SqlRecorder sql)
    {
        var recorded = WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.ConfigureDbContext<TSqliteContext>(db => db.AddInterceptors(sql))));
        _ = recorded.Server;
        sql.Clear();
        return recorded;
    }

    public Task PublishAsync(IntegrationEvent message, string? fromService = null) => PublishAsync([message], fromService);

    /// <summary>
    /// Publishes the events as the outbox relays do (the event id as message id; the producer the broker would vouch for,
    /// when given, in <see cref="TestPublisher.Header"/>: the in-memory bus has no AMQP user_id), all first, then waits until the service has consumed each. Counted by an observer of our own:
    /// the harness's <c>Consumed.Any</c> stops waiting once the harness has been idle a moment, which on a busy
    /// machine comes before a consumer of a later test has run.
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<IntegrationEvent> events, string? fromService = null)
    {
        var harness = Services.GetTestHarness();
        var consumes = new ConsumeCounter();
        using var _ = harness.Bus.ConnectConsumeObserver(consumes);
        foreach (var message in events)
        {
            await harness.Bus.Publish(message, message.GetType(), context =>
            {
                context.MessageId = message.EventId;
                if (fromService is not null) context.Headers.Set(TestPublisher.Header, fromService);
            });
        }
        foreach (var message in events)
            await consumes.WaitForAsync(message.EventId);
    }

    /// <summary>The events this service wrote to its outbox, of one type, oldest first.</summary>
    public Task<List<T>> OutboxAsync<T>() where T : IntegrationEvent => ReadAsync(async db =>
    {
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == typeof(T).FullName).OrderBy(m => m.Id).ToListAsync();
        return rows.Select(r => (T)r.DeserializeEvent()).ToList();
    });

    /// <summary>Reads through the service's own context, as its endpoints do.</summary>
    public Task<T> ReadAsync<T>(Func<TContext, Task<T>> query) => Services.ReadAsync(query);

    /// <summary>Changes and saves through the service's own context, as its consumers do.</summary>
    public Task WriteAsync(Action<TContext> change) => Services.WriteAsync(change);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
