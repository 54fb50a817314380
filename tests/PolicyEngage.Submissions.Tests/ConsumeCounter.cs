using System.Collections.Concurrent;
using MassTransit;

namespace PolicyEngage.Submissions.Tests;

/// <summary>Counts finished consumes (succeeded or faulted) per message id.</summary>
internal sealed class ConsumeCounter : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _completed = new();

    public int Completed(Guid messageId) => _completed.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Count(context);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Count(context);

    private Task Count(ConsumeContext context)
    {
        if (context.MessageId is { } id) _completed.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
