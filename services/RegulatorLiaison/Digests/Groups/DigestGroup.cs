namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

/// <summary>
/// Two or more positions whose bodies are near-duplicates, joined transitively. <c>Similarity</c> is the lowest
/// Jaccard similarity between any two members, rounded to 4 decimals; members and organisations follow the digest's
/// position order. Part of the hashed digest document: its shape is published.
/// </summary>
public sealed record DigestGroup(IReadOnlyList<Guid> PaperIds, IReadOnlyList<string> Organisations, double Similarity);
