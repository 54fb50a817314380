using PolicyEngage.RegulatorLiaison.Digests.Groups;

namespace PolicyEngage.RegulatorLiaison.Digests.Renderings;

/// <summary>
/// Everything a person reading a digest is shown, in one place, so the HTML, Markdown and PDF renderings hold the same
/// facts. It carries names the digest itself only refers to by id (the consultation, the regulator, group members).
/// </summary>
public sealed record DigestReading(
    string ConsultationReference,
    string ConsultationTitle,
    string RegulatorName,
    Guid DigestId,
    DateTime CompiledAt,
    DigestStatus Status,
    DigestStatistics Statistics,
    IReadOnlyList<ReadingGroup> Groups,
    IReadOnlyList<DigestPosition> Positions,
    string ContentHash,
    string? LedgerCheckpoint)
{
    public static DigestReading Of(
        DigestResponse digest, string consultationReference, string consultationTitle, string regulatorName)
    {
        // A digest compiled before groups joined its format has none.
        var groups = digest.Groups ?? [];
        var titles = digest.Positions.ToDictionary(p => p.PaperId, p => p.Title);
        return new DigestReading(
            consultationReference, consultationTitle, regulatorName, digest.Id, digest.CompiledAt, digest.Status, digest.Statistics,
            groups.Select(g => ReadingGroup.Of(g, titles)).ToList(), digest.Positions, digest.ContentHash, digest.LedgerCheckpoint?.Note);
    }
}

/// <summary>A group of like positions with each member's organisation and title, in the digest's position order.</summary>
public sealed record ReadingGroup(double Similarity, IReadOnlyList<ReadingGroupMember> Members)
{
    public static ReadingGroup Of(DigestGroup group, IReadOnlyDictionary<Guid, string> titles)
    {
        if (group.PaperIds.Count != group.Organisations.Count)
            throw new ArgumentException("A digest group names one organisation for each of its papers.", nameof(group));
        var members = group.PaperIds
            .Select((paperId, i) => new ReadingGroupMember(paperId, group.Organisations[i], titles.GetValueOrDefault(paperId)))
            .ToList();
        return new ReadingGroup(group.Similarity, members);
    }
}

/// <summary>A member of a group; <c>Title</c> is null only if the group names a paper the digest does not carry.</summary>
public sealed record ReadingGroupMember(Guid PaperId, string Organisation, string? Title);
