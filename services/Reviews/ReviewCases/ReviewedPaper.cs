using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;

namespace PolicyEngage.Reviews.ReviewCases;

/// <summary>
/// One row per paper that every event about it passes through. The bus does not keep order, so a submission may
/// arrive after, or at the same instant as, the withdrawal of its paper: touching this row makes the two consumers'
/// transactions collide on its revision, and the loser, retried, sees what the winner did. Without it each could
/// commit on what it read before the other wrote (a withdrawn paper with an open case).
/// </summary>
public sealed class ReviewedPaper
{
    private ReviewedPaper() { }

    public Guid PaperId { get; private set; }

    /// <summary>The latest submitted version when the paper was withdrawn; it and every earlier version are withdrawn.</summary>
    public int? WithdrawnVersion { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }

    /// <summary>The concurrency token: bumped by every event applied to the paper.</summary>
    public int Revision { get; private set; }

    public static ReviewedPaper Track(Guid paperId) => new() { PaperId = paperId };

    public bool HasWithdrawn(int version) => WithdrawnVersion >= version;

    /// <summary>A submission is about to open a case: whatever else touches the paper now must wait for it, or it for them.</summary>
    public void RecordSubmission() => Revision++;

    public void RecordWithdrawal(PositionPaperWithdrawn withdrawn)
    {
        Revision++;
        if (WithdrawnVersion >= withdrawn.Version) return;
        WithdrawnVersion = withdrawn.Version;
        WithdrawnAt = withdrawn.OccurredAt;
    }
}

internal static class ReviewedPaperQueries
{
    /// <summary>The paper's row, or a new one for the first of its events to arrive (two such inserts collide on the key).</summary>
    public static async Task<ReviewedPaper> FindOrTrackAsync(this DbSet<ReviewedPaper> papers, Guid paperId, CancellationToken cancellationToken)
    {
        if (await papers.FindAsync([paperId], cancellationToken) is { } known) return known;
        var paper = ReviewedPaper.Track(paperId);
        papers.Add(paper);
        return paper;
    }
}
