using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Positions;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.RegulatorLiaison.Tests;

/// <summary>The replica must reach the same state whatever order the bus delivers the events in.</summary>
public sealed class TrackedPaperTests
{
    /// <summary>No close time: the consultation is still open, so no submission is late.</summary>
    private static readonly DateTime? OpenConsultation = null;

    private static readonly Guid ConsultationId = Guid.CreateVersion7();

    private static TrackedPaper Apply(params IntegrationEvent[] events)
    {
        var paper = new TrackedPaper(PaperIdOf(events[0]), ConsultationId);
        foreach (var e in events)
        {
            switch (e)
            {
                case PositionPaperSubmitted submitted: paper.RecordSubmission(submitted); break;
                case ReviewCompleted review: paper.RecordReview(review); break;
                case PositionPaperWithdrawn withdrawn: paper.RecordWithdrawal(withdrawn); break;
            }
        }
        return paper;
    }

    private static Guid PaperIdOf(IntegrationEvent e) => e switch
    {
        PositionPaperSubmitted submitted => submitted.PaperId,
        ReviewCompleted review => review.PaperId,
        PositionPaperWithdrawn withdrawn => withdrawn.PaperId,
        _ => throw new ArgumentException($"{e.GetType().Name} is not a paper event."),
    };

    [Fact]
    public void A_version_submitted_after_the_close_is_late_and_never_a_position_even_approved()
    {
        var submitted = PaperEvents.Submitted(ConsultationId, Guid.CreateVersion7(), 1, "acme");
        var paper = Apply(submitted, ReviewEvents.Completed(submitted, ReviewOutcome.Approve));

        Assert.Equal(PaperStanding.Late, paper.StandingAt(submitted.OccurredAt.AddTicks(-1)));
        Assert.Null(paper.PositionAt(submitted.OccurredAt.AddTicks(-1)));
        // Submitted at the very moment of the close, or before it: in time.
        Assert.Equal(PaperStanding.Approved, paper.StandingAt(submitted.OccurredAt));
        Assert.NotNull(paper.PositionAt(submitted.OccurredAt));
    }

    [Fact]
    public void A_late_paper_withdrawn_counts_as_withdrawn_and_lateness_is_judged_by_its_latest_version()
    {
        var first = PaperEvents.Submitted(ConsultationId, Guid.CreateVersion7(), 1, "acme");
        var second = PaperEvents.Submitted(ConsultationId, first.PaperId, 2, "acme") with { OccurredAt = first.OccurredAt.AddHours(2) };
        var closedBetween = first.OccurredAt.AddHours(1);

        var resubmittedLate = Apply(first, ReviewEvents.Completed(first, ReviewOutcome.RequestChanges), second);
        var withdrawnAfterward = Apply(first, second, PaperEvents.Withdrawn(second));

        Assert.Equal(PaperStanding.Late, resubmittedLate.StandingAt(closedBetween));
        Assert.Equal(PaperStanding.Withdrawn, withdrawnAfterward.StandingAt(closedBetween));
    }

    [Fact]
    public void A_decision_that_overtook_its_submission_leaves_the_paper_awaiting_its_text_until_it_arrives()
    {
        var submitted = PaperEvents.Submitted(ConsultationId, Guid.CreateVersion7(), 1, "acme");
        var paper = Apply(ReviewEvents.Completed(submitted, ReviewOutcome.Approve));

        Assert.True(paper.IsAwaitingText);
        paper.RecordSubmission(submitted);
        Assert.False(paper.IsAwaitingText);
    }

    [Fact]
    public void A_submitted_version_awaits_review()
    {
        var paper = Apply(PaperEvents.Submitted(ConsultationId, Guid.CreateVersion7(), 1, "acme"));

        Assert.Equal(PaperStanding.PendingReview, paper.StandingAt(OpenConsultation));
        Assert.Null(paper.PositionAt(OpenConsultation));
    }

    [Fact]
    public void An_approved_version_is_a_position_with_its_full_text()
    {
        var submitted = PaperEvents.Submitted(ConsultationId, Guid.CreateVersion7(), 1, "acme");

        var paper = Apply(submitted, ReviewEvents.Completed(submitted, ReviewOutcome.Approve));

        Assert.Equal(PaperStanding.Approved, paper.StandingAt(OpenConsultation));
        Assert.Equal(
            new Position(submitted.PaperId, 1, submitted.ContentHash, "acme", submitted.Title, submitted.Summary, submitted.Body),
            paper.PositionAt(OpenConsultation));
    }

    [Theory]
    [InlineData(ReviewOutcome.Reject, PaperStanding.Rejected)]
    [InlineData(ReviewOutcome.RequestChanges, PaperStanding.PendingReview)]
    public void Other_decisions_are_not_positions(ReviewOutcome outcome, PaperStanding expected)
    {
        var submitted = PaperEvents.Submitted(ConsultationId, Guid.CreateVersion7(), 1, "acme");

        var paper = Apply(submitted, ReviewEvents.Completed(submitted, outcome));

        Assert.Equal(expected, paper.StandingAt(OpenConsultation));
        Assert.Null(paper.PositionAt(OpenConsultation));
    }

    [Fact]
    public void A_review_arriving_before_its_submission_is_completed_by_the_submission()
    {
        var submitted = PaperEvents.Submitted(ConsultationId, Guid.CreateVersion7(), 1, "acme");
        var review = ReviewEvents.Completed(submitted, ReviewOutcome.Approve);

        var paper = new TrackedPaper(submitted.PaperId, ConsultationId);
        paper.RecordReview(review);

        Assert.Equal(PaperStanding.Approved, paper.StandingAt(OpenConsultation));
        Assert.Null(paper.PositionAt(OpenConsultation)); // approved, but there is no text to put before a regulator yet
        Assert.Null(paper.Organisation);

        paper.RecordSubmission(submitted);

        Assert.Equal(submitted.Body, paper.PositionAt(OpenConsultation)?.Body);
        Assert.Equal("acme", paper.PositionAt(OpenConsultation)?.Organisation);
        Assert.Single(paper.Versions);
    }

    [Fact]
    public void A_withdrawal_before_the_review_keeps_the_paper_withdrawn_and_the_decision_that_crossed_it_changes_nothing()
    {
        var submitted = PaperEvents.Submitted(ConsultationId, Guid.CreateVersion7(), 1, "acme");

        var paper = Apply(submitted, PaperEvents.Withdrawn(submitted), ReviewEvents.Completed(submitted, ReviewOutcome.Approve));

        Assert.Equal(PaperStanding.Withdrawn, paper.StandingAt(OpenConsultation));
        Assert.Null(paper.PositionAt(OpenConsultation));
        Assert.Null(paper.LatestSubmitted?.Outcome);
    }

    [Fact]
    public void A_withdrawal_arriving_first_of_all_keeps_the_paper_withdrawn()
    {
        var submitted = PaperEvents.Submitted(ConsultationId, Guid.CreateVersion7(), 1, "acme");

        var paper = Apply(PaperEvents.Withdrawn(submitted), ReviewEvents.Completed(submitted, ReviewOutcome.Approve), submitted);

        Assert.Equal(PaperStanding.Withdrawn, paper.StandingAt(OpenConsultation));
        Assert.Equal(1, paper.WithdrawnVersion);
        Assert.Null(paper.PositionAt(OpenConsultation));
    }

    [Fact]
    public void The_latest_submitted_version_decides_and_an_approval_of_it_is_the_position()
    {
        var paperId = Guid.CreateVersion7();
        var first = PaperEvents.Submitted(ConsultationId, paperId, 1, "acme");
        var second = PaperEvents.Submitted(ConsultationId, paperId, 2, "acme", title: "Revised");

        var resubmitted = Apply(first, ReviewEvents.Completed(first, ReviewOutcome.RequestChanges), second);
        Assert.Equal(PaperStanding.PendingReview, resubmitted.StandingAt(OpenConsultation));

        // Version 2's approval overtakes everything about version 1.
        var paper = Apply(ReviewEvents.Completed(second, ReviewOutcome.Approve), second, ReviewEvents.Completed(first, ReviewOutcome.RequestChanges), first);

        Assert.Equal(PaperStanding.Approved, paper.StandingAt(OpenConsultation));
        Assert.Equal((2, "Revised", second.ContentHash), (paper.PositionAt(OpenConsultation)?.Version, paper.PositionAt(OpenConsultation)?.Title, paper.PositionAt(OpenConsultation)?.ContentHash));
    }

    [Fact]
    public void Positions_are_ordered_by_organisation_then_paper_id_ordinally()
    {
        Guid Id(char c) => Guid.Parse(new string(c, 32));
        TrackedPaper Approved(Guid paperId, string organisation)
        {
            var submitted = PaperEvents.Submitted(ConsultationId, paperId, 1, organisation);
            return Apply(submitted, ReviewEvents.Completed(submitted, ReviewOutcome.Approve));
        }

        var positions = Position.Of(closedAt: OpenConsultation, papers: [
            Approved(Id('b'), "beta"), Approved(Id('a'), "beta"), Approved(Id('f'), "Zeta"), Approved(Id('1'), "acme"),
            Apply(PaperEvents.Submitted(ConsultationId, Id('0'), 1, "aaa-pending")),
        ]);

        // Ordinal: upper case sorts before lower case, and digits before letters.
        Assert.Equal(
            [("Zeta", Id('f')), ("acme", Id('1')), ("beta", Id('a')), ("beta", Id('b'))],
            positions.Select(p => (p.Organisation, p.PaperId)));
    }
}
