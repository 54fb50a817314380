using System.Diagnostics;
using System.Globalization;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Lists.Benchmarks;

/// <summary>
/// The median time of a list request through the real endpoint, after warm-up. Bounded, so that an endpoint that does
/// not scale is reported rather than waited for: each request gives up after <see cref="RequestTimeout"/>, and sampling
/// stops once <see cref="SamplingBudget"/> is spent (the figure then says how many samples it has).
/// </summary>
internal static class ListTimings
{
    private const int WarmUps = 2;
    private const int Samples = 20;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SamplingBudget = TimeSpan.FromSeconds(60);

    public static async Task<string> MedianAsync(InProcessService<Program> app, string uri)
    {
        using var reviewer = app.ClientAs(Roles.Reviewer, "bench-reviewers");
        for (var i = 0; i < WarmUps; i++)
        {
            if (await TimeAsync(reviewer, uri) is { Failure: { } failure }) return failure;
        }
        var times = new List<double>();
        var spent = Stopwatch.StartNew();
        while (times.Count < Samples && (times.Count == 0 || spent.Elapsed < SamplingBudget))
        {
            var (milliseconds, failure) = await TimeAsync(reviewer, uri);
            if (failure is not null) return failure;
            times.Add(milliseconds);
        }
        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
        var figure = median.ToString("N1", CultureInfo.InvariantCulture);
        return times.Count == Samples ? figure : $"{figure} (n={times.Count})";
    }

    /// <summary>The whole request, the body read to its end; a failure says what happened instead.</summary>
    private static async Task<(double Milliseconds, string? Failure)> TimeAsync(HttpClient client, string uri)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            await (await response.Content.ReadAsStreamAsync(timeout.Token)).CopyToAsync(Stream.Null, timeout.Token);
            return response.IsSuccessStatusCode ? (clock.Elapsed.TotalMilliseconds, null) : (0, $"HTTP {(int)response.StatusCode}");
        }
        // Giving up aborts the request, which the test server reports as a failed read of the body.
        catch (Exception e) when (timeout.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            return (0, $"> {RequestTimeout.TotalSeconds:N0} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OutOfMemoryException)
        {
            return (0, $"failed after {clock.Elapsed.TotalSeconds:N0} s: {e.GetType().Name}");
        }
    }
}
