namespace PolicyEngage.Submissions.Papers;

/// <summary>A submitted version: frozen, never edited again.</summary>
public sealed class PaperVersion
{
    private PaperVersion() { }

    public PaperVersion(Guid paperId, int number, PaperText text, string contentHash, DateTime submittedAt, string submittedBy, string? submittedByEmail, Guid submittedEventId)
    {
        PaperId = paperId;
        Number = number;
        Title = text.Title;
        Summary = text.Summary;
        Body = text.Body;
        ContentHash = contentHash;
        SubmittedAt = submittedAt;
        SubmittedBy = submittedBy;
        SubmittedByEmail = submittedByEmail;
        SubmittedEventId = submittedEventId;
    }

    public Guid PaperId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string ContentHash { get; private set; } = "";
    public DateTime SubmittedAt { get; private set; }
    public string SubmittedBy { get; private set; } = "";

    /// <summary>Where the submitter is told of the decision on this version; never in an event or an answer.</summary>
    public string? SubmittedByEmail { get; private set; }
    public Guid SubmittedEventId { get; private set; }
}
