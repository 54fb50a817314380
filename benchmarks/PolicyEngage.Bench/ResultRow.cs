using System.Globalization;

namespace PolicyEngage.Bench;

/// <summary>A measured amount with its unit, as the table prints it.</summary>
internal sealed record Quantity(double Value, string Unit)
{
    public override string ToString() => Unit == "ms"
        ? string.Create(CultureInfo.InvariantCulture, $"{Value:N1} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{Value:N0} {Unit}");
}

/// <summary>What a figure should reach (issue 14), checked on its ratio or on the measured amount itself.</summary>
internal sealed record Goal(string Text, Func<ResultRow, bool> IsMetBy)
{
    public static Goal RatioAtLeast(double least) => new($"ratio ≥ {least.ToString(CultureInfo.InvariantCulture)}", row => row.Ratio >= least);

    public static Goal RatioAtMost(double most) => new($"ratio ≤ {most.ToString(CultureInfo.InvariantCulture)}", row => row.Ratio <= most);

    public static Goal AtLeast(double least, string unit) => new(string.Create(CultureInfo.InvariantCulture, $"≥ {least:N0} {unit}"), row => row.Measured?.Value >= least);

    public static Goal Below(double bound, string unit) => new(string.Create(CultureInfo.InvariantCulture, $"< {bound:N0} {unit}"), row => row.Measured?.Value < bound);
}

/// <summary>One line of the results table: a figure at one size, against its baseline where it has one.</summary>
internal sealed record ResultRow(string Figure, string Size, Quantity? Measured, Quantity? Baseline, Goal? Goal, string? Failure = null)
{
    public const string Header = "| figure | size | measured | baseline | ratio | goal | met? |";
    public const string Rule = "|---|---|---:|---:|---:|---|---|";

    /// <summary>Measured ÷ baseline, whichever way round the goal reads it (a rate: higher is better; a time: lower).</summary>
    public double? Ratio => Measured is { } measured && Baseline is { Value: > 0 } baseline ? measured.Value / baseline.Value : null;

    public static ResultRow Failed(string figure, Exception exception) =>
        new(figure, "—", null, null, null, $"failed: {exception.GetType().Name}: {exception.Message}");

    public string Line()
    {
        var ratio = Ratio is { } value ? value.ToString(value < 0.1 ? "F3" : "F2", CultureInfo.InvariantCulture) : "—";
        var met = Goal is null || Measured is null ? "—" : Goal.IsMetBy(this) ? "yes" : "no";
        string[] cells = [Figure, Size, Measured?.ToString() ?? Failure ?? "—", Baseline?.ToString() ?? "—", ratio, Goal?.Text ?? "—", met];
        return $"| {string.Join(" | ", cells.Select(Cell))} |";
    }

    /// <summary>One line, and no cell border in it (a failure's message may hold either).</summary>
    private static string Cell(string text) => text.ReplaceLineEndings(" ").Replace('|', '/');
}
