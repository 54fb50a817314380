namespace PolicyEngage.Ledger.Proofs.Tests;

public static class Bits
{
    public static byte[] Flip(byte[] value, int bit)
    {
        var copy = value.ToArray();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    /// <summary>Every copy of the list with one bit of one element flipped.</summary>
    public static IEnumerable<List<byte[]>> EveryOneBitFlip(IReadOnlyList<byte[]> values)
    {
        for (var i = 0; i < values.Count; i++)
            for (var bit = 0; bit < values[i].Length * 8; bit++)
            {
                var copy = values.ToList();
                copy[i] = Flip(values[i], bit);
                yield return copy;
            }
    }
}
