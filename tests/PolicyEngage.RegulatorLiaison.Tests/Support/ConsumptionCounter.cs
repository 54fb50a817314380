using System.Collections.Concurrent;
using MassTransit;

namespace PolicyEngage.RegulatorLiaison.Tests.Support;

/// <summary>
/// Counts finished consumptions per message id. The harness's own lists keep one entry per message id, which hides a
/// redelivery; this observer sees each one.
/// </summary>
public sealed class ConsumptionCounter<T> : IConsumeMessageObserver<T> where T : class
{
    private readonly ConcurrentDictionary<Guid, int> _consumed = new();
    private readonly ConcurrentQueue<Exception> _faults = new();

    public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<T> context)
    {
        _consumed.AddOrUpdate(context.MessageId!.Value, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<T> context, Exception exception)
    {
        _faults.Enqueue(exception);
        return Task.CompletedTask;
    }

    public async Task WaitForAsync(Guid messageId, int consumptions)
    {
        var giveUpAt = DateTime.UtcNow.AddSeconds(10);
        while (_consumed.GetValueOrDefault(messageId) < consumptions && _faults.IsEmpty && DateTime.UtcNow < giveUpAt)
            await Task.Delay(10);

        Assert.Empty(_faults);
        Assert.Equal(consumptions, _consumed.GetValueOrDefault(messageId));
    }
}
