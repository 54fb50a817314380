using PolicyEngage.ServiceDefaults.Hashing;

namespace PolicyEngage.Audit.Ledger;

/// <summary>
/// One link of the append-only chain: an integration event as stored (<see cref="Data"/>), hashed together with
/// the hash of the entry before it. Rows are only ever inserted.
/// </summary>
public sealed class LedgerEntry
{
    /// <summary>The <see cref="PreviousHash"/> of the first entry.</summary>
    public static readonly string GenesisHash = new('0', Sha256Hex.Length);

    private readonly List<LedgerEntryPaper> _papers = [];

    private LedgerEntry() { }

    /// <summary>Assigned by the ledger: the head's sequence + 1, from 1, without gaps.</summary>
    public long Sequence { get; private set; }
    public Guid EventId { get; private set; }

    /// <summary>The event record's name, e.g. <c>PositionPaperSubmitted</c>.</summary>
    public string EventType { get; private set; } = "";
    public DateTime OccurredAt { get; private set; }
    public string Actor { get; private set; } = "";

    /// <summary>The publishing service, from the message header; <c>unknown</c> when it was absent.</summary>
    public string Service { get; private set; } = "";
    public Guid? ConsultationId { get; private set; }
    public Guid? PaperId { get; private set; }
    public Guid? CausationId { get; private set; }

    /// <summary>The stored event: canonical JSON (RFC 8785), paper bodies replaced by their hash.</summary>
    public string Data { get; private set; } = "";
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    /// <summary>Every paper the event names, including those a digest carried, so each paper's timeline finds it.</summary>
    public IReadOnlyList<LedgerEntryPaper> Papers => _papers;

    /// <summary>The SPEC's formula: SHA-256 over the UTF-8 of the previous hash (lowercase hex) followed by the stored event.</summary>
    public static string HashOf(string previousHash, string data) => Sha256Hex.Of(previousHash, data);

    /// <summary>Links a waiting event onto the entry whose hash is <paramref name="previousHash"/>.</summary>
    public static LedgerEntry Chain(PendingEvent pending, long sequence, string previousHash, DateTime recordedAt)
    {
        var references = StoredEvent.ReferencesOf(pending.Data);
        var entry = new LedgerEntry
        {
            Sequence = sequence,
            EventId = pending.EventId,
            EventType = pending.EventType,
            OccurredAt = pending.OccurredAt,
            Actor = pending.Actor,
            Service = pending.Service,
            ConsultationId = references.ConsultationId,
            PaperId = references.PaperId,
            CausationId = pending.CausationId,
            Data = pending.Data,
            PreviousHash = previousHash,
            Hash = HashOf(previousHash, pending.Data),
            RecordedAt = recordedAt,
        };
        entry._papers.AddRange(references.PaperIds.Select(paperId => new LedgerEntryPaper(sequence, paperId)));
        return entry;
    }
}

/// <summary>A paper named by a ledger entry.</summary>
public sealed class LedgerEntryPaper(long sequence, Guid paperId)
{
    public long Sequence { get; private set; } = sequence;
    public Guid PaperId { get; private set; } = paperId;
}
