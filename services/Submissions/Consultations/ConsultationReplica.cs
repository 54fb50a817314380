using PolicyEngage.Contracts;

namespace PolicyEngage.Submissions.Consultations;

/// <summary>
/// Submissions' replica of a consultation, kept from RegulatorLiaison's events, so it can refuse late papers
/// without calling another service.
/// </summary>
public sealed class ConsultationReplica
{
    private ConsultationReplica() { }

    public Guid Id { get; private set; }
    public DateTime ClosesAt { get; private set; }
    public bool IsClosed { get; private set; }

    /// <summary>The <c>ConsultationOpened</c> event; a first submission names it as its cause. Null while only the close is known.</summary>
    public Guid? OpenedEventId { get; private set; }

    public static ConsultationReplica Opened(ConsultationOpened opened) => new()
    {
        Id = opened.ConsultationId,
        ClosesAt = opened.ClosesAt,
        OpenedEventId = opened.EventId,
    };

    /// <summary>The close overtook the opening on the bus: remember it closed; the opening fills in the rest.</summary>
    public static ConsultationReplica ClosedBeforeOpened(ConsultationClosed closed) => new()
    {
        Id = closed.ConsultationId,
        ClosesAt = closed.OccurredAt,
        IsClosed = true,
    };

    public void ApplyOpened(ConsultationOpened opened)
    {
        ClosesAt = opened.ClosesAt;
        OpenedEventId = opened.EventId;
    }

    public void Close() => IsClosed = true;

    public bool AcceptsPapersAt(DateTime now) => !IsClosed && now < ClosesAt;
}
