namespace PolicyEngage.Reviews.ReviewCases;

public enum ReviewCaseStatus
{
    Open,
    Decided,
    Withdrawn,
}
