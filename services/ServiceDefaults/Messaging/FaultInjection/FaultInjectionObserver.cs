using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;

namespace PolicyEngage.ServiceDefaults.Messaging.FaultInjection;

/// <summary>
/// Runs around every consumer, inside the receive pipe: what it does after a consumer returns happens before the
/// broker hears the acknowledgement.
/// </summary>
internal sealed class FaultInjectionObserver(IOptions<FaultInjectionOptions> options) : IConsumeObserver
{
    private readonly FaultInjectionOptions _options = options.Value;
    private int _consumed;

    public async Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        // Not cancellable on purpose: a stopping host must wait for it as for real work.
        if (_options.ConsumeDelay is { } delay) await Task.Delay(delay, CancellationToken.None);
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (_options.KillAfterConsuming is { } limit && Interlocked.Increment(ref _consumed) == limit)
        {
            // Written straight to stderr: a logger's queue would die with the process.
            Console.Error.WriteLine($"FaultInjection: killing the process after consuming {typeof(T).Name} {context.MessageId}, before its acknowledgement");
            Process.GetCurrentProcess().Kill();
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
