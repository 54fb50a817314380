namespace PolicyEngage.Portal.Pages.Papers;

/// <summary>What a change did, carried across its redirect (Post/Redirect/Get) and said by the paper's page in the reader's language.</summary>
public static class PaperNotice
{
    public const string Key = "PaperNotice";
    public const string Created = "created";
    public const string Saved = "saved";
    public const string Submitted = "submitted";
    public const string Withdrawn = "withdrawn";
}
