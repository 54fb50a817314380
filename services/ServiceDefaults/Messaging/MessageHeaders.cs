namespace PolicyEngage.ServiceDefaults.Messaging;

public static class MessageHeaders
{
    /// <summary>The service whose outbox published the message; the ledger records it.</summary>
    public const string Service = "PolicyEngage-Service";
}
