using System.Diagnostics;
using PolicyEngage.Digests.Benchmarks;
using PolicyEngage.RegulatorLiaison.Digests.Groups;

// dotnet run -c Release --project benchmarks/PolicyEngage.Digests.Benchmarks [-- 1000 10000 20000]
const decimal threshold = 0.8m;
var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [1_000, 10_000, 20_000];

LikePositions.Search(PositionCorpus.Of(200, seed: 1), threshold); // the JIT's turn, unmeasured

Console.WriteLine($"Threshold {threshold}; bodies of 300–1,500 words from 4,000, a tenth of them edited copies.");
Console.WriteLine("| positions | words | grouping (s) | pairs verified | all pairs n(n−1)/2 | verified share | groups | positions grouped | allocated (MB) |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var size in sizes)
{
    var positions = PositionCorpus.Of(size, seed: size);
    var words = positions.Sum(p => BodyWords.Of(p.Body).Count);
    GC.Collect();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var search = LikePositions.Search(positions, threshold);
    var seconds = clock.Elapsed.TotalSeconds;
    var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6;
    var allPairs = (long)size * (size - 1) / 2;
    Console.WriteLine($"| {size:N0} | {words:N0} | {seconds:F2} | {search.PairsVerified:N0} | {allPairs:N0} | {(double)search.PairsVerified / allPairs:P3} | " +
        $"{search.Groups.Count:N0} | {search.Groups.Sum(g => g.PaperIds.Count):N0} | {allocated:N0} |");
}

var reference = PositionCorpus.Of(1_000, seed: 1_000);
var referenceClock = Stopwatch.StartNew();
var referenceGroups = AllPairsGrouping.Of(reference, threshold);
var referenceSeconds = referenceClock.Elapsed.TotalSeconds;
var same = referenceGroups.Select(g => string.Join(',', g))
    .SequenceEqual(LikePositions.Group(reference, threshold).Select(g => string.Join(',', g.PaperIds)));
Console.WriteLine();
Console.WriteLine($"All pairs compared at 1,000 positions: {referenceSeconds:F2} s, {referenceGroups.Count:N0} groups, the same as the search's: {(same ? "yes" : "NO")}.");
if (!same) Environment.ExitCode = 1;
