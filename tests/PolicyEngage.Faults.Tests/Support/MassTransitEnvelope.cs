using System.Text.Json;
using MassTransit;

namespace PolicyEngage.Faults.Tests.Support;

/// <summary>The JSON envelope MassTransit wraps every message in, written by hand to put any message on a queue.</summary>
internal static class MassTransitEnvelope
{
    public const string ContentType = "application/vnd.masstransit+json";

    public static byte[] Of<TMessage>(Guid messageId, object message) where TMessage : class =>
        JsonSerializer.SerializeToUtf8Bytes(
            new { messageId, messageType = new[] { MessageUrn.ForTypeString<TMessage>() }, message },
            JsonSerializerOptions.Web);
}
