using System.Text.Json.Serialization;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.Submissions.Papers;

internal static class PaperBounds
{
    public const int Title = 200;
    public const int Summary = 2000;
    public const int BodyBytes = 200 * 1024;

    public static RequestValidation PaperText(this RequestValidation validation, string? title, string? summary, string? body) => validation
        .Text("title", title, Title)
        .Text("summary", summary, Summary)
        .Utf8Text("body", body, BodyBytes);
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
