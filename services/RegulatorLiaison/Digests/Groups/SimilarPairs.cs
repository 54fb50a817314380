using System.Runtime.InteropServices;

namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

/// <summary>
/// Every pair of sets whose Jaccard similarity is at least the threshold, found by prefix filtering (the AllPairs join):
/// sets are taken smallest first, each probes an inverted index of the earlier sets' prefixes with its own prefix
/// (<see cref="JaccardThreshold.PrefixLength"/>), partners smaller than ⌈t·|x|⌉ are skipped, and each remaining
/// candidate is verified by its exact overlap. Both filters only drop pairs that cannot be like, so nothing is missed;
/// with the rarest tokens first, a prefix is mostly shingles no other body has, and few pairs are ever verified.
/// </summary>
internal sealed record SimilarPairs(IReadOnlyList<(int First, int Second)> Pairs, long Verified)
{
    public static SimilarPairs Find(IReadOnlyList<int[]> sets, JaccardThreshold threshold)
    {
        var pairs = new List<(int, int)>();
        var verified = 0L;
        var holders = new Dictionary<int, List<int>>();
        var lastProbedBy = new int[sets.Count];
        Array.Fill(lastProbedBy, -1);
        var candidates = new List<int>();
        // OrderBy is stable: equal sizes keep their index order, so the run is the same every time.
        foreach (var set in Enumerable.Range(0, sets.Count).OrderBy(s => sets[s].Length))
        {
            var tokens = sets[set];
            var prefix = threshold.PrefixLength(tokens.Length);
            var smallestPartner = threshold.LeastOverlap(tokens.Length);
            candidates.Clear();
            for (var i = 0; i < prefix; i++)
            {
                if (!holders.TryGetValue(tokens[i], out var earlier)) continue;
                foreach (var other in earlier)
                {
                    if (lastProbedBy[other] == set || sets[other].Length < smallestPartner) continue;
                    lastProbedBy[other] = set;
                    candidates.Add(other);
                }
            }
            foreach (var other in candidates)
            {
                verified++;
                if (threshold.Admits(ShingleSets.Overlap(tokens, sets[other]), tokens.Length, sets[other].Length)) pairs.Add((other, set));
            }
            for (var i = 0; i < prefix; i++)
            {
                ref var holding = ref CollectionsMarshal.GetValueRefOrAddDefault(holders, tokens[i], out _);
                (holding ??= []).Add(set);
            }
        }
        return new SimilarPairs(pairs, verified);
    }
}
