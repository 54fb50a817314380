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
        var (sets, tokens) = Tokenised(WordRanksOf(bodies));
        var rankOf = SharedRanks(tokens);
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

    /// <summary>
    /// Each body's distinct tokens, numbered as first met, and each token's shingle and how many bodies hold it. Its own
    /// method so that the shingle dictionary, the largest structure here, is garbage before the shared tokens are sorted.
    /// </summary>
    private static (int[][] Sets, List<(int Frequency, Shingle Shingle)> Tokens) Tokenised(int[][] words)
    {
        var shingleCount = words.Sum(w => w.Length == 0 ? 0 : Math.Max(w.Length - Shingle.Width + 1, 1));
        var tokenOf = new Dictionary<Shingle, int>(shingleCount);
        var tokens = new List<(int Frequency, Shingle Shingle)>(shingleCount);
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
                    token = tokens.Count;
                    tokens.Add((0, shingle));
                }
                bodyTokens.Add(token);
            }
            sets[body] = bodyTokens.ToArray();
            var counted = CollectionsMarshal.AsSpan(tokens);
            foreach (var token in sets[body]) counted[token].Frequency++;
        }
        return (sets, tokens);
    }

    /// <summary>Each token's rank among the tokens two or more bodies hold, in the global order, else <see cref="NotShared"/>.</summary>
    private static int[] SharedRanks(List<(int Frequency, Shingle Shingle)> tokens)
    {
        var byRank = Enumerable.Range(0, tokens.Count).Where(token => tokens[token].Frequency >= 2).ToArray();
        var keys = byRank.Select(token => tokens[token]).ToArray();
        Array.Sort(keys, byRank);
        var rankOf = new int[tokens.Count];
        Array.Fill(rankOf, NotShared);
        for (var rank = 0; rank < byRank.Length; rank++) rankOf[byRank[rank]] = rank;
        return rankOf;
    }
}
