using PolicyEngage.Contracts;
using PolicyEngage.Submissions.Consultations;
using PolicyEngage.Submissions.Papers;

namespace PolicyEngage.Submissions.Tests;

/// <summary>Builds the events and entities the paper tests start from.</summary>
internal static class PaperScenario
{
    public static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);

    public static readonly PaperText FirstText = new("Privacy by default", "Avatars must not leak location.", "Full body of the position.");

    public static ConsultationOpened Opened(DateTime? closesAt = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "REG-2026-01", "Metaverse privacy", "Call for positions", closesAt ?? Now.AddDays(30))
        {
            EventId = Guid.NewGuid(),
            OccurredAt = Now.AddDays(-1),
            Actor = "liaison",
        };

    public static ConsultationReplica OpenConsultation(DateTime? closesAt = null) => ConsultationReplica.Opened(Opened(closesAt));

    public static Paper SubmittedPaper(ConsultationReplica consultation)
    {
        var paper = Paper.Draft(consultation, "acme", FirstText, "author-1", Now);
        paper.Submit(consultation, "author-1", Now.AddMinutes(1));
        return paper;
    }

    public static ReviewCompleted Review(Paper paper, int version, ReviewOutcome outcome) =>
        new(paper.ConsultationId, paper.Id, version, paper.Versions.Single(v => v.Number == version).ContentHash, Guid.NewGuid(), outcome, "Reviewer comment")
        {
            EventId = Guid.NewGuid(),
            OccurredAt = Now.AddHours(1),
            Actor = "reviewer-1",
        };
}
