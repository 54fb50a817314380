using PolicyEngage.Contracts;
using PolicyEngage.Reviews.ReviewCases;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.Reviews.Tests;

public sealed class ReviewCaseTests
{
    private static readonly DateTime OpenedAt = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime DecidedAt = OpenedAt.AddHours(3);

    [Fact]
    public void Opening_copies_the_submitted_version_and_awaits_a_decision()
    {
        var submitted = PaperEvents.Submitted(version: 2, organisation: "acme");

        var reviewCase = ReviewCase.Open(submitted, OpenedAt);

        Assert.NotEqual(Guid.Empty, reviewCase.Id);
        Assert.Equal(submitted.PaperId, reviewCase.PaperId);
        Assert.Equal(2, reviewCase.PaperVersion);
        Assert.Equal(submitted.ConsultationId, reviewCase.ConsultationId);
        Assert.Equal("acme", reviewCase.Organisation);
        Assert.Equal((submitted.Title, submitted.Summary, submitted.Body), (reviewCase.Title, reviewCase.Summary, reviewCase.Body));
        Assert.Equal(submitted.ContentHash, reviewCase.ContentHash);
        Assert.Equal(submitted.EventId, reviewCase.SubmittedEventId);
        Assert.Equal(OpenedAt, reviewCase.OpenedAt);
        Assert.Equal(ReviewCaseStatus.Open, reviewCase.Status);
        Assert.Null(reviewCase.Decision);
        Assert.Null(reviewCase.DecidedAt);
        Assert.Empty(reviewCase.RaisedEvents());
    }

    [Theory]
    [InlineData(ReviewOutcome.Approve)]
    [InlineData(ReviewOutcome.RequestChanges)]
    [InlineData(ReviewOutcome.Reject)]
    public void A_decision_is_recorded_and_announced_once_naming_the_submission_as_its_cause(ReviewOutcome outcome)
    {
        var submitted = PaperEvents.Submitted(version: 3, organisation: "acme");
        var reviewCase = ReviewCase.Open(submitted, OpenedAt);

        reviewCase.Decide(outcome, "Well argued.", "reviewer-7", "globex", DecidedAt);

        Assert.Equal(ReviewCaseStatus.Decided, reviewCase.Status);
        Assert.Equal(outcome, reviewCase.Decision);
        Assert.Equal("Well argued.", reviewCase.Comment);
        Assert.Equal("reviewer-7", reviewCase.DecidedBy);
        Assert.Equal("globex", reviewCase.DeciderOrganisation);
        Assert.Equal(DecidedAt, reviewCase.DecidedAt);

        var completed = Assert.IsType<ReviewCompleted>(Assert.Single(reviewCase.RaisedEvents()));
        Assert.Equal(submitted.ConsultationId, completed.ConsultationId);
        Assert.Equal(submitted.PaperId, completed.PaperId);
        Assert.Equal(3, completed.Version);
        Assert.Equal(submitted.ContentHash, completed.ContentHash);
        Assert.Equal(reviewCase.Id, completed.ReviewCaseId);
        Assert.Equal(outcome, completed.Outcome);
        Assert.Equal("Well argued.", completed.Comment);
        Assert.NotEqual(Guid.Empty, completed.EventId);
        Assert.NotEqual(submitted.EventId, completed.EventId);
        Assert.Equal(DecidedAt, completed.OccurredAt);
        Assert.Equal("reviewer-7", completed.Actor);
        Assert.Equal(submitted.EventId, completed.CausationId);
    }

    [Fact]
    public void A_decided_case_cannot_be_decided_again()
    {
        var reviewCase = ReviewCase.Open(PaperEvents.Submitted(organisation: "acme"), OpenedAt);
        reviewCase.Decide(ReviewOutcome.Approve, "Fine.", "reviewer-7", "globex", DecidedAt);

        var conflict = Assert.Throws<StateConflictException>(() =>
            reviewCase.Decide(ReviewOutcome.Reject, "Changed my mind.", "reviewer-8", "initech", DecidedAt.AddMinutes(5)));

        Assert.Contains("already decided", conflict.Message);
        Assert.Equal(ReviewOutcome.Approve, reviewCase.Decision);
        Assert.Equal("reviewer-7", reviewCase.DecidedBy);
        Assert.Single(reviewCase.RaisedEvents());
    }

    [Fact]
    public void A_withdrawn_case_cannot_be_decided()
    {
        var reviewCase = ReviewCase.Open(PaperEvents.Submitted(organisation: "acme"), OpenedAt);
        reviewCase.MarkWithdrawn();

        var conflict = Assert.Throws<StateConflictException>(() =>
            reviewCase.Decide(ReviewOutcome.Approve, "Fine.", "reviewer-7", "globex", DecidedAt));

        Assert.Contains("paper withdrawn", conflict.Message);
        Assert.Equal(ReviewCaseStatus.Withdrawn, reviewCase.Status);
        Assert.Null(reviewCase.Decision);
        Assert.Empty(reviewCase.RaisedEvents());
    }

    [Fact]
    public void Only_the_papers_own_organisation_is_in_conflict_of_interest()
    {
        var reviewCase = ReviewCase.Open(PaperEvents.Submitted(organisation: "acme"), OpenedAt);

        Assert.True(reviewCase.IsConflictOfInterest("acme"));
        Assert.False(reviewCase.IsConflictOfInterest("globex"));
    }

    [Fact]
    public void A_reviewer_of_the_papers_own_organisation_is_refused_and_nothing_changes()
    {
        var reviewCase = ReviewCase.Open(PaperEvents.Submitted(organisation: "acme"), OpenedAt);

        Assert.Throws<InvalidOperationException>(() =>
            reviewCase.Decide(ReviewOutcome.Approve, "Ours is great.", "reviewer-1", "acme", DecidedAt));

        Assert.Equal(ReviewCaseStatus.Open, reviewCase.Status);
        Assert.Null(reviewCase.Decision);
        Assert.Empty(reviewCase.RaisedEvents());
    }

    [Fact]
    public void Withdrawing_closes_an_open_case()
    {
        var reviewCase = ReviewCase.Open(PaperEvents.Submitted(), OpenedAt);

        reviewCase.MarkWithdrawn();

        Assert.Equal(ReviewCaseStatus.Withdrawn, reviewCase.Status);
        Assert.Empty(reviewCase.RaisedEvents());
    }

    [Fact]
    public void Withdrawing_after_the_decision_keeps_the_decision()
    {
        var reviewCase = ReviewCase.Open(PaperEvents.Submitted(organisation: "acme"), OpenedAt);
        reviewCase.Decide(ReviewOutcome.RequestChanges, "Cite the standard.", "reviewer-7", "globex", DecidedAt);

        reviewCase.MarkWithdrawn();

        Assert.Equal(ReviewCaseStatus.Decided, reviewCase.Status);
        Assert.Equal(ReviewOutcome.RequestChanges, reviewCase.Decision);
    }
}
