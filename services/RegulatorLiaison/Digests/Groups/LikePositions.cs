namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

/// <summary>
/// The SPEC's groups of like positions: each set of two or more positions whose bodies' word 5-shingle sets (see
/// <see cref="BodyWords"/>, <see cref="Shingle"/>) have a Jaccard similarity of at least the threshold, joined
/// transitively. A body without words is never grouped. Groups and their members follow the input's order (a group sits
/// where its first member does); organisations are the members' distinct ones (ordinal), in member order. The search is
/// exact (<see cref="SimilarPairs"/>): the same input gives the same groups on every run and machine.
/// </summary>
public static class LikePositions
{
    /// <param name="threshold">Above 0 and at most 1; decimal, so that a pair exactly at it is in.</param>
    public static IReadOnlyList<DigestGroup> Group(IReadOnlyList<GroupCandidate> positions, decimal threshold) =>
        Search(positions, threshold).Groups;

    /// <summary>
    /// The groups, and how many candidate pairs the search verified (against n(n−1)/2 for comparing all pairs).
    /// <see cref="DigestGroup.Similarity"/> is the lowest Jaccard similarity between two members, rounded to 4 decimals
    /// half away from zero (0.12345 is 0.1235), from the exact fraction.
    /// </summary>
    public static LikePositionsSearch Search(IReadOnlyList<GroupCandidate> positions, decimal threshold)
    {
        var jaccard = new JaccardThreshold(threshold);
        var distinct = DistinctSets.Of(ShingleSets.Of(positions.Select(p => p.Body).ToList()));
        var similar = SimilarPairs.Find(distinct.Sets, jaccard);
        var components = new DisjointSets(distinct.Sets.Count);
        foreach (var (first, second) in similar.Pairs) components.Union(first, second);

        var membersByRoot = new Dictionary<int, List<int>>();
        var inOrder = new List<List<int>>();
        for (var position = 0; position < positions.Count; position++)
        {
            var set = distinct.SetOf[position];
            if (set == DistinctSets.None) continue;
            var root = components.Find(set);
            if (!membersByRoot.TryGetValue(root, out var members))
            {
                membersByRoot[root] = members = [];
                inOrder.Add(members);
            }
            members.Add(position);
        }

        var groups = inOrder.Where(members => members.Count >= 2).Select(members => new DigestGroup(
            members.Select(m => positions[m].PaperId).ToList(),
            DistinctInOrder(members.Select(m => positions[m].Organisation)),
            LowestSimilarity(members.Select(m => distinct.SetOf[m]).Distinct().Select(s => distinct.Sets[s]).ToList()))).ToList();
        return new LikePositionsSearch(groups, similar.Verified);
    }

    /// <summary>
    /// Over every pair of the group's distinct sets (quadratic in the group only); identical bodies are 1. Fractions are
    /// compared by cross-multiplying, and only the lowest is divided, in decimal, so rounding sees the exact value.
    /// </summary>
    private static double LowestSimilarity(List<ShingleSet> sets)
    {
        var (lowestOverlap, lowestUnion) = (1L, 1L);
        for (var i = 0; i < sets.Count; i++)
            for (var j = i + 1; j < sets.Count; j++)
            {
                long overlap = sets[i].Overlap(sets[j]);
                var union = sets[i].Size + sets[j].Size - overlap;
                if (overlap * lowestUnion < lowestOverlap * union) (lowestOverlap, lowestUnion) = (overlap, union);
            }
        return (double)Math.Round((decimal)lowestOverlap / lowestUnion, 4, MidpointRounding.AwayFromZero);
    }

    private static List<string> DistinctInOrder(IEnumerable<string> organisations)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return organisations.Where(seen.Add).ToList();
    }
}

public sealed record LikePositionsSearch(IReadOnlyList<DigestGroup> Groups, long PairsVerified);
