using System.Diagnostics;
using System.Net.Http.Headers;
using Xunit.Abstractions;
using PolicyEngage.Testing;

namespace PolicyEngage.EndToEnd.Tests.Security;

/// <summary>
/// A few thousand malformed and hostile requests across every route, from every kind of caller, through the real
/// gateway: never a 5xx, never another tenant's data, and no change in any service's database.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class FuzzTests(RunningSystem system, ITestOutputHelper output)
{
    private const int Requests = 3_000;
    private const int Seed = 20261125;

    [Fact]
    public async Task Hostile_requests_change_nothing_never_break_a_service_and_meet_only_documented_answers()
    {
        var scenario = await SecurityScenario.BuildAsync(system.Client());
        var documented = await DocumentedStatuses.FetchAsync(scenario.Callers[Who.Anonymous]);
        var before = await DatabaseSnapshot.TakeWhenSettledAsync(system.DatabaseFiles);
        var tokens = scenario.Callers.ToDictionary(c => c.Key, c => c.Value.Token);
        var generator = new HostileRequests(Seed, scenario.Resources);
        var random = new Random(Seed);
        using var http = new HttpClient { BaseAddress = system.Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Requests; i++)
        {
            var row = AuthorizationMatrix.Unchanging[random.Next(AuthorizationMatrix.Unchanging.Count)];
            // Mostly callers the route admits, so that validation and state checks are what the request meets.
            var admitted = row.Expected.Where(e => e.Value is not (401 or 403)).Select(e => e.Key).ToArray();
            var who = random.Next(10) < 6 && admitted.Length > 0
                ? admitted[random.Next(admitted.Length)]
                : Enum.GetValues<Who>()[random.Next(Enum.GetValues<Who>().Length)];
            var (method, path, content) = generator.Next(row);
            using var request = new HttpRequestMessage(method, path) { Content = content };
            if (tokens[who] is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

            using var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500) failures.Add($"#{i} {method} {path} as {who}: {status} {body}");
            // A junk id can reshape the path (e.g. empty): the gateway then answers for another route or none.
            if (documented.Undocumented(row.Method, path, status, mustReachAnOperation: false) is { } undocumented) failures.Add($"#{i} {undocumented}: {body}");
            if (who != Who.Author && body.Contains(SecurityScenario.DraftTitle)) failures.Add($"#{i} {method} {path} as {who}: saw acme's draft");
            if (who is Who.OtherAuthor or Who.OtherRegulator or Who.Anonymous && body.Contains(SecurityScenario.PaperTitle))
                failures.Add($"#{i} {method} {path} as {who}: saw acme's paper");
            if (body.Contains("   at ") || body.Contains("Exception")) failures.Add($"#{i} {method} {path} as {who}: exception text in the response");
        }
        var after = await DatabaseSnapshot.TakeWhenSettledAsync(system.DatabaseFiles);

        output.WriteLine($"fuzz: {Requests} requests in {clock.Elapsed.TotalSeconds:F1} s, seed {Seed}; statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(failures.Count == 0, $"{failures.Count} failures (seed {Seed}):\n{string.Join("\n", failures.Take(20))}");
        Assert.Equal(before.Describe(), after.Describe());
    }
}
