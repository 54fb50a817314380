using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PolicyEngage.ServiceDefaults.Messaging.Outbox;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Metrics;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.ServiceDefaults.Tests.Messaging;

/// <summary>
/// The backlog gauges as the relay loop's housekeeping sets them after every round, on a real SQLite file and a clock the
/// test moves; no broker is needed to measure.
/// </summary>
public sealed class OutboxBacklogTests
{
    [Fact]
    public async Task The_backlog_gauges_count_rows_waiting_and_parked_apart_and_age_the_oldest_waiting_row_by_its_OccurredAt()
    {
        using var files = new TempDirectory();
        var clock = TestClock.StartingNow();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddSingleton<TimeProvider>(clock)
            .AddDbContext<RegistryDbContext>(db => db.UseSqlite($"Data Source={files.File("registry.db")}"))
            .AddSingleton<OutboxMetrics>()
            .AddSingleton<OutboxHousekeeping<RegistryDbContext>>()
            .BuildServiceProvider(validateScopes: true);
        var meters = services.GetRequiredService<IMeterFactory>();
        using var waiting = new MetricCollector<long>(meters, OutboxMetrics.MeterName, OutboxMetrics.WaitingGauge);
        using var parked = new MetricCollector<long>(meters, OutboxMetrics.MeterName, OutboxMetrics.ParkedGauge);
        using var oldestAge = new MetricCollector<double>(meters, OutboxMetrics.MeterName, OutboxMetrics.OldestUnsentAgeGauge);
        OutboxMessage oldestWaiting;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await db.Database.EnsureCreatedAsync();
            db.Entries.AddRange(RegistryEntry.Register("Ofcom"), RegistryEntry.Register("Arcep"), RegistryEntry.Register("BNetzA"));
            await db.SaveChangesAsync();
            var rows = await db.OutboxMessages.OrderBy(m => m.Id).ToListAsync();
            // The oldest row parked: it would otherwise hold the age up for good.
            await db.OutboxMessages.Where(m => m.Id == rows[0].Id).ExecuteUpdateAsync(set => set.SetProperty(m => m.ParkedAt, clock.GetUtcNow().UtcDateTime));
            oldestWaiting = rows[1];
        }
        clock.Advance(TimeSpan.FromSeconds(90));

        await services.GetRequiredService<OutboxHousekeeping<RegistryDbContext>>().MeasureBacklogAsync(CancellationToken.None);

        Assert.Equal(2, waiting.ReadNow());
        Assert.Equal(1, parked.ReadNow());
        Assert.Equal((clock.GetUtcNow().UtcDateTime - oldestWaiting.OccurredAt).TotalSeconds, oldestAge.ReadNow());
        SqliteConnection.ClearAllPools();
    }
}
