using System.Runtime.InteropServices;

namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

/// <summary>
/// Each body's set of shingles, as token ranks in one global order over the digest: rarest first (fewest bodies holding
/// the shingle), ties in the ordinal order of the shingle's words. Each set is sorted by that order, so its first tokens
/// are its rarest, which is what makes prefix filtering cheap; the order is deterministic, whatever the input order.
/// A body without words has the empty set.
/// </summary>
internal static class ShingleSets
{
    public static int[][] Of(IReadOnlyList<string> bodies)
    {
        var (sets, tokens) = Tokenised(WordRanksOf(bodies));
        var rankOf = GlobalRanks(tokens);
        foreach (var set in sets)
        {
            for (var i = 0; i < set.Length; i++) set[i] = rankOf[set[i]];
            Array.Sort(set);
        }
        return sets;
    }

    /// <summary>How many tokens two sorted sets share.</summary>
    public static int Overlap(int[] first, int[] second)
    {
        int i = 0, j = 0, shared = 0;
        while (i < first.Length && j < second.Length)
        {
            var order = first[i].CompareTo(second[j]);
            if (order <= 0) i++;
            if (order >= 0) j++;
            if (order == 0) shared++;
        }
        return shared;
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

    /// <summary>
    /// Each body's distinct tokens, numbered as first met, and each token's shingle and how many bodies hold it. Its own
    /// method so that the shingle dictionary, the largest structure here, is garbage before the global order is sorted.
    /// </summary>
    private static (int[][] Sets, List<(int Frequency, Shingle Shingle)> Tokens) Tokenised(int[][] words)
    {
        var shingleCount = words.Sum(w => w.Length == 0 ? 0 : Math.Max(w.Length - Shingle.Width + 1, 1));
        var tokenOf = new Dictionary<Shingle, int>(shingleCount);
        var tokens = new List<(int Frequency, Shingle Shingle)>(shingleCount);
        var sets = new int[words.Length][];
        var bodyTokens = new List<int>();
        for (var body = 0; body < words.Length; body++)
        {
            bodyTokens.Clear();
            foreach (var shingle in Shingle.Of(words[body]))
            {
                ref var token = ref CollectionsMarshal.GetValueRefOrAddDefault(tokenOf, shingle, out var known);
                if (!known)
                {
                    token = tokens.Count;
                    tokens.Add((0, shingle));
                }
                bodyTokens.Add(token);
            }
            sets[body] = DistinctSorted(bodyTokens);
            var counted = CollectionsMarshal.AsSpan(tokens);
            foreach (var token in sets[body]) counted[token].Frequency++;
        }
        return (sets, tokens);
    }

    /// <summary>Each token's rank in the global order; sorts <paramref name="tokens"/> in place.</summary>
    private static int[] GlobalRanks(List<(int Frequency, Shingle Shingle)> tokens)
    {
        var byRank = new int[tokens.Count];
        for (var token = 0; token < byRank.Length; token++) byRank[token] = token;
        CollectionsMarshal.AsSpan(tokens).Sort(byRank.AsSpan());
        var rankOf = new int[byRank.Length];
        for (var rank = 0; rank < byRank.Length; rank++) rankOf[byRank[rank]] = rank;
        return rankOf;
    }

    private static int[] DistinctSorted(List<int> tokens)
    {
        tokens.Sort();
        var distinct = new List<int>(tokens.Count);
        foreach (var token in tokens)
            if (distinct.Count == 0 || distinct[^1] != token) distinct.Add(token);
        return distinct.ToArray();
    }
}
