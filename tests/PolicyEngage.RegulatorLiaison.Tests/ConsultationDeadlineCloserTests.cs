using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.RegulatorLiaison.Regulators;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.RegulatorLiaison.Tests;

public sealed class ConsultationDeadlineCloserTests : IDisposable
{
    private readonly SqliteTestDatabase<SqliteRegulatorLiaisonDbContext> _database = new();
    private readonly FakeTimeProvider _clock = TestClock.StartingNow();
    private readonly ServiceProvider _services;
    private readonly ConsultationDeadlineCloser _closer;

    public ConsultationDeadlineCloserTests()
    {
        _services = new ServiceCollection()
            .AddDbContext<RegulatorLiaisonDbContext, SqliteRegulatorLiaisonDbContext>(db => db.UseSqlite(_database.ConnectionString))
            .BuildServiceProvider(validateScopes: true);
        _closer = new ConsultationDeadlineCloser(
            _services.GetRequiredService<IServiceScopeFactory>(), _clock,
            Options.Create(new ConsultationDeadlineOptions()), NullLogger<ConsultationDeadlineCloser>.Instance);
    }

    public void Dispose()
    {
        _services.Dispose();
        _database.Dispose();
    }

    private async Task<(Guid Due, Guid NotDue, Guid ClosedByOfficer)> SeedAsync()
    {
        await using var db = _database.Open();
        var now = _clock.GetUtcNow().UtcDateTime;
        var regulator = Regulator.Register("Board", "EU", "officer-1", now);
        Consultation OpenUntil(DateTime closesAt) => Consultation.Open(regulator, "REF", "Title", "Summary", closesAt, "officer-1", now);
        var due = OpenUntil(now.AddMinutes(10));
        var dueExactlyNow = OpenUntil(now.AddMinutes(20));
        var notDue = OpenUntil(now.AddMinutes(21));
        var closedByOfficer = OpenUntil(now.AddMinutes(5));
        closedByOfficer.Close("officer-1", ConsultationCloseReason.ClosedByOfficer, now.AddMinutes(1));
        db.Regulators.Add(regulator);
        db.Consultations.AddRange(due, dueExactlyNow, notDue, closedByOfficer);
        await db.SaveChangesAsync();
        return (due.Id, notDue.Id, closedByOfficer.Id);
    }

    private async Task<List<ConsultationClosed>> ClosedEventsAsync(Guid consultationId)
    {
        await using var db = _database.Open();
        var rows = await db.OutboxMessages.Where(m => m.MessageType == typeof(ConsultationClosed).FullName).ToListAsync();
        return rows.Select(r => (ConsultationClosed)r.DeserializeEvent()).Where(e => e.ConsultationId == consultationId).ToList();
    }

    [Fact]
    public async Task Closes_open_consultations_whose_deadline_has_come_through_the_outbox_as_the_system()
    {
        var (due, notDue, closedByOfficer) = await SeedAsync();
        _clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(2, await _closer.CloseDueAsync(CancellationToken.None));

        await using var db = _database.Open();
        var consultations = await db.Consultations.ToDictionaryAsync(c => c.Id);
        Assert.Equal(3, consultations.Values.Count(c => c.Status == ConsultationStatus.Closed));
        Assert.Equal(ConsultationStatus.Open, consultations[notDue].Status);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, consultations[due].ClosedAt);

        var closed = Assert.Single(await ClosedEventsAsync(due));
        Assert.Equal(("system", ConsultationCloseReason.DeadlinePassed), (closed.Actor, closed.Reason));
        Assert.Equal(consultations[due].OpenedEventId, closed.CausationId);
        Assert.Equal(consultations[due].ClosedEventId, closed.EventId);
        Assert.Equal(ConsultationCloseReason.ClosedByOfficer, Assert.Single(await ClosedEventsAsync(closedByOfficer)).Reason);
    }

    [Fact]
    public async Task Closes_nothing_before_a_deadline_and_each_consultation_only_once()
    {
        var (due, _, _) = await SeedAsync();

        Assert.Equal(0, await _closer.CloseDueAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await _closer.CloseDueAsync(CancellationToken.None));
        Assert.Equal(0, await _closer.CloseDueAsync(CancellationToken.None));

        Assert.Single(await ClosedEventsAsync(due));
    }
}
