using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.Reviews.ReviewCases;

/// <summary>The review of one submitted paper version: the frozen text under review and, once decided, the decision.</summary>
public sealed class ReviewCase : AggregateRoot
{
    private ReviewCase() { }

    public Guid Id { get; private set; }
    public Guid PaperId { get; private set; }
    public int PaperVersion { get; private set; }
    public Guid ConsultationId { get; private set; }

    /// <summary>The organisation that wrote the paper; its own reviewers may not decide on it.</summary>
    public string Organisation { get; private set; } = "";

    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string ContentHash { get; private set; } = "";

    /// <summary>The <c>PositionPaperSubmitted</c> event that opened the case; the decision names it as its cause.</summary>
    public Guid SubmittedEventId { get; private set; }

    public DateTime OpenedAt { get; private set; }
    public ReviewCaseStatus Status { get; private set; }
    public ReviewOutcome? Decision { get; private set; }
    public string? Comment { get; private set; }

    /// <summary>The reviewer's subject.</summary>
    public string? DecidedBy { get; private set; }

    public string? DeciderOrganisation { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    public static ReviewCase Open(PositionPaperSubmitted submitted, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        PaperId = submitted.PaperId,
        PaperVersion = submitted.Version,
        ConsultationId = submitted.ConsultationId,
        Organisation = submitted.Organisation,
        Title = submitted.Title,
        Summary = submitted.Summary,
        Body = submitted.Body,
        ContentHash = submitted.ContentHash,
        SubmittedEventId = submitted.EventId,
        OpenedAt = now,
        Status = ReviewCaseStatus.Open,
    };

    public bool IsConflictOfInterest(string reviewerOrganisation) =>
        string.Equals(Organisation, reviewerOrganisation, StringComparison.Ordinal);

    public void Decide(ReviewOutcome decision, string comment, string reviewer, string reviewerOrganisation, DateTime now)
    {
        // The endpoint answers 403 before getting here; this guards every other caller.
        if (IsConflictOfInterest(reviewerOrganisation))
            throw new InvalidOperationException("A reviewer cannot decide on a paper of their own organisation.");
        switch (Status)
        {
            case ReviewCaseStatus.Decided:
                throw new StateConflictException($"This review case is already decided ({Decision}).");
            case ReviewCaseStatus.Withdrawn:
                throw new StateConflictException("This review case can no longer be decided: paper withdrawn by its organisation.");
        }

        Status = ReviewCaseStatus.Decided;
        Decision = decision;
        Comment = comment;
        DecidedBy = reviewer;
        DeciderOrganisation = reviewerOrganisation;
        DecidedAt = now;
        Raise(new ReviewCompleted(ConsultationId, PaperId, PaperVersion, ContentHash, Id, decision, comment)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = now,
            Actor = reviewer,
            CausationId = SubmittedEventId,
        });
    }

    /// <summary>The author withdrew the paper: an open case closes undecided; a decision already taken stands.</summary>
    public void MarkWithdrawn()
    {
        if (Status == ReviewCaseStatus.Open) Status = ReviewCaseStatus.Withdrawn;
    }
}
