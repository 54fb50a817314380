using System.ComponentModel.DataAnnotations;
using System.ComponentModel;
using System.Text.Json.Serialization;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Consultations;

public sealed record OpenConsultationRequest(
    Guid? RegulatorId,
    [property: MaxLength(InputBounds.Reference)] string? Reference,
    [property: MaxLength(InputBounds.Title)] string? Title,
    [property: MaxLength(InputBounds.Summary)] string? Summary,
    [property: Description("Strictly in the future and at most two years ahead; a time without an offset is UTC.")] DateTime? ClosesAt)
    : IValidatedRequest
{
    public void Validate(RequestValidation validation)
    {
        validation
            .Required("regulatorId", RegulatorId)
            .Text("reference", Reference, InputBounds.Reference)
            .Text("title", Title, InputBounds.Title)
            .Text("summary", Summary, InputBounds.Summary);

        if (ClosesAtUtc is not { } closesAt) validation.Add("closesAt", "'closesAt' is required.");
        else if (closesAt <= validation.UtcNow) validation.Add("closesAt", "'closesAt' must be in the future.");
        else if (closesAt > validation.UtcNow.AddYears(2)) validation.Add("closesAt", "'closesAt' must be at most two years ahead.");
    }

    /// <summary>Times are UTC: an offset is honoured, a time without one is taken as UTC.</summary>
    [JsonIgnore]
    public DateTime? ClosesAtUtc => ClosesAt switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        { } time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
