using PolicyEngage.Contracts;
using PolicyEngage.Submissions.Consultations;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.Submissions.Tests.Support;

/// <summary>The consultation and papers the paper tests start from, around one fixed moment.</summary>
internal static class PaperScenario
{
    public static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);

    public static readonly PaperText FirstText = new("Privacy by default", "Avatars must not leak location.", "Full body of the position.");

    /// <summary>The scenario's consultation as RegulatorLiaison announced it the day before <see cref="Now"/>.</summary>
    public static ConsultationOpened Opened(DateTime? closesAt = null) =>
        ConsultationEvents.Opened(reference: "REG-2026-01", closesAt: closesAt ?? Now.AddDays(30), occurredAt: Now.AddDays(-1));

    public static ConsultationReplica OpenConsultation(DateTime? closesAt = null) => ConsultationReplica.Opened(Opened(closesAt));

    public static Paper SubmittedPaper(ConsultationReplica consultation, string? authorEmail = null)
    {
        var paper = Paper.Draft(consultation, "acme", FirstText, "author-1", Now);
        paper.Submit(consultation, "author-1", authorEmail, Now.AddMinutes(1));
        return paper;
    }

    /// <summary>Reviews' decision on one of <paramref name="paper"/>'s versions, an hour after <see cref="Now"/>.</summary>
    public static ReviewCompleted Review(Paper paper, int version, ReviewOutcome outcome) =>
        ReviewEvents.Completed(paper.ConsultationId, paper.Id, version, outcome, paper.Versions.Single(v => v.Number == version).ContentHash)
            with { OccurredAt = Now.AddHours(1) };
}
