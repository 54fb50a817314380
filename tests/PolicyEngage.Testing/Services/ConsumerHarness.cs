using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.Testing.Services;

/// <summary>
/// A service's consumers alone, without its host: on MassTransit's in-memory harness over a migrated SQLite file of
/// their own, so that a test delivers messages one at a time and reads what the consumers stored.
/// </summary>
public sealed class ConsumerHarness<TContext, TSqliteContext> : IAsyncDisposable
    where TContext : ServiceDbContext
    where TSqliteContext : TContext
{
    private readonly ServiceProvider _services;
    private readonly ITestHarness _harness;

    private ConsumerHarness(ServiceProvider services, SqliteTestDatabase<TSqliteContext> database)
    {
        _services = services;
        _harness = services.GetRequiredService<ITestHarness>();
        Database = database;
    }

    public SqliteTestDatabase<TSqliteContext> Database { get; }

    public static async Task<ConsumerHarness<TContext, TSqliteContext>> StartAsync(Action<IBusRegistrationConfigurator> addConsumers)
    {
        var database = new SqliteTestDatabase<TSqliteContext>();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddDbContext<TContext, TSqliteContext>(db => db.UseSqlite(database.ConnectionString))
            .AddMassTransitTestHarness(addConsumers)
            .BuildServiceProvider(validateScopes: true);
        var harness = new ConsumerHarness<TContext, TSqliteContext>(services, database);
        await harness._harness.Start();
        return harness;
    }

    /// <summary>
    /// Publishes the message <paramref name="times"/> times under its event id, as the outbox relay does, and waits
    /// until a consumer has finished with each delivery, without fault.
    /// </summary>
    public async Task DeliverAsync(IntegrationEvent message, int times = 1)
    {
        var consumes = new ConsumeCounter();
        using var _ = _harness.Bus.ConnectConsumeObserver(consumes);
        for (var i = 0; i < times; i++)
            await _harness.Bus.Publish(message, message.GetType(), context => context.MessageId = message.EventId);
        await consumes.WaitForAsync(message.EventId, times);
    }

    public Task<T> ReadAsync<T>(Func<TContext, Task<T>> query) => _services.ReadAsync(query);

    public Task WriteAsync(Action<TContext> change) => _services.WriteAsync(change);

    public async ValueTask DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
        Database.Dispose();
    }
}
