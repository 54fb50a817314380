using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.RegulatorLiaison.Positions;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Hashing;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.RegulatorLiaison.Tests;

public sealed class DigestTests
{
    private static readonly DateTime CompileTime = new DateTime(2026, 4, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567);

    private readonly Consultation _consultation = Sample.ClosedConsultation();

    private TrackedPaper Paper(string organisation, params ReviewOutcome[] outcomes)
    {
        var paperId = Guid.CreateVersion7();
        var paper = new TrackedPaper(paperId, _consultation.Id);
        for (var version = 1; version <= Math.Max(1, outcomes.Length); version++)
        {
            var submitted = PaperEvents.Submitted(_consultation.Id, paperId, version, organisation);
            paper.RecordSubmission(submitted);
            if (version <= outcomes.Length) paper.RecordReview(ReviewEvents.Completed(submitted, outcomes[version - 1]));
        }
        return paper;
    }

    /// <summary>Accepted by Submissions while its replica had not yet heard of the close.</summary>
    private TrackedPaper SubmittedAfterTheClose(string organisation, ReviewOutcome? outcome = null)
    {
        var paper = new TrackedPaper(Guid.CreateVersion7(), _consultation.Id);
        var submitted = PaperEvents.Submitted(_consultation.Id, paper.PaperId, 1, organisation) with { OccurredAt = _consultation.ClosedAt!.Value.AddSeconds(1) };
        paper.RecordSubmission(submitted);
        if (outcome is { } decided) paper.RecordReview(ReviewEvents.Completed(submitted, decided));
        return paper;
    }

    private TrackedPaper Withdraw(TrackedPaper paper)
    {
        paper.RecordWithdrawal(PaperEvents.Withdrawn(paper.PaperId, paper.LatestSubmitted!.Version, paper.Organisation!, _consultation.Id)
            with { OccurredAt = CompileTime.AddDays(-1) });
        return paper;
    }

    private Digest Compile(params TrackedPaper[] papers) => Digest.Compile(_consultation, papers, "officer-1", CompileTime, ledgerCheckpoint: null, similarityThreshold: 0.8m);

    private Digest Delivered(params TrackedPaper[] papers)
    {
        var digest = Compile(papers);
        digest.RequestDelivery(new HashSet<Guid>(), "officer-1", CompileTime.AddMinutes(5));
        digest.ApplyReservation(ReservedBySubmissions(digest), CompileTime.AddMinutes(6));
        return digest;
    }

    /// <summary>Submissions' answer to the digest's delivery request, as it would publish it.</summary>
    private static DigestPapersReserved ReservedBySubmissions(Digest digest)
    {
        var request = Assert.IsType<DigestDeliveryRequested>(digest.RaisedEvents()[^1]);
        return new DigestPapersReserved(request.ConsultationId, request.DigestId, request.Papers)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = CompileTime.AddMinutes(6),
            Actor = "system",
            CausationId = request.EventId,
        };
    }

    private static DigestDeliveryRefused RefusedBySubmissions(Digest digest, params Guid[] withdrawnPaperIds)
    {
        var request = Assert.IsType<DigestDeliveryRequested>(digest.RaisedEvents()[^1]);
        return new DigestDeliveryRefused(request.ConsultationId, request.DigestId, request.Papers.Where(p => withdrawnPaperIds.Contains(p.PaperId)).ToList())
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = CompileTime.AddMinutes(6),
            Actor = "system",
            CausationId = request.EventId,
        };
    }

    [Fact]
    public void Compiling_while_the_consultation_is_open_is_a_state_conflict()
    {
        var open = Sample.OpenConsultation();

        Assert.Throws<StateConflictException>(() => Digest.Compile(open, [], "officer-1", CompileTime, ledgerCheckpoint: null, similarityThreshold: 0.8m));
    }

    [Fact]
    public void A_digest_carries_every_approved_position_and_counts_the_rest()
    {
        var acme = Paper("acme", ReviewOutcome.Approve);
        var betaFirst = Paper("beta", ReviewOutcome.RequestChanges, ReviewOutcome.Approve);
        var betaSecond = Paper("beta", ReviewOutcome.Approve);
        var pending = Paper("gamma");
        var changesRequested = Paper("delta", ReviewOutcome.RequestChanges);
        var rejected = Paper("epsilon", ReviewOutcome.Reject);
        var withdrawn = Withdraw(Paper("acme", ReviewOutcome.Approve));

        var digest = Compile(withdrawn, rejected, betaSecond, pending, acme, changesRequested, betaFirst);

        var document = digest.ReadDocument();
        Assert.Equal(
            new[] { acme, betaFirst, betaSecond }.OrderBy(p => p.Organisation, StringComparer.Ordinal).ThenBy(p => p.PaperId.ToString(), StringComparer.Ordinal)
                .Select(p => (p.PaperId, p.LatestSubmitted!.Version, p.LatestSubmitted.Body!)),
            document.Positions.Select(p => (p.PaperId, p.Version, p.Body)));
        Assert.Equal(2, document.Positions.Single(p => p.PaperId == betaFirst.PaperId).Version);
        Assert.Equal(new DigestStatistics(Positions: 3, Organisations: 2, PendingReview: 2, Rejected: 1, Withdrawn: 1, Late: 0), document.Statistics);
        Assert.Equal(document.Positions.Select(p => (p.PaperId, p.Version, p.ContentHash)), digest.Papers.Select(p => (p.PaperId, p.Version, p.ContentHash)));
    }

    [Fact]
    public void A_paper_submitted_after_the_close_is_counted_late_never_a_position_and_every_paper_is_counted_once()
    {
        var inTime = Paper("acme", ReviewOutcome.Approve);
        var late = SubmittedAfterTheClose("beta", ReviewOutcome.Approve);
        var lateThenWithdrawn = Withdraw(SubmittedAfterTheClose("gamma"));
        TrackedPaper[] papers = [inTime, late, lateThenWithdrawn, Paper("delta", ReviewOutcome.Reject), Paper("epsilon")];

        var statistics = Compile(papers).ReadDocument().Statistics;

        Assert.Equal(new DigestStatistics(Positions: 1, Organisations: 1, PendingReview: 1, Rejected: 1, Withdrawn: 1, Late: 1), statistics);
        Assert.Equal(papers.Length, statistics.Positions + statistics.PendingReview + statistics.Rejected + statistics.Withdrawn + statistics.Late);
    }

    [Fact]
    public void Compiling_while_an_approved_version_s_text_has_not_arrived_is_a_state_conflict()
    {
        var submitted = PaperEvents.Submitted(_consultation.Id, Guid.CreateVersion7(), 1, "acme");
        var overtaken = new TrackedPaper(submitted.PaperId, _consultation.Id);
        overtaken.RecordReview(ReviewEvents.Completed(submitted, ReviewOutcome.Approve));

        var conflict = Assert.Throws<StateConflictException>(() => Compile(Paper("beta", ReviewOutcome.Approve), overtaken));

        Assert.Contains("still arriving", conflict.Message);
        overtaken.RecordSubmission(submitted);
        Assert.Equal(2, Compile(overtaken, Paper("beta", ReviewOutcome.Approve)).ReadDocument().Positions.Count);
    }

    [Fact]
    public void A_digest_is_hashed_over_its_document_and_announced_as_caused_by_the_closing()
    {
        var approved = Paper("acme", ReviewOutcome.Approve);

        var digest = Compile(approved);

        var document = digest.ReadDocument();
        Assert.Equal(Sha256Hex.OfCanonicalJson(document), digest.ContentHash);
        Assert.Equal((digest.Id, _consultation.Id, _consultation.RegulatorId), (document.Id, document.ConsultationId, document.RegulatorId));
        // Truncated to whole milliseconds, so what is stored, hashed and returned agree everywhere.
        Assert.Equal(CompileTime.AddTicks(-4_567), document.CompiledAt);
        Assert.Equal(DateTimeKind.Utc, document.CompiledAt.Kind);

        var compiled = Assert.IsType<DigestCompiled>(Assert.Single(digest.RaisedEvents()));
        Assert.Equal((digest.CompiledEventId, _consultation.ClosedEventId), (compiled.EventId, compiled.CausationId));
        Assert.Equal((digest.Id, digest.ContentHash, "officer-1"), (compiled.DigestId, compiled.ContentHash, compiled.Actor));
        Assert.Equal([new DigestPaperVersion(approved.PaperId, 1, approved.LatestSubmitted!.ContentHash)], compiled.Papers);
    }

    [Fact]
    public void Delivering_asks_Submissions_to_reserve_the_versions_carried_and_delivers_only_on_its_answer()
    {
        var approved = Paper("acme", ReviewOutcome.Approve);
        var digest = Compile(approved);
        var carried = new[] { new DigestPaperVersion(approved.PaperId, 1, approved.LatestSubmitted!.ContentHash) };

        digest.RequestDelivery(new HashSet<Guid>(), "officer-2", CompileTime.AddMinutes(5));

        Assert.Equal(DigestStatus.Delivering, digest.Status);
        Assert.False(digest.IsVisibleToRegulator(_consultation.RegulatorId));
        var requested = Assert.IsType<DigestDeliveryRequested>(digest.RaisedEvents()[^1]);
        Assert.Equal((digest.DeliveryRequestedEventId, (Guid?)digest.CompiledEventId, "officer-2"), ((Guid?)requested.EventId, requested.CausationId, requested.Actor));
        Assert.Equal(carried, requested.Papers);

        var reserved = ReservedBySubmissions(digest);
        digest.ApplyReservation(reserved, CompileTime.AddMinutes(6));

        Assert.Equal(DigestStatus.Delivered, digest.Status);
        Assert.Equal(CompileTime.AddMinutes(6), digest.DeliveredAt);
        var delivered = Assert.IsType<DigestDelivered>(digest.RaisedEvents()[^1]);
        Assert.Equal(digest.DeliveredEventId, delivered.EventId);
        Assert.Equal((reserved.EventId, "officer-2"), (delivered.CausationId, delivered.Actor));
        Assert.Equal(carried, delivered.Papers);
    }

    [Fact]
    public void Delivering_again_changes_nothing_and_announces_nothing()
    {
        var delivering = Compile(Paper("acme", ReviewOutcome.Approve));
        delivering.RequestDelivery(new HashSet<Guid>(), "officer-1", CompileTime);
        var requests = delivering.RaisedEvents().Count;
        delivering.RequestDelivery(new HashSet<Guid>(), "officer-2", CompileTime.AddMinutes(1));
        Assert.Equal((DigestStatus.Delivering, requests), (delivering.Status, delivering.RaisedEvents().Count));

        var digest = Compile(Paper("acme", ReviewOutcome.Approve));
        digest.RequestDelivery(new HashSet<Guid>(), "officer-1", CompileTime);
        var reserved = ReservedBySubmissions(digest);
        digest.ApplyReservation(reserved, CompileTime.AddMinutes(1));
        var (deliveredAt, deliveredEventId, events) = (digest.DeliveredAt, digest.DeliveredEventId, digest.RaisedEvents().Count);

        digest.RequestDelivery(new HashSet<Guid>(), "officer-2", CompileTime.AddDays(1));
        digest.ApplyReservation(reserved with { EventId = Guid.CreateVersion7() }, CompileTime.AddDays(1));

        Assert.Equal((deliveredAt, deliveredEventId, events), (digest.DeliveredAt, digest.DeliveredEventId, digest.RaisedEvents().Count));
    }

    [Fact]
    public void A_refusal_marks_the_digest_refused_with_the_withdrawn_papers_and_later_answers_or_requests_change_nothing()
    {
        var withdrawnFirst = Paper("acme", ReviewOutcome.Approve);
        var digest = Compile(withdrawnFirst, Paper("beta", ReviewOutcome.Approve));
        digest.RequestDelivery(new HashSet<Guid>(), "officer-1", CompileTime);
        var refusal = RefusedBySubmissions(digest, withdrawnFirst.PaperId);
        var lateReservation = ReservedBySubmissions(digest);

        digest.ApplyRefusal(refusal);
        digest.ApplyReservation(lateReservation, CompileTime.AddMinutes(7));

        Assert.Equal(DigestStatus.Refused, digest.Status);
        Assert.Equal([withdrawnFirst.PaperId], digest.RefusedPapers);
        Assert.IsType<DigestDeliveryRequested>(digest.RaisedEvents()[^1]);
        Assert.False(digest.IsVisibleToRegulator(_consultation.RegulatorId));
        var again = Assert.Throws<StateConflictException>(() => digest.RequestDelivery(new HashSet<Guid>(), "officer-1", CompileTime.AddHours(1)));
        Assert.Contains("compile", again.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Delivering_a_digest_carrying_a_withdrawn_paper_is_refused()
    {
        var approved = Paper("acme", ReviewOutcome.Approve);
        var digest = Compile(approved, Paper("beta", ReviewOutcome.Approve));

        var refused = Assert.Throws<StateConflictException>(() => digest.RequestDelivery(new HashSet<Guid> { approved.PaperId }, "officer-1", CompileTime));

        Assert.Contains("compile", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(DigestStatus.Compiled, digest.Status);
        Assert.Single(digest.RaisedEvents());
    }

    [Fact]
    public void Acknowledging_before_delivery_is_a_state_conflict()
    {
        var digest = Compile(Paper("acme", ReviewOutcome.Approve));

        Assert.Throws<StateConflictException>(() => digest.Acknowledge(digest.ContentHash, "desk-1", CompileTime, ledgerCheckpoint: null));
        Assert.Equal(DigestStatus.Compiled, digest.Status);
    }

    [Fact]
    public void Acknowledging_with_another_hash_is_a_state_conflict_and_records_nothing()
    {
        var digest = Delivered(Paper("acme", ReviewOutcome.Approve));

        Assert.Throws<StateConflictException>(() => digest.Acknowledge(new string('0', 64), "desk-1", CompileTime.AddHours(1), ledgerCheckpoint: null));

        Assert.Equal(DigestStatus.Delivered, digest.Status);
        Assert.Null(digest.AcknowledgedAt);
        Assert.IsType<DigestDelivered>(digest.RaisedEvents()[^1]);
    }

    [Fact]
    public void Acknowledging_gives_a_receipt_caused_by_the_delivery_and_acknowledging_again_gives_the_same_receipt()
    {
        var digest = Delivered(Paper("acme", ReviewOutcome.Approve));
        var acknowledgedAt = CompileTime.AddHours(1);

        var receipt = digest.Acknowledge(digest.ContentHash, "desk-1", acknowledgedAt, ledgerCheckpoint: "note of size 7\n");

        Assert.Equal(new DigestReceipt(digest.Id, digest.ContentHash, acknowledgedAt, "desk-1", "note of size 7\n"), receipt);
        Assert.Equal(DigestStatus.Acknowledged, digest.Status);
        var acknowledged = Assert.IsType<DigestAcknowledged>(digest.RaisedEvents()[^1]);
        Assert.Equal((digest.DeliveredEventId, "desk-1", "desk-1"), (acknowledged.CausationId, acknowledged.Actor, acknowledged.AcknowledgedBy));
        Assert.Equal((digest.ContentHash, acknowledgedAt), (acknowledged.ContentHash, acknowledged.AcknowledgedAt));
        var events = digest.RaisedEvents().Count;

        var again = digest.Acknowledge(digest.ContentHash, "desk-2", acknowledgedAt.AddDays(1), ledgerCheckpoint: "note of size 9\n");

        Assert.Equal(receipt, again);
        Assert.Equal(events, digest.RaisedEvents().Count);
    }

    [Fact]
    public void Only_the_addressed_regulator_sees_the_digest_and_only_once_delivered()
    {
        var digest = Compile(Paper("acme", ReviewOutcome.Approve));
        Assert.False(digest.IsVisibleToRegulator(_consultation.RegulatorId));

        digest.RequestDelivery(new HashSet<Guid>(), "officer-1", CompileTime);
        Assert.False(digest.IsVisibleToRegulator(_consultation.RegulatorId));
        digest.ApplyReservation(ReservedBySubmissions(digest), CompileTime);

        Assert.True(digest.IsVisibleToRegulator(_consultation.RegulatorId));
        Assert.False(digest.IsVisibleToRegulator(Guid.CreateVersion7()));
        Assert.False(digest.IsVisibleToRegulator(null));
    }
}
