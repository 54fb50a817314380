using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Positions;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.RegulatorLiaison.Digests;

/// <summary>
/// The approved positions of a closed consultation, compiled once and never changed, then delivered to the consultation's
/// regulator, who acknowledges it by quoting its content hash.
/// </summary>
public sealed class Digest : AggregateRoot
{
    private readonly List<DigestPaper> _papers = [];

    private Digest() { }

    public Guid Id { get; private set; }
    public Guid ConsultationId { get; private set; }
    public Guid RegulatorId { get; private set; }
    public DateTime CompiledAt { get; private set; }
    public string ContentHash { get; private set; } = "";

    /// <summary>The JSON of the <see cref="DigestDocument"/> exactly as hashed.</summary>
    public string Document { get; private set; } = "";

    public DigestStatus Status { get; private set; }
    public DateTime? DeliveredAt { get; private set; }
    public DateTime? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }

    /// <summary>The latest ledger checkpoint witnessed at the first acknowledgement, repeated in every receipt.</summary>
    public string? AcknowledgedCheckpoint { get; private set; }
    public Guid CompiledEventId { get; private set; }

    /// <summary>The <c>DigestDeliveryRequested</c> event; Submissions' answer names it as its cause.</summary>
    public Guid? DeliveryRequestedEventId { get; private set; }

    /// <summary>When delivery was asked for: a digest <c>Delivering</c> for too long is an alert (<see cref="DeliveryAlerts"/>).</summary>
    public DateTime? DeliveryRequestedAt { get; private set; }

    /// <summary>The liaison officer who asked; the delivery that follows Submissions' answer is announced as theirs.</summary>
    public string? DeliveryRequestedBy { get; private set; }
    public Guid? DeliveredEventId { get; private set; }

    /// <summary>The papers Submissions refused to reserve because they were withdrawn first.</summary>
    public IReadOnlyList<Guid> RefusedPapers { get; private set; } = [];

    /// <summary>The paper versions the digest carries.</summary>
    public IReadOnlyList<DigestPaper> Papers => _papers;

    public bool IsDelivered => Status is DigestStatus.Delivered or DigestStatus.Acknowledged;

    /// <summary>Compiles every approved, not withdrawn position of a closed consultation, with statistics over all its papers.</summary>
    /// <param name="ledgerCheckpoint">The latest ledger checkpoint witnessed, which the hashed document carries (null before the first).</param>
    /// <param name="similarityThreshold">How alike two bodies must be to be grouped (<c>Digests:SimilarityThreshold</c>).</param>
    public static Digest Compile(
        Consultation consultation, IReadOnlyCollection<TrackedPaper> papers, string actor, DateTime now, string? ledgerCheckpoint, decimal similarityThreshold)
    {
        if (consultation.Status != ConsultationStatus.Closed)
            throw new StateConflictException("A digest can be compiled only once the consultation is closed.");

        var compiledAt = WholeMilliseconds(now);
        var document = DigestDocument.Compile(Guid.CreateVersion7(), consultation, papers, compiledAt, ledgerCheckpoint, similarityThreshold);
        var digest = new Digest
        {
            Id = document.Id,
            ConsultationId = consultation.Id,
            RegulatorId = consultation.RegulatorId,
            CompiledAt = compiledAt,
            ContentHash = document.ContentHash(),
            Document = document.ToJson(),
            Status = DigestStatus.Compiled,
            CompiledEventId = Guid.CreateVersion7(),
        };
        digest._papers.AddRange(document.Positions.Select(p => new DigestPaper(digest.Id, p.PaperId, p.Version, p.ContentHash)));
        digest.Raise(new DigestCompiled(digest.ConsultationId, digest.RegulatorId, digest.Id, digest.ContentHash, digest.PaperVersions())
        {
            EventId = digest.CompiledEventId,
            OccurredAt = now,
            Actor = actor,
            CausationId = consultation.ClosedEventId,
        });
        return digest;
    }

    /// <summary>
    /// Asks Submissions, the authority on withdrawal, to reserve the papers the digest carries; the digest is delivered
    /// only on its answer (<see cref="ApplyReservation"/>). Asking again changes nothing. A digest carrying a paper this
    /// service already knows withdrawn, or one Submissions refused, must not reach the regulator: compile a new one.
    /// </summary>
    public void RequestDelivery(IReadOnlySet<Guid> withdrawnPaperIds, string actor, DateTime now)
    {
        if (Status == DigestStatus.Refused)
            throw new StateConflictException("Delivery was refused: a paper this digest carries was withdrawn first; compile the digest again.");
        if (Status != DigestStatus.Compiled) return;
        if (_papers.Any(p => withdrawnPaperIds.Contains(p.PaperId)))
            throw new StateConflictException("A paper in this digest has been withdrawn since it was compiled; compile the digest again.");

        Status = DigestStatus.Delivering;
        DeliveryRequestedAt = now;
        DeliveryRequestedBy = actor;
        DeliveryRequestedEventId = Guid.CreateVersion7();
        Raise(new DigestDeliveryRequested(ConsultationId, RegulatorId, Id, ContentHash, PaperVersions())
        {
            EventId = DeliveryRequestedEventId.Value,
            OccurredAt = now,
            Actor = actor,
            CausationId = CompiledEventId,
        });
    }

    /// <summary>Submissions reserved the papers: the digest reaches the regulator. Only the first answer counts.</summary>
    public void ApplyReservation(DigestPapersReserved reserved, DateTime now)
    {
        if (Status != DigestStatus.Delivering) return;

        Status = DigestStatus.Delivered;
        DeliveredAt = now;
        DeliveredEventId = Guid.CreateVersion7();
        Raise(new DigestDelivered(ConsultationId, RegulatorId, Id, ContentHash, PaperVersions())
        {
            EventId = DeliveredEventId.Value,
            OccurredAt = now,
            Actor = DeliveryRequestedBy!,
            CausationId = reserved.EventId,
        });
    }

    /// <summary>Submissions refused: a paper was withdrawn before it could be reserved. Only the first answer counts.</summary>
    public void ApplyRefusal(DigestDeliveryRefused refused)
    {
        if (Status != DigestStatus.Delivering) return;

        Status = DigestStatus.Refused;
        RefusedPapers = refused.RefusedPapers.Select(p => p.PaperId).ToList();
    }

    /// <summary>
    /// The regulator proves which text it received by quoting its hash. Acknowledging again returns the first receipt.
    /// </summary>
    public DigestReceipt Acknowledge(string contentHash, string acknowledgedBy, DateTime now, string? ledgerCheckpoint)
    {
        if (!IsDelivered) throw new StateConflictException("The digest has not been delivered yet.");
        if (!string.Equals(contentHash, ContentHash, StringComparison.Ordinal))
            throw new StateConflictException("The contentHash quoted does not match this digest's.");

        if (Status != DigestStatus.Acknowledged)
        {
            Status = DigestStatus.Acknowledged;
            AcknowledgedAt = now;
            AcknowledgedBy = acknowledgedBy;
            AcknowledgedCheckpoint = ledgerCheckpoint;
            Raise(new DigestAcknowledged(ConsultationId, RegulatorId, Id, ContentHash, now, acknowledgedBy)
            {
                EventId = Guid.CreateVersion7(),
                OccurredAt = now,
                Actor = acknowledgedBy,
                CausationId = DeliveredEventId,
            });
        }
        return new DigestReceipt(Id, ContentHash, AcknowledgedAt!.Value, AcknowledgedBy!, AcknowledgedCheckpoint);
    }

    /// <summary>Only the addressed regulator, and only once delivered, may know the digest exists.</summary>
    public bool IsVisibleToRegulator(Guid? regulatorId) => IsDelivered && regulatorId == RegulatorId;

    public DigestDocument ReadDocument() => DigestDocument.FromJson(Document);

    /// <summary>What compiling would give now (SPEC: digest-preview): the same document, at the same precision, with no id and nothing kept.</summary>
    public static DigestDocument Preview(
        Consultation consultation, IReadOnlyCollection<TrackedPaper> papers, DateTime now, string? ledgerCheckpoint, decimal similarityThreshold) =>
        DigestDocument.Compile(Guid.Empty, consultation, papers, WholeMilliseconds(now), ledgerCheckpoint, similarityThreshold);

    /// <summary>Whole milliseconds: the stored, hashed and returned times then agree on every provider and client.</summary>
    private static DateTime WholeMilliseconds(DateTime now) => new(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    /// <summary>In the digest's own order, which the database does not keep for <see cref="Papers"/>.</summary>
    private List<DigestPaperVersion> PaperVersions() =>
        ReadDocument().Positions.Select(p => new DigestPaperVersion(p.PaperId, p.Version, p.ContentHash)).ToList();
}

public enum DigestStatus
{
    Compiled,
    Delivering,
    Delivered,
    Acknowledged,
    Refused,
}

/// <summary>One paper version a digest carries.</summary>
public sealed class DigestPaper
{
    private DigestPaper() { }

    public DigestPaper(Guid digestId, Guid paperId, int version, string contentHash)
    {
        DigestId = digestId;
        PaperId = paperId;
        Version = version;
        ContentHash = contentHash;
    }

    public Guid DigestId { get; private set; }
    public Guid PaperId { get; private set; }
    public int Version { get; private set; }
    public string ContentHash { get; private set; } = "";
}

/// <summary>What the regulator keeps: the hash it quoted, when and by whom, and a copy of the ledger's head at that moment.</summary>
public sealed record DigestReceipt(Guid DigestId, string ContentHash, DateTime AcknowledgedAt, string AcknowledgedBy, string? LedgerCheckpoint);
