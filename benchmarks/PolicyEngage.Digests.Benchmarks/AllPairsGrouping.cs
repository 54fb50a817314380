using PolicyEngage.RegulatorLiaison.Digests.Groups;

namespace PolicyEngage.Digests.Benchmarks;

/// <summary>
/// What the search saves: shingles as joined strings, every pair's Jaccard similarity, like pairs joined transitively.
/// Answers each group's members only, to check that the search found the same groups.
/// </summary>
internal static class AllPairsGrouping
{
    public static List<List<Guid>> Of(List<GroupCandidate> positions, decimal threshold)
    {
        var sets = positions.Select(p => ShinglesOf(BodyWords.Of(p.Body))).ToList();
        var root = Enumerable.Range(0, positions.Count).ToArray();
        int Find(int i) => root[i] == i ? i : root[i] = Find(root[i]);
        for (var i = 0; i < sets.Count; i++)
            for (var j = i + 1; j < sets.Count; j++)
            {
                if (sets[i].Count == 0 || sets[j].Count == 0) continue;
                var shared = sets[i].Count(sets[j].Contains);
                if (shared >= threshold * (sets[i].Count + sets[j].Count - shared)) root[Find(j)] = Find(i);
            }
        return Enumerable.Range(0, positions.Count).Where(i => sets[i].Count > 0).GroupBy(Find)
            .Where(g => g.Count() > 1).Select(g => g.Select(i => positions[i].PaperId).ToList()).ToList();
    }

    private static HashSet<string> ShinglesOf(IReadOnlyList<string> words) =>
        words.Count is > 0 and < 5
            ? [string.Join(' ', words)]
            : Enumerable.Range(0, Math.Max(words.Count - 4, 0)).Select(i => string.Join(' ', words.Skip(i).Take(5))).ToHashSet(StringComparer.Ordinal);
}
