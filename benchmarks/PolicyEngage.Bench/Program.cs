using System.Diagnostics;
using System.Globalization;
using PolicyEngage.Bench;

// ./bench.sh [--quick|--full] [P1 P2 P3 P4 P5 P6 ledger digests lists]: each figure against its baseline, one table.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
BenchRun run;
try
{
    run = BenchRun.Parse(args);
}
catch (ArgumentException wrong)
{
    Console.Error.WriteLine(wrong.Message);
    return 2;
}
var machine = MachineDescription.OfThisMachine();
var loadBefore = MachineDescription.LoadAverage();
var clock = Stopwatch.StartNew();
var results = new ResultsTable();
var earlier = new List<EarlierBenchmark>();
Console.WriteLine($"[bench] {machine.Line()}; load average {loadBefore}");

// P1 and P3: the whole system as real processes, started once for both.
if (run.Wants("P1", "P3"))
{
    var system = await BenchSystem.StartAsync();
    try
    {
        if (run.Wants("P1")) await results.MeasureAsync(GatewayHop.Figure, () => GatewayHop.MeasureAsync(system, run.Scale));
        if (run.Wants("P3")) await results.MeasureAsync(EndToEndPapers.Figure, () => EndToEndPapers.MeasureAsync(system, run.Scale));
    }
    finally
    {
        await system.DisposeAsync();
    }
}
if (run.Wants("P2")) await results.MeasureAsync(OutboxRelayRate.Figure, () => OutboxRelayRate.MeasureAsync(run.Scale));
if (run.Wants("P4")) await results.MeasureAsync(DigestCompile.Figure, () => DigestCompile.MeasureAsync(run.Scale));

// P5, P6 and the ledger benchmark's table: one ledger, grown through the sizes.
if (run.Wants("P5", "P6", "ledger"))
{
    await results.MeasureAsync($"{LedgerGrowth.VerifyFigure} and {LedgerGrowth.PageFigure}", async () =>
    {
        var growth = await LedgerGrowth.MeasureAsync(run.Scale);
        earlier.Add(new EarlierBenchmark("Ledger costs (benchmarks/PolicyEngage.Ledger.Benchmarks, on the ledger P5 and P6 measure)",
            $"dotnet run -c Release --project benchmarks/PolicyEngage.Ledger.Benchmarks -- {string.Join(' ', LedgerGrowth.SizesFor(run.Scale))}", growth.Table));
        return growth.Rows.Where(row => run.Wants(row.Figure.Split(' ')[0])).ToList();
    });
}

// The earlier benchmarks' own programs, at sizes that keep the default run within about 15 minutes on 2 cores.
if (run.Wants("digests"))
{
    string[] sizes = run.Scale == BenchScale.Quick ? ["500", "1000"] : ["1000", "10000", "20000"];
    earlier.Add(await EarlierBenchmark.RunAsync("Grouping like positions (docs/digests.md)", "PolicyEngage.Digests.Benchmarks", sizes));
}
if (run.Wants("lists"))
{
    // Realistic bodies average 39 KB: 100k papers are an 8 GB file, filled in minutes, so only --full goes there.
    string[] sizes = run.Scale switch { BenchScale.Quick => ["1000"], BenchScale.Default => ["1000", "10000"], _ => ["1000", "100000"] };
    earlier.Add(await EarlierBenchmark.RunAsync("Papers list pages (docs/lists.md)", "PolicyEngage.Lists.Benchmarks", ["realistic", .. sizes]));
}

var report = PerformanceReport.Of(run, machine, loadBefore, clock.Elapsed, results, earlier);
Console.WriteLine();
foreach (var line in report) Console.WriteLine(line);
Console.WriteLine();
Console.WriteLine($"[bench] written to {PerformanceReport.Write(run, report)}");
return 0;
