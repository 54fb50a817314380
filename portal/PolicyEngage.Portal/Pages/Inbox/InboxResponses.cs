namespace PolicyEngage.Portal.Pages.Inbox;

/// <summary>A delivered digest as <c>GET /api/regulator/inbox</c> lists it (no papers).</summary>
public sealed record InboxEntryResponse(Guid Id, Guid ConsultationId, string ContentHash, DateTimeOffset CompiledAt, DateTimeOffset DeliveredAt, DateTimeOffset? AcknowledgedAt)
{
    public string Status => AcknowledgedAt is null ? "Delivered" : "Acknowledged";
}
