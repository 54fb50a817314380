using System.Runtime.InteropServices;

namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

/// <summary>
/// The distinct non-empty shingle sets among the bodies, and which one each body has (<see cref="None"/>: no words).
/// Identical bodies, such as a campaign letter sent by hundreds, are then compared once instead of once per pair of
/// senders. A set holding a shingle no other body has is identical to no other set.
/// </summary>
internal sealed record DistinctSets(IReadOnlyList<ShingleSet> Sets, int[] SetOf)
{
    public const int None = -1;

    public static DistinctSets Of(ShingleSet[] bodySets)
    {
        var indexOf = new Dictionary<int[], int>(SameTokens.Instance);
        var sets = new List<ShingleSet>();
        var setOf = new int[bodySets.Length];
        for (var body = 0; body < bodySets.Length; body++)
        {
            var set = bodySets[body];
            if (set.IsEmpty)
            {
                setOf[body] = None;
                continue;
            }
            if (set.Unique > 0)
            {
                setOf[body] = sets.Count;
                sets.Add(set);
                continue;
            }
            ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(indexOf, set.Shared, out var known);
            if (!known)
            {
                index = sets.Count;
                sets.Add(set);
            }
            setOf[body] = index;
        }
        return new DistinctSets(sets, setOf);
    }

    private sealed class SameTokens : IEqualityComparer<int[]>
    {
        public static readonly SameTokens Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] tokens)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(tokens.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
