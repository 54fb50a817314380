using PolicyEngage.Testing.Services;

namespace PolicyEngage.Lists.Benchmarks;

/// <summary>
/// dotnet run -c Release --project benchmarks/PolicyEngage.Lists.Benchmarks [-- [realistic|short] [sizes…]]
/// (an explicit Main, not top-level statements: those would declare a second <c>Program</c> beside the service's).
/// </summary>
internal static class ListsBenchmark
{
    public static async Task Main(string[] args)
    {
        // Numbers are sizes; a word names the bodies' lengths.
        var bodies = BodySizes.Named(args.LastOrDefault(arg => !long.TryParse(arg, out _)) ?? BodySizes.Realistic);
        var given = args.Where(arg => long.TryParse(arg, out _)).Select(long.Parse).ToArray();
        // Realistic bodies average about 39 KB, twice a paper (its working body and its version's): 1M papers would need
        // some 80 GB of disk, so by default they stop at 100k.
        long[] sizes = given.Length > 0 ? given : bodies.Name == BodySizes.Short ? [1_000, 100_000, 1_000_000] : [1_000, 100_000];
        using var papers = new BenchPapers(bodies);
        Console.WriteLine($"SQLite file: {papers.File}; bodies: {bodies.Name} (seed {BodySizes.Seed})");
        Console.WriteLine("| papers | first page of 1000 (ms) | page of 1000 at 90% via after (ms) | one consultation's first page of 1000 (ms) |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            await papers.FillToAsync(size);
            var deep = await papers.PaperAtAsync(size * 9 / 10);
            // A fresh service per size, as after a restart: nothing cached from the smaller file.
            await using var app = new InProcessService<Program>(new Dictionary<string, string> { ["ConnectionStrings:submissions"] = papers.ConnectionString });
            var first = await ListTimings.MedianAsync(app, "/api/papers?limit=1000");
            var after = await ListTimings.MedianAsync(app, $"/api/papers?after={deep}&limit=1000");
            var consultation = await ListTimings.MedianAsync(app, $"/api/papers?consultationId={BenchPapers.ConsultationOf(1)}&limit=1000");
            Console.WriteLine($"| {size:N0} | {first} | {after} | {consultation} |");
        }
    }
}
