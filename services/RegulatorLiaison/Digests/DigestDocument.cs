using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Digests.Groups;
using PolicyEngage.RegulatorLiaison.Positions;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Hashing;
using PolicyEngage.ServiceDefaults.Json;

namespace PolicyEngage.RegulatorLiaison.Digests;

/// <summary>
/// Exactly what a digest's published <c>contentHash</c> covers: SHA-256 of the canonical JSON of
/// <c>{id, consultationId, regulatorId, compiledAt, positions, statistics, groups, ledgerCheckpoint}</c>. Its JSON is stored as compiled, so the
/// digest answers with the same values for as long as it exists. Adding a property here changes the published format: a
/// digest compiled before <c>groups</c> or <c>ledgerCheckpoint</c> joined it has neither, and keeps its hash.
/// </summary>
public sealed record DigestDocument(
    Guid Id,
    Guid ConsultationId,
    Guid RegulatorId,
    DateTime CompiledAt,
    IReadOnlyList<DigestPosition> Positions,
    DigestStatistics Statistics,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DigestGroup>? Groups,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LedgerCheckpointCopy? LedgerCheckpoint)
{
    public static DigestDocument Compile(
        Guid id, Consultation consultation, IReadOnlyCollection<TrackedPaper> papers, DateTime compiledAt, string? ledgerCheckpoint, decimal similarityThreshold)
    {
        if (papers.Any(p => p.IsAwaitingText))
            throw new StateConflictException(
                "Positions are still arriving: a decision on a paper has reached the liaison office before its text; compile again in a moment.");

        var closedAt = consultation.ClosedAt;
        var positions = Position.Of(papers, closedAt)
            .Select(p => new DigestPosition(p.PaperId, p.Version, p.ContentHash, p.Organisation, p.Title, p.Summary, p.Body))
            .ToList();
        var standings = papers.Select(p => p.StandingAt(closedAt)).ToList();
        var statistics = new DigestStatistics(
            Positions: positions.Count,
            Organisations: positions.Select(p => p.Organisation).Distinct(StringComparer.Ordinal).Count(),
            PendingReview: standings.Count(s => s == PaperStanding.PendingReview),
            Rejected: standings.Count(s => s == PaperStanding.Rejected),
            Withdrawn: standings.Count(s => s == PaperStanding.Withdrawn),
            Late: standings.Count(s => s == PaperStanding.Late));
        var groups = LikePositions.Group(positions.Select(p => new GroupCandidate(p.PaperId, p.Organisation, p.Body)).ToList(), similarityThreshold);
        return new DigestDocument(id, consultation.Id, consultation.RegulatorId, compiledAt, positions, statistics, groups, new LedgerCheckpointCopy(ledgerCheckpoint));
    }

    public string ContentHash() => Sha256Hex.OfCanonicalJson(this);

    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public static DigestDocument FromJson(string json) =>
        JsonSerializer.Deserialize<DigestDocument>(json, JsonDefaults.Options) ?? throw new JsonException("A stored digest document is empty.");
}

public sealed record DigestPosition(Guid PaperId, int Version, string ContentHash, string Organisation, string Title, string Summary, string Body);

/// <summary>
/// Every paper with a submitted version is counted once, by its latest version: <c>withdrawn</c> (after being submitted;
/// a draft discarded unsubmitted is never announced), else <c>late</c> (submitted after the close), else a position,
/// else <c>rejected</c>, else <c>pendingReview</c> (changes requested counts here). <c>late</c> joined the format later:
/// a digest compiled before it has none, and keeps none, so its published hash still holds.
/// </summary>
public sealed record DigestStatistics(
    int Positions,
    int Organisations,
    int PendingReview,
    int Rejected,
    int Withdrawn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Late);
