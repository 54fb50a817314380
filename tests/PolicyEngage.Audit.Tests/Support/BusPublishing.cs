using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Data;
using PolicyEngage.Contracts;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Audit.Tests.Support;

internal static class BusPublishing
{
    /// <summary>As the services' outbox relays publish: the event id as message id (unless told); the producer, when named, for <see cref="TestMessagePublisher"/>.</summary>
    public static Task PublishAsync(ITestHarness harness, IntegrationEvent integrationEvent, string? service, Guid? messageId = null) =>
        harness.Bus.Publish(integrationEvent, integrationEvent.GetType(), context =>
        {
            context.MessageId = messageId ?? integrationEvent.EventId;
            if (service is not null) context.Headers.Set(TestPublisher.Header, service);
        });

    /// <summary>Waits until the consumer has saved the message (its inbox row exists); fails the test after 15 seconds.</summary>
    public static async Task SavedAsync(Func<AuditDbContext> open, Guid messageId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using (var db = open())
            {
                if (await db.InboxMessages.AnyAsync(m => m.MessageId == messageId)) return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Message {messageId} was not consumed.");
            await Task.Delay(20);
        }
    }
}
