using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Hashing;

namespace PolicyEngage.Reviews.Tests;

/// <summary>The events Submissions publishes, as the tests need them.</summary>
internal static class PaperEvents
{
    public static PositionPaperSubmitted Submitted(Guid? paperId = null, int version = 1, string organisation = "acme", Guid? consultationId = null)
    {
        var (title, summary, body) = ($"Position v{version}", "Why the alliance should speak up.", "The full argument.");
        return new PositionPaperSubmitted(
            consultationId ?? Guid.CreateVersion7(), paperId ?? Guid.CreateVersion7(), version,
            Sha256Hex.OfCanonicalJson(new { title, summary, body }), organisation, title, summary, body)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = DateTime.UtcNow,
            Actor = "author-1",
            CausationId = Guid.CreateVersion7(),
        };
    }

    public static PositionPaperWithdrawn Withdrawn(Guid paperId, int version, string organisation = "acme") =>
        new(Guid.CreateVersion7(), paperId, version, organisation)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = DateTime.UtcNow,
            Actor = "author-1",
        };
}
