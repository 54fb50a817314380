using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.Reviews.ReviewCases;

public sealed record DecisionRequest(ReviewOutcome? Decision, string? Comment) : IValidatedRequest
{
    public const int CommentMaxLength = 5000;

    public void Validate(RequestValidation validation)
    {
        // Defined values only: the JSON enum converter also reads "RequestChanges, Reject" as a combined value.
        if (Decision is not { } decision || !Enum.IsDefined(decision))
            validation.Add("decision", $"'decision' is required and must be one of {string.Join(", ", Enum.GetNames<ReviewOutcome>())}.");
        validation.Text("comment", Comment, CommentMaxLength);
    }
}
