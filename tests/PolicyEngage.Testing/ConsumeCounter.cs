using System.Collections.Concurrent;
using MassTransit;
using Xunit;

namespace PolicyEngage.Testing;

/// <summary>
/// Counts finished consumes per message id, faults included. MassTransit's harness lists a message id once however
/// often it arrives, which would hide exactly the redeliveries an inbox test is about.
/// </summary>
public sealed class ConsumeCounter : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _completed = new();
    private readonly ConcurrentQueue<Exception> _faults = new();

    public async Task WaitForAsync(Guid messageId, int times = 1)
    {
        var giveUpAt = DateTime.UtcNow.AddSeconds(30);
        while (_completed.GetValueOrDefault(messageId) < times && DateTime.UtcNow < giveUpAt)
            await Task.Delay(10);

        Assert.Empty(_faults);
        Assert.Equal(times, _completed.GetValueOrDefault(messageId));
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Count(context);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        _faults.Enqueue(exception);
        return Count(context);
    }

    private Task Count(ConsumeContext context)
    {
        if (context.MessageId is { } id) _completed.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
