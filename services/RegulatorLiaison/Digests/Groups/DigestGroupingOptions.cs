namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

/// <summary>Configuration section <c>Digests</c>: how like two bodies must be to share a group.</summary>
public sealed class DigestGroupingOptions
{
    public const string Section = "Digests";

    /// <summary>
    /// The least Jaccard similarity of two bodies' word 5-shingle sets for them to be grouped; above 0, at most 1. A
    /// decimal, so the configured "0.8" is exactly 0.8 and a pair exactly at it is grouped.
    /// </summary>
    public decimal SimilarityThreshold { get; set; } = 0.8m;
}
