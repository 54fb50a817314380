using PolicyEngage.Contracts;

namespace PolicyEngage.Submissions.Papers;

/// <summary>A reviewer's decision on one version, as the author sees it.</summary>
public sealed class PaperReview
{
    private PaperReview() { }

    public PaperReview(ReviewCompleted review)
    {
        PaperId = review.PaperId;
        Version = review.Version;
        Decision = review.Outcome;
        Comment = review.Comment;
        DecidedAt = review.OccurredAt;
        EventId = review.EventId;
    }

    public Guid PaperId { get; private set; }
    public int Version { get; private set; }
    public ReviewOutcome Decision { get; private set; }
    public string Comment { get; private set; } = "";
    public DateTime DecidedAt { get; private set; }

    /// <summary>The <c>ReviewCompleted</c> event; a resubmission after it names it as its cause.</summary>
    public Guid EventId { get; private set; }
}
