using PolicyEngage.Ledger.Benchmarks;

namespace PolicyEngage.Bench;

/// <summary>
/// One ledger, grown through three sizes (10k, 100k and 1M entries), measured at each: P5, the ledger benchmark's costs
/// (its table, reprinted) and P6's timeline page. One fill serves all three.
/// </summary>
internal sealed class LedgerGrowth
{
    public const string VerifyFigure = "P5 ledger verify ÷ SHA-256";
    public const string PageFigure = "P6 timeline page ÷ at the smallest";

    private LedgerGrowth(IReadOnlyList<string> table, IReadOnlyList<ResultRow> rows)
    {
        Table = table;
        Rows = rows;
    }

    /// <summary>The ledger benchmark's table at these sizes.</summary>
    public IReadOnlyList<string> Table { get; }

    public IReadOnlyList<ResultRow> Rows { get; }

    public static long[] SizesFor(BenchScale scale) => scale == BenchScale.Quick ? [10_000, 20_000, 40_000] : [10_000, 100_000, 1_000_000];

    public static async Task<LedgerGrowth> MeasureAsync(BenchScale scale)
    {
        using var ledger = new BenchLedger();
        await ledger.FillToAsync(1_000);
        await LedgerCosts.WarmUpAsync(ledger);
        var table = new List<string>(LedgerTable.Header);
        var verifyRows = new List<ResultRow>();
        var pages = new List<(long Size, double Milliseconds)>();
        foreach (var size in SizesFor(scale))
        {
            var verifiedBefore = ledger.Size;
            await ledger.FillToAsync(size);
            // P5: the incremental verify of every entry filled since the last verified head, as the checkpoint signer
            // verifies what arrived, against SHA-256 of those entries' chained bytes.
            var (verified, hashed) = await LedgerCosts.VerifyAgainstHashingAsync(ledger);
            verifyRows.Add(new ResultRow(VerifyFigure, $"{size:N0} entries, the {size - verifiedBefore:N0} added since the last verify",
                new Quantity(verified, "entries/s"), new Quantity(hashed, "entries/s"), Goal.RatioAtLeast(0.5)));
            table.Add(LedgerTable.Row(size, await LedgerCosts.MeasureAsync(ledger)));
            Console.WriteLine($"[bench] ledger {table[^1]}");
            pages.Add((size, await TimelinePages.DeepPageMillisecondsAsync(ledger)));
        }
        var (smallest, baseline) = pages[0];
        var pageRows = pages.Skip(1).Select(page => new ResultRow(PageFigure, $"{page.Size:N0} entries (÷ {smallest:N0})",
            new Quantity(page.Milliseconds, "ms"), new Quantity(baseline, "ms"), Goal.RatioAtMost(1.5)));
        return new LedgerGrowth(table, [.. verifyRows, .. pageRows]);
    }
}
