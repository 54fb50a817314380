using System.ComponentModel.DataAnnotations;
using System.ComponentModel;
using System.Text.Json.Serialization;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.Submissions.Papers;

internal static class PaperTextValidation
{
    /// <summary>JSON Schema bounds strings in characters; the body's bound is in bytes, so it is said in words.</summary>
    public const string BodyBound = "At most 200 KB (204,800 bytes) of UTF-8.";

    public static RequestValidation PaperText(this RequestValidation validation, string? title, string? summary, string? body) => validation
        .Text("title", title, InputBounds.Title)
        .Text("summary", summary, InputBounds.Summary)
        .Utf8Text("body", body, InputBounds.BodyUtf8Bytes);
}

public sealed record CreatePaperRequest(
    Guid? ConsultationId,
    [property: MaxLength(InputBounds.Title)] string? Title, [property: MaxLength(InputBounds.Summary)] string? Summary,
    [property: Description(PaperTextValidation.BodyBound)] string? Body)
    : IValidatedRequest
{
    public void Validate(RequestValidation validation) =>
        validation.Required("consultationId", ConsultationId).PaperText(Title, Summary, Body);

    [JsonIgnore]
    public PaperText Text => new(Title!, Summary!, Body!);
}

public sealed record EditPaperRequest(
    [property: MaxLength(InputBounds.Title)] string? Title, [property: MaxLength(InputBounds.Summary)] string? Summary,
    [property: Description(PaperTextValidation.BodyBound)] string? Body)
    : IValidatedRequest
{
    public void Validate(RequestValidation validation) => validation.PaperText(Title, Summary, Body);

    [JsonIgnore]
    public PaperText Text => new(Title!, Summary!, Body!);
}
