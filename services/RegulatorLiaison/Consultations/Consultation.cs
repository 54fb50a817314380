using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Regulators;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.RegulatorLiaison.Consultations;

/// <summary>A regulator's public consultation: open until an officer closes it or its deadline passes.</summary>
public sealed class Consultation : AggregateRoot
{
    private Consultation() { }

    public Guid Id { get; private set; }
    public Guid RegulatorId { get; private set; }
    public string Reference { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public DateTime ClosesAt { get; private set; }
    public ConsultationStatus Status { get; private set; }
    public DateTime OpenedAt { get; private set; }
    public Guid OpenedEventId { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    /// <summary>The <c>ConsultationClosed</c> event; a digest compiled afterwards names it as its cause.</summary>
    public Guid? ClosedEventId { get; private set; }

    public static Consultation Open(
        Regulator regulator, string reference, string title, string summary, DateTime closesAt, string actor, DateTime now)
    {
        var consultation = new Consultation
        {
            Id = Guid.CreateVersion7(),
            RegulatorId = regulator.Id,
            Reference = reference,
            Title = title,
            Summary = summary,
            ClosesAt = closesAt,
            Status = ConsultationStatus.Open,
            OpenedAt = now,
            OpenedEventId = Guid.CreateVersion7(),
        };
        consultation.Raise(new ConsultationOpened(consultation.Id, regulator.Id, reference, title, summary, closesAt)
        {
            EventId = consultation.OpenedEventId,
            OccurredAt = now,
            Actor = actor,
            CausationId = regulator.RegisteredEventId,
        });
        return consultation;
    }

    public void Close(string actor, ConsultationCloseReason reason, DateTime now)
    {
        if (Status == ConsultationStatus.Closed) throw new StateConflictException("The consultation is already closed.");

        Status = ConsultationStatus.Closed;
        ClosedAt = now;
        ClosedEventId = Guid.CreateVersion7();
        Raise(new ConsultationClosed(Id, RegulatorId, reason)
        {
            EventId = ClosedEventId.Value,
            OccurredAt = now,
            Actor = actor,
            CausationId = OpenedEventId,
        });
    }
}

public enum ConsultationStatus
{
    Open,
    Closed,
}
