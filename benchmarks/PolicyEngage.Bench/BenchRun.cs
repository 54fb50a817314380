namespace PolicyEngage.Bench;

/// <summary>How large a run is: a smoke run, the default (within about 15 minutes on our 2 cores), or the earlier benchmarks at their own full sizes.</summary>
internal enum BenchScale
{
    Quick,
    Default,
    Full,
}

/// <summary>What the command line asks for: which figures (all unless named) and at what scale.</summary>
internal sealed class BenchRun
{
    /// <summary>The figures of issue 14, then the earlier benchmarks whose tables the run reprints.</summary>
    public static readonly string[] Figures = ["P1", "P2", "P3", "P4", "P5", "P6", "ledger", "digests", "lists"];

    private readonly HashSet<string> _chosen;

    private BenchRun(BenchScale scale, HashSet<string> chosen)
    {
        Scale = scale;
        _chosen = chosen;
    }

    public BenchScale Scale { get; }

    /// <summary>Every figure, at the default or full scale: the run whose report belongs in docs/performance.md.</summary>
    public bool IsComplete => _chosen.Count == Figures.Length && Scale != BenchScale.Quick;

    public bool Wants(params string[] figures) => figures.Any(_chosen.Contains);

    public static BenchRun Parse(IReadOnlyList<string> arguments)
    {
        var scale = BenchScale.Default;
        var chosen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in arguments)
        {
            if (argument == "--quick") scale = BenchScale.Quick;
            else if (argument == "--full") scale = BenchScale.Full;
            else if (Figures.FirstOrDefault(f => f.Equals(argument, StringComparison.OrdinalIgnoreCase)) is { } figure) chosen.Add(figure);
            else throw new ArgumentException($"Unknown argument '{argument}': name figures among {string.Join(' ', Figures)}, and --quick or --full.");
        }
        return new BenchRun(scale, chosen.Count > 0 ? chosen : new HashSet<string>(Figures, StringComparer.OrdinalIgnoreCase));
    }
}
