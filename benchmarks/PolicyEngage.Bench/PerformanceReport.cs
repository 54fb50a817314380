using PolicyEngage.Testing;

namespace PolicyEngage.Bench;

/// <summary>
/// The report of a run: the machine, the results table, then the earlier benchmarks' output. A complete run replaces the
/// part of docs/performance.md between its two markers (the text around them says how each figure is measured); any
/// other run (--quick, or some figures only) writes .data/bench/performance.md, so that a smoke run never stands in the
/// docs for the figures.
/// </summary>
internal static class PerformanceReport
{
    public const string Begin = "<!-- ./bench.sh writes from here -->";
    public const string End = "<!-- ./bench.sh writes up to here -->";

    public static IReadOnlyList<string> Of(BenchRun run, MachineDescription machine, string loadBefore, TimeSpan driverTime,
        ResultsTable results, IReadOnlyList<EarlierBenchmark> earlier)
    {
        var lines = new List<string>
        {
            $"Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, scale {run.Scale.ToString().ToLowerInvariant()}, on {machine.Line()}.",
            $"Load average (1, 5, 15 min) {loadBefore} before, {MachineDescription.LoadAverage()} after; the driver took {driverTime.TotalMinutes:N1} min{BenchShTime()}.",
            "",
        };
        lines.AddRange(results.Lines());
        foreach (var benchmark in earlier)
        {
            lines.AddRange(["", $"### {benchmark.Title}", "", $"`{benchmark.Command}`", ""]);
            lines.AddRange(benchmark.Output);
        }
        return lines;
    }

    /// <summary>Where the report went.</summary>
    public static string Write(BenchRun run, IReadOnlyList<string> report)
    {
        if (!run.IsComplete)
        {
            var folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, ".data", "bench")).FullName;
            var file = Path.Combine(folder, "performance.md");
            File.WriteAllLines(file, report);
            return file;
        }
        var document = Path.Combine(RepositoryRoot.Path, "docs", "performance.md");
        var text = File.ReadAllText(document);
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin) throw new InvalidOperationException($"{document} lacks the markers '{Begin}' and '{End}' around the figures.");
        var figures = string.Join('\n', report);
        File.WriteAllText(document, $"{text[..(begin + Begin.Length)]}\n{figures}\n{text[end..]}");
        return document;
    }

    /// <summary>bench.sh passes the time it started, so that its whole wall time (the build included) is in the report.</summary>
    private static string BenchShTime() =>
        long.TryParse(Environment.GetEnvironmentVariable("POLICYENGAGE_BENCH_STARTED"), out var started)
            ? $"; ./bench.sh so far, build included, {(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - started) / 60.0:N1} min"
            : "";
}
