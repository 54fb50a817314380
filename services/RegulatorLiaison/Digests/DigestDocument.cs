using System.Text.Json;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Positions;
using PolicyEngage.ServiceDefaults.Hashing;
using PolicyEngage.ServiceDefaults.Json;

namespace PolicyEngage.RegulatorLiaison.Digests;

/// <summary>
/// Exactly what a digest's published <c>contentHash</c> covers: SHA-256 of the canonical JSON of
/// <c>{id, consultationId, regulatorId, compiledAt, positions, statistics}</c>. Its JSON is stored as compiled, so the
/// digest answers with the same values for as long as it exists. Adding a property here changes the published format.
/// </summary>
public sealed record DigestDocument(
    Guid Id,
    Guid ConsultationId,
    Guid RegulatorId,
    DateTime CompiledAt,
    IReadOnlyList<DigestPosition> Positions,
    DigestStatistics Statistics)
{
    public static DigestDocument Compile(Guid id, Consultation consultation, IReadOnlyCollection<TrackedPaper> papers, DateTime compiledAt)
    {
        var positions = Position.Of(papers)
            .Select(p => new DigestPosition(p.PaperId, p.Version, p.ContentHash, p.Organisation, p.Title, p.Summary, p.Body))
            .ToList();
        var statistics = new DigestStatistics(
            Positions: positions.Count,
            Organisations: positions.Select(p => p.Organisation).Distinct(StringComparer.Ordinal).Count(),
            PendingReview: papers.Count(p => p.Standing == PaperStanding.PendingReview),
            Rejected: papers.Count(p => p.Standing == PaperStanding.Rejected),
            Withdrawn: papers.Count(p => p.Standing == PaperStanding.Withdrawn));
        return new DigestDocument(id, consultation.Id, consultation.RegulatorId, compiledAt, positions, statistics);
    }

    public string ContentHash() => Sha256Hex.OfCanonicalJson(this);

    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public static DigestDocument FromJson(string json) =>
        JsonSerializer.Deserialize<DigestDocument>(json, JsonDefaults.Options) ?? throw new JsonException("A stored digest document is empty.");
}

public sealed record DigestPosition(Guid PaperId, int Version, string ContentHash, string Organisation, string Title, string Summary, string Body);

/// <summary>
/// <c>pendingReview</c>: submitted, not yet approved, rejected or withdrawn (changes requested counts here);
/// <c>withdrawn</c>: withdrawn after being submitted (a draft discarded unsubmitted is never announced).
/// </summary>
public sealed record DigestStatistics(int Positions, int Organisations, int PendingReview, int Rejected, int Withdrawn);
