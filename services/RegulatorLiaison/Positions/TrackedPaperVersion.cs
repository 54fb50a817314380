using PolicyEngage.Contracts;

namespace PolicyEngage.RegulatorLiaison.Positions;

/// <summary>One submitted version as far as its events have arrived: its text from the submission, its outcome from the review.</summary>
public sealed class TrackedPaperVersion
{
    private TrackedPaperVersion() { }

    public Guid PaperId { get; private set; }
    public int Version { get; private set; }
    public string? Title { get; private set; }
    public string? Summary { get; private set; }
    public string? Body { get; private set; }
    public string ContentHash { get; private set; } = "";
    public ReviewOutcome? Outcome { get; private set; }

    /// <summary>The submission's <c>occurredAt</c>: the time Submissions froze the version, whatever its replica knew.</summary>
    public DateTime? SubmittedAt { get; private set; }

    public bool HasText => Title is not null;

    internal static TrackedPaperVersion Submitted(PositionPaperSubmitted submitted)
    {
        var version = new TrackedPaperVersion { PaperId = submitted.PaperId, Version = submitted.Version };
        version.ApplyText(submitted);
        return version;
    }

    internal static TrackedPaperVersion ReviewedBeforeSubmission(ReviewCompleted review) => new()
    {
        PaperId = review.PaperId,
        Version = review.Version,
        ContentHash = review.ContentHash,
        Outcome = review.Outcome,
    };

    internal void ApplyText(PositionPaperSubmitted submitted)
    {
        Title = submitted.Title;
        Summary = submitted.Summary;
        Body = submitted.Body;
        ContentHash = submitted.ContentHash;
        SubmittedAt = submitted.OccurredAt;
    }

    /// <summary>A version is decided once; the first decision recorded stands.</summary>
    internal void ApplyOutcome(ReviewOutcome outcome) => Outcome ??= outcome;
}
