using PolicyEngage.ServiceDefaults.Hashing;

namespace PolicyEngage.Submissions.Papers;

/// <summary>What an author writes; its canonical JSON is what a version's content hash covers.</summary>
public sealed record PaperText(string Title, string Summary, string Body)
{
    /// <summary>SHA-256 of the canonical JSON of <c>{title, summary, body}</c>, as the SPEC publishes it.</summary>
    public string ContentHash() => Sha256Hex.OfCanonicalJson(this);
}
