using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Persistence;
using PolicyEngage.Submissions.Consultations;

namespace PolicyEngage.Submissions.Papers;

/// <summary>A member organisation's position paper: a working text plus the versions it has frozen by submitting.</summary>
public sealed class Paper : AggregateRoot
{
    private readonly List<PaperVersion> _versions = [];
    private readonly List<PaperReview> _reviews = [];

    private Paper() { }

    public Guid Id { get; private set; }
    public Guid ConsultationId { get; private set; }
    public string Organisation { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string Body { get; private set; } = "";
    public PaperStatus Status { get; private set; }

    /// <summary>The number the working text is or will become when submitted.</summary>
    public int Version { get; private set; }

    /// <summary>Bumped on every change: the ETag and the optimistic-concurrency token.</summary>
    public int Revision { get; private set; }

    /// <summary>Set once a digest carrying this paper reached the regulator; from then on it cannot be withdrawn.</summary>
    public bool DeliveredToRegulator { get; private set; }

    /// <summary>The digest whose delivery reserved the paper: from then on it cannot be withdrawn.</summary>
    public Guid? ReservedByDigestId { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<PaperVersion> Versions => _versions;
    public IReadOnlyList<PaperReview> Reviews => _reviews;

    public PaperText Text => new(Title, Summary, Body);

    public PaperVersion? LatestSubmitted => _versions.MaxBy(v => v.Number);

    public static Paper Draft(ConsultationReplica consultation, string organisation, PaperText text, string author, DateTime now)
    {
        EnsureAcceptsPapers(consultation, now);
        return new Paper
        {
            Id = Guid.CreateVersion7(),
            ConsultationId = consultation.Id,
            Organisation = organisation,
            Title = text.Title,
            Summary = text.Summary,
            Body = text.Body,
            Status = PaperStatus.Draft,
            Version = 1,
            Revision = 1,
            CreatedAt = now,
            CreatedBy = author,
            UpdatedAt = now,
        };
    }

    public void Edit(PaperText text, DateTime now)
    {
        if (Status is not (PaperStatus.Draft or PaperStatus.ChangesRequested))
            throw new StateConflictException($"A paper can be edited only as a draft or after changes were requested; it is {Status}.");

        // The first edit after changes were requested on version N starts version N+1.
        if (Status == PaperStatus.ChangesRequested && Version == LatestSubmitted?.Number) Version++;
        (Title, Summary, Body) = (text.Title, text.Summary, text.Body);
        Touch(now);
    }

    /// <param name="authorEmail">Kept with the version, so that its decision can be mailed to whoever submitted it.</param>
    public void Submit(ConsultationReplica consultation, string author, string? authorEmail, DateTime now)
    {
        if (Status is not (PaperStatus.Draft or PaperStatus.ChangesRequested))
            throw new StateConflictException($"Only a draft or a paper with changes requested can be submitted; it is {Status}.");
        if (Status == PaperStatus.ChangesRequested && Version == LatestSubmitted?.Number)
            throw new StateConflictException($"Changes were requested on version {Version}; edit the paper before resubmitting it.");
        EnsureAcceptsPapers(consultation, now);

        var contentHash = Text.ContentHash();
        var submitted = new PositionPaperSubmitted(ConsultationId, Id, Version, contentHash, Organisation, Title, Summary, Body)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = now,
            Actor = author,
            // A resubmission answers the review that asked for changes; a first one answers the consultation.
            CausationId = _reviews.MaxBy(r => r.Version)?.EventId ?? consultation.OpenedEventId,
        };
        _versions.Add(new PaperVersion(Id, Version, Text, contentHash, now, author, authorEmail, submitted.EventId));
        Status = PaperStatus.Submitted;
        Touch(now);
        Raise(submitted);
    }

    /// <summary>Withdraws the paper; a draft never submitted is discarded privately, with no event.</summary>
    public void Withdraw(string author, DateTime now)
    {
        if (Status == PaperStatus.Withdrawn) throw new StateConflictException("The paper is already withdrawn.");
        if (ReservedByDigestId is not null || DeliveredToRegulator)
            throw new StateConflictException("A digest carrying this paper is being or has been delivered to the regulator; it can no longer be withdrawn.");

        Status = PaperStatus.Withdrawn;
        Touch(now);
        if (LatestSubmitted is { } latest)
        {
            Raise(new PositionPaperWithdrawn(ConsultationId, Id, latest.Number, Organisation)
            {
                EventId = Guid.CreateVersion7(),
                OccurredAt = now,
                Actor = author,
                CausationId = latest.SubmittedEventId,
            });
        }
    }

    /// <summary>
    /// Records a reviewer's decision. It moves the paper only when it decides the version under review; a decision on
    /// an older version is kept as history only. A decision on a withdrawn paper crossed the withdrawal on its way (the
    /// reviewer decided before Reviews heard of it) and changes nothing. Returns false when nothing was recorded.
    /// </summary>
    public bool RecordReview(ReviewCompleted review, DateTime now)
    {
        if (Status == PaperStatus.Withdrawn || _reviews.Any(r => r.Version == review.Version)) return false;

        _reviews.Add(new PaperReview(review));
        if (Status == PaperStatus.Submitted && LatestSubmitted?.Number == review.Version)
        {
            Status = review.Outcome switch
            {
                ReviewOutcome.Approve => PaperStatus.Approved,
                ReviewOutcome.RequestChanges => PaperStatus.ChangesRequested,
                ReviewOutcome.Reject => PaperStatus.Rejected,
                _ => throw new ArgumentOutOfRangeException(nameof(review), review.Outcome, "Unknown review outcome."),
            };
        }
        Touch(now);
        return true;
    }

    /// <summary>
    /// Whether a delivery of <paramref name="version"/> can be answered now: refused if withdrawn; reservable once this
    /// service has learnt the version's approval; otherwise not yet (the approval is still on its way).
    /// </summary>
    public bool? IsReservable(int version) =>
        Status == PaperStatus.Withdrawn ? false
        : Status == PaperStatus.Approved && LatestSubmitted?.Number == version ? true
        : null;

    public void Reserve(Guid digestId, DateTime now)
    {
        ReservedByDigestId = digestId;
        Touch(now);
    }

    public void MarkDeliveredToRegulator(DateTime now)
    {
        if (DeliveredToRegulator) return;
        DeliveredToRegulator = true;
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Revision++;
    }

    private static void EnsureAcceptsPapers(ConsultationReplica consultation, DateTime now)
    {
        if (!consultation.AcceptsPapersAt(now))
            throw new StateConflictException("The consultation is closed or past its closesAt deadline; it accepts no papers.");
    }
}
