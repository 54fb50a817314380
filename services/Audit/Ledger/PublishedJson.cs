using System.Text.Json.Nodes;
using MassTransit;

namespace PolicyEngage.Audit.Ledger;

/// <summary>The message's JSON exactly as it arrived, read from MassTransit's envelope rather than re-serialized from the record.</summary>
public static class PublishedJson
{
    public static JsonObject Of(ConsumeContext context)
    {
        var envelope = JsonNode.Parse(context.ReceiveContext.Body.GetBytes())
            ?? throw new InvalidOperationException($"Message {context.MessageId} arrived without a body.");
        return envelope["message"] as JsonObject
            ?? throw new InvalidOperationException($"Message {context.MessageId} is not in MassTransit's JSON envelope.");
    }
}
