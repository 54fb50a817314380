using System.Security.Cryptography;
using System.Text;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.Submissions.Papers;
using static PolicyEngage.Submissions.Tests.Support.PaperScenario;

namespace PolicyEngage.Submissions.Tests;

public class PaperTests
{
    [Fact]
    public void A_new_draft_is_version_1_and_announces_nothing()
    {
        var paper = Paper.Draft(OpenConsultation(), "acme", FirstText, "author-1", Now);

        Assert.Equal(PaperStatus.Draft, paper.Status);
        Assert.Equal(1, paper.Version);
        Assert.Equal("acme", paper.Organisation);
        Assert.Empty(paper.RaisedEvents());
    }

    [Fact]
    public void A_draft_is_refused_after_closesAt_and_on_a_closed_consultation()
    {
        var pastDeadline = OpenConsultation(closesAt: Now);
        Assert.Throws<StateConflictException>(() => Paper.Draft(pastDeadline, "acme", FirstText, "author-1", Now));

        var closed = OpenConsultation();
        closed.Close();
        Assert.Throws<StateConflictException>(() => Paper.Draft(closed, "acme", FirstText, "author-1", Now));
    }

    [Fact]
    public void Submitting_freezes_version_1_with_the_published_content_hash()
    {
        var opened = Opened();
        var consultation = Consultations.ConsultationReplica.Opened(opened);
        var paper = Paper.Draft(consultation, "acme", FirstText, "author-1", Now);

        paper.Submit(consultation, "author-1", null, Now.AddMinutes(5));

        var submitted = Assert.IsType<PositionPaperSubmitted>(Assert.Single(paper.RaisedEvents()));
        var expectedHash = IndependentContentHash(FirstText);
        Assert.Equal(PaperStatus.Submitted, paper.Status);
        Assert.Equal(expectedHash, submitted.ContentHash);
        Assert.Equal(expectedHash, paper.Versions.Single().ContentHash);
        Assert.Equal(1, submitted.Version);
        Assert.Equal(FirstText.Body, submitted.Body);
        Assert.Equal("author-1", submitted.Actor);
        Assert.Equal(opened.EventId, submitted.CausationId);
        Assert.Equal(submitted.EventId, paper.Versions.Single().SubmittedEventId);
    }

    [Fact]
    public void Submitting_after_the_deadline_is_refused_and_changes_nothing()
    {
        var consultation = OpenConsultation(closesAt: Now.AddMinutes(10));
        var paper = Paper.Draft(consultation, "acme", FirstText, "author-1", Now);

        Assert.Throws<StateConflictException>(() => paper.Submit(consultation, "author-1", null, Now.AddMinutes(10)));
        Assert.Equal(PaperStatus.Draft, paper.Status);
        Assert.Empty(paper.Versions);
        Assert.Empty(paper.RaisedEvents());
    }

    [Fact]
    public void A_submitted_paper_cannot_be_edited_or_submitted_again()
    {
        var consultation = OpenConsultation();
        var paper = SubmittedPaper(consultation);

        Assert.Throws<StateConflictException>(() => paper.Edit(FirstText with { Title = "New" }, Now));
        Assert.Throws<StateConflictException>(() => paper.Submit(consultation, "author-1", null, Now));
        Assert.Equal(FirstText.Title, paper.Title);
    }

    [Fact]
    public void Changes_requested_then_edit_makes_version_2_and_resubmission_names_the_review()
    {
        var consultation = OpenConsultation();
        var paper = SubmittedPaper(consultation);
        var review = Review(paper, 1, ReviewOutcome.RequestChanges);

        Assert.True(paper.RecordReview(review, Now));
        Assert.Equal(PaperStatus.ChangesRequested, paper.Status);
        Assert.Equal(1, paper.Version);
        Assert.Throws<StateConflictException>(() => paper.Submit(consultation, "author-1", null, Now));

        paper.Edit(FirstText with { Body = "Revised body" }, Now);
        Assert.Equal(2, paper.Version);
        paper.Edit(FirstText with { Body = "Revised twice" }, Now);
        Assert.Equal(2, paper.Version);

        paper.Submit(consultation, "author-1", null, Now.AddHours(2));
        var resubmitted = Assert.IsType<PositionPaperSubmitted>(paper.RaisedEvents().Last());
        Assert.Equal(2, resubmitted.Version);
        Assert.Equal(review.EventId, resubmitted.CausationId);
        Assert.Equal(IndependentContentHash(FirstText with { Body = "Revised twice" }), resubmitted.ContentHash);
        Assert.Equal([1, 2], paper.Versions.Select(v => v.Number).Order());
        Assert.Equal("Full body of the position.", paper.Versions.Single(v => v.Number == 1).Body);
    }

    [Theory]
    [InlineData(ReviewOutcome.Approve, PaperStatus.Approved)]
    [InlineData(ReviewOutcome.Reject, PaperStatus.Rejected)]
    [InlineData(ReviewOutcome.RequestChanges, PaperStatus.ChangesRequested)]
    public void A_decision_on_the_version_under_review_moves_the_paper(ReviewOutcome outcome, PaperStatus expected)
    {
        var paper = SubmittedPaper(OpenConsultation());

        paper.RecordReview(Review(paper, 1, outcome), Now);

        Assert.Equal(expected, paper.Status);
        Assert.Equal(outcome, Assert.Single(paper.Reviews).Decision);
    }

    [Fact]
    public void The_same_decision_recorded_twice_changes_nothing_the_second_time()
    {
        var paper = SubmittedPaper(OpenConsultation());
        var review = Review(paper, 1, ReviewOutcome.Approve);
        paper.RecordReview(review, Now);
        var revision = paper.Revision;

        Assert.False(paper.RecordReview(review with { EventId = Guid.NewGuid() }, Now));
        Assert.Single(paper.Reviews);
        Assert.Equal(revision, paper.Revision);
    }

    [Fact]
    public void An_approved_or_rejected_paper_cannot_be_edited()
    {
        var approved = SubmittedPaper(OpenConsultation());
        approved.RecordReview(Review(approved, 1, ReviewOutcome.Approve), Now);
        Assert.Throws<StateConflictException>(() => approved.Edit(FirstText, Now));

        var rejected = SubmittedPaper(OpenConsultation());
        rejected.RecordReview(Review(rejected, 1, ReviewOutcome.Reject), Now);
        Assert.Throws<StateConflictException>(() => rejected.Edit(FirstText, Now));
    }

    [Fact]
    public void Withdrawing_a_draft_never_submitted_is_private()
    {
        var paper = Paper.Draft(OpenConsultation(), "acme", FirstText, "author-1", Now);

        paper.Withdraw("author-1", Now);

        Assert.Equal(PaperStatus.Withdrawn, paper.Status);
        Assert.Empty(paper.RaisedEvents());
    }

    [Fact]
    public void Withdrawing_a_submitted_paper_announces_its_latest_version()
    {
        var paper = SubmittedPaper(OpenConsultation());
        var submitted = paper.Versions.Single();

        paper.Withdraw("author-2", Now.AddDays(1));

        var withdrawn = Assert.IsType<PositionPaperWithdrawn>(paper.RaisedEvents().Last());
        Assert.Equal(PaperStatus.Withdrawn, paper.Status);
        Assert.Equal(1, withdrawn.Version);
        Assert.Equal("author-2", withdrawn.Actor);
        Assert.Equal(submitted.SubmittedEventId, withdrawn.CausationId);
        Assert.Throws<StateConflictException>(() => paper.Withdraw("author-2", Now));
    }

    [Fact]
    public void A_paper_delivered_to_the_regulator_cannot_be_withdrawn()
    {
        var paper = SubmittedPaper(OpenConsultation());
        paper.RecordReview(Review(paper, 1, ReviewOutcome.Approve), Now);
        paper.MarkDeliveredToRegulator(Now);

        Assert.Throws<StateConflictException>(() => paper.Withdraw("author-1", Now));
        Assert.Equal(PaperStatus.Approved, paper.Status);
    }

    [Fact]
    public void A_decision_that_crossed_the_withdrawal_changes_nothing()
    {
        var paper = SubmittedPaper(OpenConsultation());
        paper.Withdraw("author-1", Now);
        var revision = paper.Revision;

        Assert.False(paper.RecordReview(Review(paper, 1, ReviewOutcome.Approve), Now.AddMinutes(1)));

        Assert.Equal(PaperStatus.Withdrawn, paper.Status);
        Assert.Empty(paper.Reviews);
        Assert.Equal(revision, paper.Revision);
    }

    [Fact]
    public void Every_change_bumps_the_revision_used_as_ETag()
    {
        var consultation = OpenConsultation();
        var paper = Paper.Draft(consultation, "acme", FirstText, "author-1", Now);
        var revisions = new List<int> { paper.Revision };

        paper.Edit(FirstText with { Title = "Second" }, Now);
        revisions.Add(paper.Revision);
        paper.Submit(consultation, "author-1", null, Now);
        revisions.Add(paper.Revision);
        paper.RecordReview(Review(paper, 1, ReviewOutcome.Approve), Now);
        revisions.Add(paper.Revision);

        Assert.Equal(revisions.Distinct().Count(), revisions.Count);
        Assert.Equal(revisions.Order(), revisions);
    }

    /// <summary>The SPEC's formula written out by hand: SHA-256 of {"body","summary","title"} with sorted keys.</summary>
    private static string IndependentContentHash(PaperText text)
    {
        static string Quote(string s) => System.Text.Json.JsonSerializer.Serialize(s, new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        var canonical = $"{{\"body\":{Quote(text.Body)},\"summary\":{Quote(text.Summary)},\"title\":{Quote(text.Title)}}}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
