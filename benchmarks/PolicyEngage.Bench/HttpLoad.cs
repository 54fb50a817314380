using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace PolicyEngage.Bench;

/// <summary>What a closed-loop load achieved: requests answered 200 per second, and how many answered otherwise (the first, how).</summary>
internal sealed record LoadResult(double RequestsPerSecond, long Failures, string? FirstFailure);

/// <summary>
/// A closed loop: each of N workers sends the next GET as soon as the last is answered and read. Counted only after a
/// warm-up (the JIT, connections, caches), over a fixed duration.
/// </summary>
internal static class HttpLoad
{
    public static async Task<LoadResult> RunAsync(Uri server, string path, string token, int workers, TimeSpan warmUp, TimeSpan duration)
    {
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        long answered = 0, failed = 0;
        string? firstFailure = null;
        using var stop = new CancellationTokenSource();

        async Task WorkAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    // Not cancelled mid-request: a worker finishes the request it is in when the run ends.
                    using var response = await client.GetAsync(path, CancellationToken.None);
                    await response.Content.LoadIntoBufferAsync();
                    if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref answered);
                    else Fail($"HTTP {(int)response.StatusCode}");
                }
                catch (HttpRequestException exception)
                {
                    Fail(exception.Message);
                }
            }
        }

        void Fail(string how)
        {
            Interlocked.Increment(ref failed);
            Interlocked.CompareExchange(ref firstFailure, how, null);
        }

        var running = Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync)).ToArray();
        await Task.Delay(warmUp);
        var (answeredBefore, failedBefore) = (Interlocked.Read(ref answered), Interlocked.Read(ref failed));
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration);
        var (answeredAfter, failedAfter) = (Interlocked.Read(ref answered), Interlocked.Read(ref failed));
        var elapsed = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(running);
        return new LoadResult((answeredAfter - answeredBefore) / elapsed, failedAfter - failedBefore, firstFailure);
    }
}
