namespace PolicyEngage.Lists.Benchmarks;

/// <summary>
/// How long the benchmark's paper bodies are, drawn from a fixed seed so that every run stores the same bytes.
/// <list type="bullet">
/// <item><c>realistic</c> (the default): 90% of bodies uniform in 5-40 KB, 10% uniform in 180-200 KB, near the SPEC's
/// 200 KB bound; about 39 KB on average. Any body over about 4 KB is longer than a SQLite page and overflows it.</item>
/// <item><c>short</c>: about 3 KB each, the benchmark's earlier bodies, that stay inside a SQLite page.</item>
/// </list>
/// </summary>
internal sealed class BodySizes
{
    public const int Seed = 20261201;
    public const string Realistic = "realistic";
    public const string Short = "short";
    public static readonly string[] Names = [Realistic, Short];

    private const int Kilobyte = 1024;
    private const int ShortBody = 3 * Kilobyte;

    /// <summary>ASCII text, so a body's UTF-8 length is its length in characters; cut to each body's size.</summary>
    private static readonly string Text = string.Concat(Enumerable.Repeat(
        "Operators of shared virtual spaces should publish how avatar location data is collected, kept and shared, and let members opt out. ",
        200 * Kilobyte / 100));

    private readonly Random _random = new(Seed);

    private BodySizes(string name) => Name = name;

    public string Name { get; }

    public static BodySizes Named(string name) =>
        Names.Contains(name) ? new BodySizes(name) : throw new ArgumentException($"Body sizes are one of: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>The next paper's body: the common text cut to the drawn size, ending with the paper's position so bodies differ.</summary>
    public string Next(long position)
    {
        var ending = $"(paper {position})";
        return string.Concat(Text.AsSpan(0, NextSize() - ending.Length), ending);
    }

    private int NextSize() => Name == Short
        ? ShortBody
        : _random.NextDouble() < 0.9
            ? _random.Next(5 * Kilobyte, 40 * Kilobyte + 1)
            : _random.Next(180 * Kilobyte, 200 * Kilobyte + 1);
}
