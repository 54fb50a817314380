using System.Diagnostics.Metrics;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.Testing.Services;

/// <summary>
/// A service's consumers alone, without its host: on MassTransit's in-memory harness over a migrated SQLite file of
/// their own (or one the caller brings), so that a test delivers messages one at a time and reads what they stored.
/// </summary>
public sealed class ConsumerHarness<TContext, TSqliteContext> : IAsyncDisposable
    where TContext : ServiceDbContext
    where TSqliteContext : TContext
{
    private readonly ServiceProvider _services;
    private readonly ITestHarness _harness;
    private readonly SqliteTestDatabase<TSqliteContext>? _database;

    private ConsumerHarness(ServiceProvider services, SqliteTestDatabase<TSqliteContext>? database)
    {
        _services = services;
        _harness = services.GetRequiredService<ITestHarness>();
        _database = database;
    }

    public SqliteTestDatabase<TSqliteContext> Database =>
        _database ?? throw new InvalidOperationException("This harness runs on a file its caller owns; open that instead.");

    /// <summary>The consumers' meters, as a host's own: the scope a test's metric collector listens to.</summary>
    public IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    /// <summary>On a migrated test database of its own, disposed with the harness; on the system clock unless given one.</summary>
    public static Task<ConsumerHarness<TContext, TSqliteContext>> StartAsync(Action<IBusRegistrationConfigurator> addConsumers, TimeProvider? clock = null)
    {
        var database = new SqliteTestDatabase<TSqliteContext>();
        return StartAsync(database.ConnectionString, addConsumers, database, clock ?? TimeProvider.System);
    }

    /// <summary>On a SQLite file the caller owns and has brought to the schema it wants (an upgraded database, say).</summary>
    public static Task<ConsumerHarness<TContext, TSqliteContext>> StartOnAsync(string connectionString, Action<IBusRegistrationConfigurator> addConsumers) =>
        StartAsync(connectionString, addConsumers, database: null, TimeProvider.System);

    private static async Task<ConsumerHarness<TContext, TSqliteContext>> StartAsync(
        string connectionString, Action<IBusRegistrationConfigurator> addConsumers, SqliteTestDatabase<TSqliteContext>? database, TimeProvider clock)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddSingleton(clock)
            .AddSingleton<InboxMetrics>()
            .AddDbContext<TContext, TSqliteContext>(db => db.UseSqlite(connectionString))
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
        _database?.Dispose();
    }
}
