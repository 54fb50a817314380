using System.Diagnostics;
using System.Net;

namespace PolicyEngage.Bench;

/// <summary>The median time of one request through a service's real route, its answer read to the end, after warm-ups.</summary>
internal static class RouteTimings
{
    public static async Task<double> MedianMillisecondsAsync(HttpClient client, Func<HttpRequestMessage> request, HttpStatusCode expected, int warmUps, int samples)
    {
        for (var i = 0; i < warmUps; i++) await TimeAsync(client, request, expected);
        var times = new List<double>(samples);
        for (var i = 0; i < samples; i++) times.Add(await TimeAsync(client, request, expected));
        return Percentiles.Of(times, 0.5);
    }

    private static async Task<double> TimeAsync(HttpClient client, Func<HttpRequestMessage> request, HttpStatusCode expected)
    {
        using var message = request();
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        await (await response.Content.ReadAsStreamAsync()).CopyToAsync(Stream.Null);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{message.Method} {message.RequestUri} answered {(int)response.StatusCode}, not {(int)expected}.");
        return elapsed;
    }
}
