namespace PolicyEngage.Portal.Pages.Papers;

/// <summary>A page that edits a paper's text (new or existing) with a preview beside the fields (<c>_PaperTextFields</c>).</summary>
public interface IPaperTextForm
{
    string Title { get; }
    string Summary { get; }
    string Body { get; }
}

public static class PaperTextFields
{
    /// <summary>The API's field names (its problem details) as the form's.</summary>
    public static readonly IReadOnlyDictionary<string, string> FromApi = new Dictionary<string, string>
    {
        ["title"] = nameof(IPaperTextForm.Title),
        ["summary"] = nameof(IPaperTextForm.Summary),
        ["body"] = nameof(IPaperTextForm.Body),
    };
}
