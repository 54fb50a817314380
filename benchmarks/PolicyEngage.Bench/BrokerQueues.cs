using System.Net.Http.Json;
using PolicyEngage.Testing;

namespace PolicyEngage.Bench;

/// <summary>The queues of one virtual host of the bench's broker, through its management API.</summary>
internal static class BrokerQueues
{
    /// <summary>
    /// Waits until the host's queues hold no message, ready or being consumed: every consumer has caught up. Zero is
    /// trusted only when read twice a statistics interval apart, since the management API's counts are refreshed only
    /// every 5 s.
    /// </summary>
    public static async Task AwaitDrainedAsync(string virtualHost, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        var emptyReads = 0;
        while (emptyReads < 2)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The queues of {virtualHost} still held messages after {bound.TotalSeconds:N0} s.");
            emptyReads = await MessagesAsync(virtualHost) == 0 ? emptyReads + 1 : 0;
            await Task.Delay(TimeSpan.FromSeconds(emptyReads == 1 ? 6 : 1));
        }
    }

    private static async Task<long> MessagesAsync(string virtualHost)
    {
        using var management = TestBroker.Management();
        var queues = await management.GetFromJsonAsync<List<QueueInfo>>($"queues/{Uri.EscapeDataString(virtualHost)}") ?? [];
        return queues.Sum(q => q.Messages);
    }

    /// <summary>Empties every queue of the host: what a figure published and nobody consumes would otherwise pile up.</summary>
    public static async Task PurgeAsync(string virtualHost)
    {
        using var management = TestBroker.Management();
        var path = Uri.EscapeDataString(virtualHost);
        var queues = await management.GetFromJsonAsync<List<QueueInfo>>($"queues/{path}") ?? [];
        foreach (var queue in queues)
            (await management.DeleteAsync($"queues/{path}/{Uri.EscapeDataString(queue.Name)}/contents")).EnsureSuccessStatusCode();
    }

    private sealed record QueueInfo(string Name, long Messages);
}
