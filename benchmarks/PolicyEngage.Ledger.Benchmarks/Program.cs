using PolicyEngage.Ledger.Benchmarks;

// dotnet run -c Release --project benchmarks/PolicyEngage.Ledger.Benchmarks [-- 10000 100000 1000000]
var sizes = args.Length > 0 ? args.Select(long.Parse).ToArray() : [10_000, 100_000, 1_000_000];
using var ledger = new BenchLedger();
await ledger.FillToAsync(1_000);
await LedgerCosts.WarmUpAsync(ledger);
Console.WriteLine($"SQLite file: {ledger.File}");
foreach (var line in LedgerTable.Header) Console.WriteLine(line);
foreach (var size in sizes)
{
    await ledger.FillToAsync(size);
    Console.WriteLine(LedgerTable.Row(size, await LedgerCosts.MeasureAsync(ledger)));
}
