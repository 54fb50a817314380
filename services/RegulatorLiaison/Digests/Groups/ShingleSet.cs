namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

/// <summary>
/// A body's distinct shingles: how many (<see cref="Size"/>), and those that another body holds too, as sorted ranks in
/// the digest's global order (<see cref="ShingleSets"/>). A shingle no other body holds can never be shared, so only its
/// count is kept; in the global order such shingles come first, being the rarest.
/// </summary>
internal readonly record struct ShingleSet(int Size, int[] Shared)
{
    public int Unique => Size - Shared.Length;

    public bool IsEmpty => Size == 0;

    /// <summary>How many shingles the two sets share: a merge of the sorted shared ranks.</summary>
    public int Overlap(ShingleSet other)
    {
        var (first, second) = (Shared, other.Shared);
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
}
