using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Hashing;

namespace PolicyEngage.Testing.Events;

/// <summary>The events Submissions publishes about position papers, as an author causes them.</summary>
public static class PaperEvents
{
    /// <summary>
    /// A submitted version. Its text defaults to one of its own organisation and version, and its content hash to that
    /// of its text, so that two versions differ as they would in Submissions.
    /// </summary>
    public static PositionPaperSubmitted Submitted(
        Guid? consultationId = null,
        Guid? paperId = null,
        int version = 1,
        string organisation = "acme",
        string? title = null,
        string? summary = null,
        string? body = null,
        string? contentHash = null,
        Guid? causationId = null)
    {
        title ??= $"{organisation} position, version {version}";
        summary ??= $"Summary of {title}";
        body ??= $"Body of {title}.";
        return new PositionPaperSubmitted(consultationId ?? Guid.CreateVersion7(), paperId ?? Guid.CreateVersion7(), version,
            contentHash ?? ContentHashOf(title, summary, body), organisation, title, summary, body)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = ConsultationStory.Start.AddHours(1),
            Actor = "author-1",
            CausationId = causationId,
        };
    }

    public static PositionPaperWithdrawn Withdrawn(
        Guid paperId, int version = 1, string organisation = "acme", Guid? consultationId = null, Guid? causationId = null) =>
        new(consultationId ?? Guid.CreateVersion7(), paperId, version, organisation)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = ConsultationStory.Start.AddHours(5),
            Actor = "author-1",
            CausationId = causationId,
        };

    /// <summary>The withdrawal of the version <paramref name="submitted"/> announced.</summary>
    public static PositionPaperWithdrawn Withdrawn(PositionPaperSubmitted submitted) =>
        Withdrawn(submitted.PaperId, submitted.Version, submitted.Organisation, submitted.ConsultationId, submitted.EventId);

    /// <summary>The content hash Submissions gives a version: SHA-256 of the canonical JSON of its text.</summary>
    public static string ContentHashOf(string title, string summary, string body) => Sha256Hex.OfCanonicalJson(new { title, summary, body });
}
