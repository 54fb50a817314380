using PolicyEngage.Ledger.Benchmarks;

// dotnet run -c Release --project benchmarks/PolicyEngage.Ledger.Benchmarks [-- 10000 100000 1000000]
var sizes = args.Length > 0 ? args.Select(long.Parse).ToArray() : [10_000, 100_000, 1_000_000];
using var ledger = new BenchLedger();
await ledger.FillToAsync(1_000);
await LedgerCosts.WarmUpAsync(ledger);
Console.WriteLine($"SQLite file: {ledger.File}");
Console.WriteLine("| entries | append (entries/s, one per transaction) | inclusion proof (ms) | timeline page of 100 (ms) | incremental verify (entries/s) | SHA-256 of the same bytes (entries/s) |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
foreach (var size in sizes)
{
    await ledger.FillToAsync(size);
    var figures = await LedgerCosts.MeasureAsync(ledger);
    Console.WriteLine($"| {size:N0} | {figures.AppendsPerSecond:N0} | {figures.ProofMilliseconds:F2} | {figures.PageMilliseconds:F2} | {figures.VerifiedPerSecond:N0} | {figures.HashedPerSecond:N0} |");
}
