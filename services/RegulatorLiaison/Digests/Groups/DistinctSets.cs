using System.Runtime.InteropServices;

namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

/// <summary>
/// The distinct non-empty shingle sets among the bodies, and which one each body has (−1: no words). Identical bodies,
/// such as a campaign letter sent by hundreds, are then compared once instead of once per pair of senders.
/// </summary>
internal sealed record DistinctSets(IReadOnlyList<int[]> Sets, int[] SetOf)
{
    public const int None = -1;

    public static DistinctSets Of(int[][] bodySets)
    {
        var indexOf = new Dictionary<int[], int>(SameTokens.Instance);
        var sets = new List<int[]>();
        var setOf = new int[bodySets.Length];
        for (var body = 0; body < bodySets.Length; body++)
        {
            if (bodySets[body].Length == 0)
            {
                setOf[body] = None;
                continue;
            }
            ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(indexOf, bodySets[body], out var known);
            if (!known)
            {
                index = sets.Count;
                sets.Add(bodySets[body]);
            }
            setOf[body] = index;
        }
        return new DistinctSets(sets, setOf);
    }

    private sealed class SameTokens : IEqualityComparer<int[]>
    {
        public static readonly SameTokens Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] set)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(set.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
