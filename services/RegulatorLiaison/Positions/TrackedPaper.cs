using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;

namespace PolicyEngage.RegulatorLiaison.Positions;

/// <summary>
/// RegulatorLiaison's replica of a position paper, built from Submissions' and Reviews' events. The bus does not
/// order events between services, so every event is applied to whatever is already known: a review may create a
/// version whose text arrives later, a withdrawal may precede both.
/// </summary>
public sealed class TrackedPaper
{
    private readonly List<TrackedPaperVersion> _versions = [];

    private TrackedPaper() { }

    public TrackedPaper(Guid paperId, Guid consultationId)
    {
        PaperId = paperId;
        ConsultationId = consultationId;
    }

    public Guid PaperId { get; private set; }
    public Guid ConsultationId { get; private set; }

    /// <summary>Null only while a review is all that has arrived; reviews do not name the organisation.</summary>
    public string? Organisation { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }
    public int? WithdrawnVersion { get; private set; }

    public IReadOnlyList<TrackedPaperVersion> Versions => _versions;

    public TrackedPaperVersion? LatestSubmitted => _versions.MaxBy(v => v.Version);

    /// <summary>
    /// Where the paper stands, judged by its latest submitted version, in the SPEC's order: withdrawn, else late (submitted
    /// after the consultation closed at <paramref name="closedAt"/>, whatever Submissions' replica knew then), else its
    /// review's outcome.
    /// </summary>
    public PaperStanding StandingAt(DateTime? closedAt) =>
        WithdrawnAt is not null ? PaperStanding.Withdrawn
        : LatestSubmitted is { SubmittedAt: { } submittedAt } && submittedAt > closedAt ? PaperStanding.Late
        : LatestSubmitted?.Outcome switch
        {
            ReviewOutcome.Approve => PaperStanding.Approved,
            ReviewOutcome.Reject => PaperStanding.Rejected,
            _ => PaperStanding.PendingReview,
        };

    /// <summary>A decision on the latest version arrived, its submission (and so its text) not yet.</summary>
    public bool IsAwaitingText => WithdrawnAt is null && LatestSubmitted is { HasText: false };

    /// <summary>The approved text, once it has arrived; null for a paper that is not (or not yet) a position.</summary>
    public Position? PositionAt(DateTime? closedAt) => StandingAt(closedAt) == PaperStanding.Approved && LatestSubmitted is { HasText: true } approved
        ? new Position(PaperId, approved.Version, approved.ContentHash, Organisation!, approved.Title!, approved.Summary!, approved.Body!)
        : null;

    public void RecordSubmission(PositionPaperSubmitted submitted)
    {
        Organisation = submitted.Organisation;
        if (VersionNumbered(submitted.Version) is { } reviewedFirst) reviewedFirst.ApplyText(submitted);
        else _versions.Add(TrackedPaperVersion.Submitted(submitted));
    }

    /// <summary>A decision on a paper already withdrawn crossed the withdrawal on its way, and changes nothing.</summary>
    public void RecordReview(ReviewCompleted review)
    {
        if (WithdrawnAt is not null) return;
        if (VersionNumbered(review.Version) is { } submitted) submitted.ApplyOutcome(review.Outcome);
        else _versions.Add(TrackedPaperVersion.ReviewedBeforeSubmission(review));
    }

    /// <summary>Withdrawal is final: no later review revives the paper.</summary>
    public void RecordWithdrawal(PositionPaperWithdrawn withdrawn)
    {
        Organisation = withdrawn.Organisation;
        if (WithdrawnAt is not null) return;
        WithdrawnAt = withdrawn.OccurredAt;
        WithdrawnVersion = withdrawn.Version;
    }

    private TrackedPaperVersion? VersionNumbered(int version) => _versions.SingleOrDefault(v => v.Version == version);
}

/// <summary>What a paper's events add up to, for positions and digest statistics.</summary>
public enum PaperStanding
{
    PendingReview,
    Approved,
    Rejected,
    Withdrawn,
    Late,
}

internal static class TrackedPaperQueries
{
    /// <summary>The paper as known so far, or a new replica for the first of its events to arrive.</summary>
    public static async Task<TrackedPaper> FindOrTrackAsync(
        this DbSet<TrackedPaper> papers, Guid paperId, Guid consultationId, CancellationToken cancellationToken)
    {
        if (await papers.FindAsync([paperId], cancellationToken) is { } known) return known;
        var paper = new TrackedPaper(paperId, consultationId);
        papers.Add(paper);
        return paper;
    }
}
