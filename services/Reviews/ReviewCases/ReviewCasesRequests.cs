using System.ComponentModel.DataAnnotations;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.Reviews.ReviewCases;

public sealed record DecisionRequest(ReviewOutcome? Decision, [property: MaxLength(InputBounds.Comment)] string? Comment) : IValidatedRequest
{
    public void Validate(RequestValidation validation)
    {
        // Undefined or combined names never bind (ServiceDefaults' enum converter); an absent decision arrives as null.
        if (Decision is null)
            validation.Add("decision", $"'decision' is required and must be one of {string.Join(", ", Enum.GetNames<ReviewOutcome>())}.");
        validation.Text("comment", Comment, InputBounds.Comment);
    }
}
