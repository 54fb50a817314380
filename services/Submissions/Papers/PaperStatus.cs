namespace PolicyEngage.Submissions.Papers;

public enum PaperStatus
{
    Draft,
    Submitted,
    ChangesRequested,
    Approved,
    Rejected,
    Withdrawn,
}
