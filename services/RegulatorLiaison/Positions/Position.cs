namespace PolicyEngage.RegulatorLiaison.Positions;

/// <summary>A paper's approved, not withdrawn version with its full text: what the alliance puts before a regulator.</summary>
public sealed record Position(Guid PaperId, int Version, string ContentHash, string Organisation, string Title, string Summary, string Body)
{
    /// <summary>
    /// The positions among <paramref name="papers"/> of a consultation closed at <paramref name="closedAt"/> (null while
    /// open), by organisation then paper id, both compared ordinally on their JSON text so that anyone recomputing a
    /// digest's hash gets the same order.
    /// </summary>
    public static IReadOnlyList<Position> Of(IEnumerable<TrackedPaper> papers, DateTime? closedAt) => papers
        .Select(p => p.PositionAt(closedAt))
        .OfType<Position>()
        .OrderBy(p => p.Organisation, StringComparer.Ordinal)
        .ThenBy(p => p.PaperId.ToString(), StringComparer.Ordinal)
        .ToList();
}
