using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.Submissions.Papers;
using static PolicyEngage.Submissions.Tests.Support.PaperScenario;

namespace PolicyEngage.Submissions.Tests;

/// <summary>Submissions is the authority on withdrawal: a delivery reserves every paper it carries, or is refused.</summary>
public sealed class DigestReservationTests
{
    private static Paper Approved()
    {
        var paper = SubmittedPaper(OpenConsultation());
        paper.RecordReview(Review(paper, 1, ReviewOutcome.Approve), Now);
        return paper;
    }

    private static DigestDeliveryRequested RequestFor(params Paper[] papers) => new(
        papers[0].ConsultationId, Guid.CreateVersion7(), Guid.CreateVersion7(), new string('d', 64),
        papers.Select(p => new DigestPaperVersion(p.Id, p.Version, p.LatestSubmitted!.ContentHash)).ToList())
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = Now,
        Actor = "liaison-1",
    };

    [Fact]
    public void Every_approved_paper_is_reserved_and_can_no_longer_be_withdrawn()
    {
        var (first, second) = (Approved(), Approved());
        var request = RequestFor(first, second);

        var answer = DigestReservation.Answer(request, [first, second], Now.AddHours(2));

        Assert.True(answer!.Reserved);
        var reserved = Assert.IsType<DigestPapersReserved>(Assert.Single(answer.RaisedEvents()));
        Assert.Equal((request.DigestId, request.EventId, request.Papers), (reserved.DigestId, reserved.CausationId!.Value, reserved.Papers));
        Assert.All(new[] { first, second }, paper => Assert.Equal(request.DigestId, paper.ReservedByDigestId));
        var refusal = Assert.Throws<StateConflictException>(() => first.Withdraw("author-1", Now.AddHours(3)));
        Assert.Contains("delivered", refusal.Message);
        Assert.Equal(PaperStatus.Approved, first.Status);
    }

    [Fact]
    public void A_paper_withdrawn_first_refuses_the_delivery_and_nothing_is_reserved()
    {
        var (kept, withdrawn) = (Approved(), Approved());
        withdrawn.Withdraw("author-1", Now.AddHours(2));
        var request = RequestFor(kept, withdrawn);

        var answer = DigestReservation.Answer(request, [kept, withdrawn], Now.AddHours(3));

        Assert.False(answer!.Reserved);
        var refused = Assert.IsType<DigestDeliveryRefused>(Assert.Single(answer.RaisedEvents()));
        Assert.Equal([request.Papers[1]], refused.RefusedPapers);
        Assert.Equal(request.EventId, refused.CausationId);
        Assert.Null(kept.ReservedByDigestId);
    }

    [Fact]
    public void A_version_whose_approval_has_not_arrived_yet_is_waited_for_never_refused()
    {
        var approved = Approved();
        var awaitingItsApproval = SubmittedPaper(OpenConsultation());
        var request = RequestFor(approved, awaitingItsApproval);

        Assert.Null(DigestReservation.Answer(request, [approved, awaitingItsApproval], Now.AddHours(2)));
        Assert.Null(approved.ReservedByDigestId);

        awaitingItsApproval.RecordReview(Review(awaitingItsApproval, 1, ReviewOutcome.Approve), Now.AddHours(3));
        Assert.True(DigestReservation.Answer(request, [approved, awaitingItsApproval], Now.AddHours(4))!.Reserved);
    }
}
