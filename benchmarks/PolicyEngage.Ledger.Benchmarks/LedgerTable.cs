namespace PolicyEngage.Ledger.Benchmarks;

/// <summary>The ledger benchmark's table, printed by its own program and by ./bench.sh's driver alike.</summary>
internal static class LedgerTable
{
    public static readonly string[] Header =
    [
        "| entries | append (entries/s, one per transaction) | inclusion proof (ms) | timeline page of 100 (ms) | incremental verify (entries/s) | SHA-256 of the same bytes (entries/s) |",
        "|---:|---:|---:|---:|---:|---:|",
    ];

    public static string Row(long size, LedgerFigures figures) =>
        $"| {size:N0} | {figures.AppendsPerSecond:N0} | {figures.ProofMilliseconds:F2} | {figures.PageMilliseconds:F2} | {figures.VerifiedPerSecond:N0} | {figures.HashedPerSecond:N0} |";
}
