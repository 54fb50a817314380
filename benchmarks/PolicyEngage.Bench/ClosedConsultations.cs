using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Contracts;
using PolicyEngage.Digests.Benchmarks;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.RegulatorLiaison.Digests.Groups;
using PolicyEngage.RegulatorLiaison.Positions;
using PolicyEngage.RegulatorLiaison.Regulators;
using PolicyEngage.ServiceDefaults.Hashing;

namespace PolicyEngage.Bench;

/// <summary>
/// Closed consultations whose every paper is an approved position, written through RegulatorLiaison's own context and
/// domain (each paper recorded from a submission and an approval, as its consumers record them), a thousand per save.
/// </summary>
internal static class ClosedConsultations
{
    private const int PapersPerSave = 1_000;

    /// <summary>A consultation of <paramref name="positions"/> approved papers, closed after they arrived; its id.</summary>
    public static async Task<Guid> FillAsync(IServiceProvider services, int positions)
    {
        var opened = DateTime.UtcNow;
        var regulator = Regulator.Register($"Regulator of {positions}", "EU", "bench-liaison", opened);
        var consultation = Consultation.Open(regulator, $"BENCH-{positions}", $"Consultation of {positions} positions", "Positions wanted.",
            opened.AddDays(30), "bench-liaison", opened);
        await SaveAsync(services, db =>
        {
            db.Regulators.Add(regulator);
            db.Consultations.Add(consultation);
        });
        foreach (var batch in PositionCorpus.Of(positions, seed: positions).Chunk(PapersPerSave))
            await SaveAsync(services, db => db.TrackedPapers.AddRange(batch.Select(p => Approved(consultation.Id, p, opened))));
        await SaveAsync(services, async db =>
            (await db.Consultations.SingleAsync(c => c.Id == consultation.Id)).Close("bench-liaison", ConsultationCloseReason.ClosedByOfficer, DateTime.UtcNow));
        return consultation.Id;
    }

    private static TrackedPaper Approved(Guid consultation, GroupCandidate position, DateTime submittedAt)
    {
        var paper = new TrackedPaper(position.PaperId, consultation);
        var contentHash = Sha256Hex.Of(position.Body);
        paper.RecordSubmission(new PositionPaperSubmitted(consultation, position.PaperId, 1, contentHash, position.Organisation,
            $"Position of {position.Organisation}", "What we ask for.", position.Body)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = submittedAt,
            Actor = "bench-author",
        });
        paper.RecordReview(new ReviewCompleted(consultation, position.PaperId, 1, contentHash, Guid.CreateVersion7(), ReviewOutcome.Approve, "Well argued.")
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = submittedAt,
            Actor = "bench-reviewer",
        });
        return paper;
    }

    private static Task SaveAsync(IServiceProvider services, Action<RegulatorLiaisonDbContext> change) =>
        SaveAsync(services, db =>
        {
            change(db);
            return Task.CompletedTask;
        });

    private static async Task SaveAsync(IServiceProvider services, Func<RegulatorLiaisonDbContext, Task> change)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegulatorLiaisonDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }
}
