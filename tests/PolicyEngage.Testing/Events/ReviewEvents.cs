using PolicyEngage.Contracts;

namespace PolicyEngage.Testing.Events;

/// <summary>The events Reviews publishes, as a reviewer causes them.</summary>
public static class ReviewEvents
{
    public static ReviewCompleted Completed(
        Guid consultationId,
        Guid paperId,
        int version = 1,
        ReviewOutcome outcome = ReviewOutcome.Approve,
        string? contentHash = null,
        string comment = "Well argued.",
        Guid? causationId = null) =>
        new(consultationId, paperId, version, contentHash ?? ConsultationStory.ContentHash, Guid.CreateVersion7(), outcome, comment)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = ConsultationStory.Start.AddHours(2),
            Actor = "reviewer-1",
            CausationId = causationId,
        };

    /// <summary>The decision on the version <paramref name="submitted"/> announced.</summary>
    public static ReviewCompleted Completed(PositionPaperSubmitted submitted, ReviewOutcome outcome) =>
        Completed(submitted.ConsultationId, submitted.PaperId, submitted.Version, outcome, submitted.ContentHash, $"{outcome}: reasons.", submitted.EventId);
}
