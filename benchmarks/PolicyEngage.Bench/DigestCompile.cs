using PolicyEngage.Testing.Services;
using System.Net;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Bench;

/// <summary>
/// P4: what compiling a digest costs beyond reading what it is compiled from. RegulatorLiaison runs in-process on a file
/// of its own holding closed consultations of 1k, 10k and 20k approved positions (the grouping benchmark's generated
/// answers of 300–1,500 words, a tenth of them edited copies). The compile is the real route,
/// <c>POST /api/consultations/{id}/digests</c>, its whole answer read: it loads the papers, groups like positions, hashes
/// and saves the document. The baseline reads the same rows from the same file with a plain SQLite reader and nothing
/// else, so no change to the service can make the baseline slower. The ratio is a time ÷ a time: how many plain reads
/// one compile costs.
/// </summary>
internal static class DigestCompile
{
    public const string Figure = "P4 digest compile ÷ plain read";

    public static async Task<IReadOnlyList<ResultRow>> MeasureAsync(BenchScale scale)
    {
        int[] sizes = scale == BenchScale.Quick ? [200, 500, 1_000] : [1_000, 10_000, 20_000];
        var samples = scale == BenchScale.Quick ? 1 : 3;
        using var folder = new TempDirectory();
        var file = folder.File("regulatorliaison.db");
        await using var service = new InProcessService<RegulatorLiaisonDbContext>(new Dictionary<string, string>
        {
            ["ConnectionStrings:regulatorliaison"] = $"Data Source={file}",
        });
        using var liaison = service.ClientAs(Roles.LiaisonOfficer);

        var consultations = new List<(int Size, Guid Id)>();
        foreach (var size in sizes) consultations.Add((size, await ClosedConsultations.FillAsync(service.Services, size)));

        var rows = new List<ResultRow>();
        foreach (var (size, consultation) in consultations)
        {
            // The smallest compiles once unmeasured, for the JIT; the larger ones find it done.
            var compile = await RouteTimings.MedianMillisecondsAsync(liaison,
                () => new HttpRequestMessage(HttpMethod.Post, $"/api/consultations/{consultation}/digests"), HttpStatusCode.Created,
                warmUps: size == sizes[0] ? 1 : 0, samples);
            var read = PlainRead.MedianMilliseconds(file, consultation, samples: 5);
            rows.Add(new ResultRow(Figure, $"{size:N0} positions", new Quantity(compile, "ms"), new Quantity(read, "ms"), null));
        }
        return rows;
    }
}
