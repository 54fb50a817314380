namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

/// <summary>
/// Five consecutive words of a body, each as its rank in the ordinal order of the digest's words (tuples, not joined
/// strings: a digest of 10k long positions has millions of shingles). A body of fewer than five words is one shingle, its
/// missing places <see cref="Missing"/>. Comparing ranks place by place orders shingles exactly as the ordinal order of
/// their words joined by U+0020 would: a space sorts below every letter and digit, as a missing word below every rank.
/// </summary>
internal readonly record struct Shingle(int First, int Second, int Third, int Fourth, int Fifth) : IComparable<Shingle>
{
    public const int Width = 5;
    public const int Missing = -1;

    /// <summary>Each shingle of a body's word ranks, in text order and with repeats; none for a body without words.</summary>
    public static IEnumerable<Shingle> Of(int[] words)
    {
        if (words.Length is > 0 and < Width)
            yield return new Shingle(words[0], At(words, 1), At(words, 2), At(words, 3), Missing);
        for (var i = 0; i + Width <= words.Length; i++)
            yield return new Shingle(words[i], words[i + 1], words[i + 2], words[i + 3], words[i + 4]);
    }

    public int CompareTo(Shingle other)
    {
        var order = First.CompareTo(other.First);
        if (order == 0) order = Second.CompareTo(other.Second);
        if (order == 0) order = Third.CompareTo(other.Third);
        if (order == 0) order = Fourth.CompareTo(other.Fourth);
        return order != 0 ? order : Fifth.CompareTo(other.Fifth);
    }

    private static int At(int[] words, int index) => index < words.Length ? words[index] : Missing;
}
