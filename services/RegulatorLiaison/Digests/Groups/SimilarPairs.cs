using System.Runtime.InteropServices;

namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

/// <summary>
/// Every pair of sets whose Jaccard similarity is at least the threshold, found by prefix filtering (the AllPairs join):
/// sets are taken smallest first, each probes an inverted index of the earlier sets' prefixes with its own prefix
/// (<see cref="JaccardThreshold.PrefixLength"/>), partners smaller than ⌈t·|x|⌉ are skipped, and each remaining
/// candidate is verified by its exact overlap. Both filters only drop pairs that cannot be like, so nothing is missed.
/// A prefix starts with the set's unshared shingles, which meet nothing: only its shared part is probed and indexed,
/// and a set whose prefix is all unshared is like no other.
/// </summary>
internal sealed record SimilarPairs(IReadOnlyList<(int First, int Second)> Pairs, long Verified)
{
    public static SimilarPairs Find(IReadOnlyList<ShingleSet> sets, JaccardThreshold threshold)
    {
        var pairs = new List<(int, int)>();
        var verified = 0L;
        var holders = new Dictionary<int, List<int>>();
        var lastProbedBy = new int[sets.Count];
        Array.Fill(lastProbedBy, -1);
        var candidates = new List<int>();
        // OrderBy is stable: equal sizes keep their index order, so the run is the same every time.
        foreach (var index in Enumerable.Range(0, sets.Count).OrderBy(s => sets[s].Size))
        {
            var set = sets[index];
            var sharedPrefix = threshold.PrefixLength(set.Size) - set.Unique;
            var smallestPartner = threshold.LeastOverlap(set.Size);
            candidates.Clear();
            for (var i = 0; i < sharedPrefix; i++)
            {
                if (!holders.TryGetValue(set.Shared[i], out var earlier)) continue;
                foreach (var other in earlier)
                {
                    if (lastProbedBy[other] == index || sets[other].Size < smallestPartner) continue;
                    lastProbedBy[other] = index;
                    candidates.Add(other);
                }
            }
            foreach (var other in candidates)
            {
                verified++;
                if (threshold.Admits(set.Overlap(sets[other]), set.Size, sets[other].Size)) pairs.Add((other, index));
            }
            for (var i = 0; i < sharedPrefix; i++)
            {
                ref var holding = ref CollectionsMarshal.GetValueRefOrAddDefault(holders, set.Shared[i], out _);
                (holding ??= []).Add(index);
            }
        }
        return new SimilarPairs(pairs, verified);
    }
}
