using System.Text.Json.Serialization;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.Submissions.Papers;

internal static class PaperTextValidation
{
    public static RequestValidation PaperText(this RequestValidation validation, string? title, string? summary, string? body) => validation
        .Text("title", title, InputBounds.Title)
        .Text("summary", summary, InputBounds.Summary)
        .Utf8Text("body", body, InputBounds.BodyUtf8Bytes);
}

public sealed record CreatePaperRequest(Guid? ConsultationId, string? Title, string? Summary, string? Body) : IValidatedRequest
{
    public void Validate(RequestValidation validation) =>
        validation.Required("consultationId", ConsultationId).PaperText(Title, Summary, Body);

    [JsonIgnore]
    public PaperText Text => new(Title!, Summary!, Body!);
}

public sealed record EditPaperRequest(string? Title, string? Summary, string? Body) : IValidatedRequest
{
    public void Validate(RequestValidation validation) => validation.PaperText(Title, Summary, Body);

    [JsonIgnore]
    public PaperText Text => new(Title!, Summary!, Body!);
}
