namespace PolicyEngage.RegulatorLiaison.Tests.Digests.Groups;

/// <summary>
/// Bodies whose similarity can be worked out by hand: words that are all different, so n words make n − 4 shingles
/// that are all different, and replacing one word well inside changes exactly the 5 shingles that hold it.
/// </summary>
public static class Bodies
{
    public static string DistinctWords(int count, string stem = "w") => string.Join(' ', Enumerable.Range(1, count).Select(i => $"{stem}{i}"));

    /// <summary>The body with its word at <paramref name="index"/> (from 0) replaced by one it does not have.</summary>
    public static string Replaced(string body, int index)
    {
        var words = body.Split(' ');
        words[index] = $"edited{index}";
        return string.Join(' ', words);
    }

    public static string FirstWords(string body, int count) => string.Join(' ', body.Split(' ').Take(count));
}
