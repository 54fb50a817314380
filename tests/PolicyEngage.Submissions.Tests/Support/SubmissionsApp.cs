using Microsoft.EntityFrameworkCore;
using PolicyEngage.Submissions.Consultations;
using PolicyEngage.Submissions.Data;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Submissions.Tests.Support;

/// <summary>
/// The Submissions service in memory as Development runs it: its own SQLite file, MassTransit's in-memory harness
/// instead of RabbitMQ, development tokens. Each test class gets its own instance, so row counts are its own.
/// </summary>
public sealed class SubmissionsApp() : ServiceApp<Program, SubmissionsDbContext, SqliteSubmissionsDbContext>("ConnectionStrings:submissions")
{
    /// <summary>Stores the consultation replica as <see cref="ConsultationOpenedConsumer"/> would from RegulatorLiaison's event.</summary>
    public async Task<ConsultationReplica> OpenConsultationAsync()
    {
        // Open by the real clock: the service checks deadlines against it.
        var now = DateTime.UtcNow;
        var consultation = ConsultationReplica.Opened(ConsultationEvents.Opened(reference: "REG-API-01", closesAt: now.AddDays(30), occurredAt: now));
        await WriteAsync(db => db.Consultations.Add(consultation));
        return consultation;
    }

    public Task<Paper> FindPaperAsync(Guid id) => ReadAsync(db => db.Papers.AsNoTracking().SingleAsync(p => p.Id == id));

    public Task<RowCounts> CountRowsAsync() => ReadAsync(async db => new RowCounts(
        await db.Papers.CountAsync(),
        await db.Set<PaperVersion>().CountAsync(),
        await db.OutboxMessages.CountAsync()));
}

public sealed record RowCounts(int Papers, int PaperVersions, int OutboxMessages);
