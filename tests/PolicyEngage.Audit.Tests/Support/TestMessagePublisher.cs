using MassTransit;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Audit.Tests.Support;

/// <summary>
/// The in-memory bus has no AMQP user_id: the producer is the one a test names in <see cref="TestPublisher.Header"/>,
/// else the event's owner, as if the rightful service had published it.
/// </summary>
internal sealed class TestMessagePublisher : MessagePublisher
{
    public override string? Of(ConsumeContext context) =>
        context.Headers.Get<string>(TestPublisher.Header)
        ?? EventProducers.Owners.FirstOrDefault(owner => context.SupportedMessageTypes.Contains(MessageUrn.ForTypeString(owner.Key))).Value;
}
