namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

/// <summary>
/// The least Jaccard similarity t (0 &lt; t ≤ 1) at which two shingle sets are like, in decimal arithmetic: a pair exactly
/// at 0.56 or 0.8 is in, where binary floating point can put 0.56 × 25 above 14 and leave it out.
/// </summary>
internal readonly record struct JaccardThreshold
{
    public JaccardThreshold(decimal value)
    {
        if (value is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(value), value, "A similarity threshold is above 0 and at most 1.");
        Value = value;
    }

    public decimal Value { get; }

    /// <summary>
    /// ⌈t·|x|⌉: the fewest tokens a set of <paramref name="size"/> shares with any like set, since
    /// |x ∩ y| ≥ t·|x ∪ y| ≥ t·|x|; so also the smallest size a like set can have.
    /// </summary>
    public int LeastOverlap(int size) => (int)Math.Ceiling(Value * size);

    /// <summary>
    /// |x| − ⌈t·|x|⌉ + 1: sharing at least ⌈t·|x|⌉ tokens, two like sets share one among each one's first this many
    /// (in the global order), so a like pair always meets in the prefixes' index.
    /// </summary>
    public int PrefixLength(int size) => size - LeastOverlap(size) + 1;

    /// <summary>|x ∩ y| / |x ∪ y| ≥ t, multiplied out so that nothing is divided.</summary>
    public bool Admits(int overlap, int firstSize, int secondSize) => overlap >= Value * (firstSize + secondSize - overlap);
}
