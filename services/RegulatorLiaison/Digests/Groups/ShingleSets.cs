using System.Runtime.InteropServices;

namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

/// <summary>
/// Each body's <see cref="ShingleSet"/>, its shared shingles ranked in one global order over the digest: rarest first
/// (fewest bodies holding the shingle), ties in the ordinal order of the shingle's words. A set's first tokens are then its
/// rarest, which is what makes prefix filtering cheap; the order depends on the bodies only, not on their order.
/// </summary>
internal static class ShingleSets
{
    private const int NotShared = -1;

    public static ShingleSet[] Of(IReadOnlyList<string> bodies)
    {
        var (sets, tokenOf, frequencies) = Tokenised(WordRanksOf(bodies));
        var rankOf = SharedRanks(tokenOf, frequencies);
        return sets.Select(set =>
        {
            var shared = set.Select(token => rankOf[token]).Where(rank => rank != NotShared).ToArray();
            Array.Sort(shared);
            return new ShingleSet(set.Length, shared);
        }).ToArray();
    }

    /// <summary>Each body's words as ranks in the ordinal order of all the digest's distinct words.</summary>
    private static int[][] WordRanksOf(IReadOnlyList<string> bodies)
    {
        var idOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var bodiesWords = bodies.Select(body => BodyWords.Of(body).Select(word =>
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(idOf, word, out var known);
            if (!known) id = idOf.Count - 1;
            return id;
        }).ToArray()).ToArray();

        var byOrdinal = idOf.Keys.ToArray();
        var ids = idOf.Values.ToArray();
        Array.Sort(byOrdinal, ids, StringComparer.Ordinal);
        var rankOf = new int[ids.Length];
        for (var rank = 0; rank < ids.Length; rank++) rankOf[ids[rank]] = rank;

        foreach (var bodyWords in bodiesWords)
            for (var i = 0; i < bodyWords.Length; i++) bodyWords[i] = rankOf[bodyWords[i]];
        return bodiesWords;
    }

    /// <summary>Each body's distinct tokens, numbered as first met; each token's shingle, and how many bodies hold it.</summary>
    private static (int[][] Sets, Dictionary<Shingle, int> TokenOf, List<int> Frequencies) Tokenised(int[][] words)
    {
        var shingleCount = words.Sum(w => w.Length == 0 ? 0 : Math.Max(w.Length - Shingle.Width + 1, 1));
        var tokenOf = new Dictionary<Shingle, int>(shingleCount);
        var frequencies = new List<int>(shingleCount);
        var sets = new int[words.Length][];
        var bodyTokens = new HashSet<int>();
        for (var body = 0; body < words.Length; body++)
        {
            bodyTokens.Clear();
            foreach (var shingle in Shingle.Of(words[body]))
            {
                ref var token = ref CollectionsMarshal.GetValueRefOrAddDefault(tokenOf, shingle, out var known);
                if (!known)
                {
                    token = frequencies.Count;
                    frequencies.Add(0);
                }
                bodyTokens.Add(token);
            }
            sets[body] = bodyTokens.ToArray();
            var counted = CollectionsMarshal.AsSpan(frequencies);
            foreach (var token in sets[body]) counted[token]++;
        }
        return (sets, tokenOf, frequencies);
    }

    /// <summary>Each token's rank among the tokens two or more bodies hold, in the global order, else <see cref="NotShared"/>.</summary>
    private static int[] SharedRanks(Dictionary<Shingle, int> tokenOf, List<int> frequencies)
    {
        var shared = tokenOf.Where(entry => frequencies[entry.Value] >= 2).ToList();
        var keys = shared.Select(entry => (Frequency: frequencies[entry.Value], Shingle: entry.Key)).ToArray();
        var byRank = shared.Select(entry => entry.Value).ToArray();
        Array.Sort(keys, byRank);
        var rankOf = new int[frequencies.Count];
        Array.Fill(rankOf, NotShared);
        for (var rank = 0; rank < byRank.Length; rank++) rankOf[byRank[rank]] = rank;
        return rankOf;
    }
}
