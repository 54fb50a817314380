using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.ServiceDefaults.Errors;

namespace PolicyEngage.RegulatorLiaison.Tests;

public sealed class ConsultationTests
{
    [Fact]
    public void Registering_a_regulator_announces_it_with_the_caller_as_actor_and_no_cause()
    {
        var regulator = Sample.NewRegulator();

        var registered = Assert.IsType<RegulatorRegistered>(Assert.Single(regulator.RaisedEvents()));
        Assert.Equal(regulator.RegisteredEventId, registered.EventId);
        Assert.Equal((regulator.Id, "Data Protection Board", "EU"), (registered.RegulatorId, registered.Name, registered.Jurisdiction));
        Assert.Equal("officer-1", registered.Actor);
        Assert.Null(registered.CausationId);
    }

    [Fact]
    public void Opening_a_consultation_is_caused_by_the_regulators_registration()
    {
        var regulator = Sample.NewRegulator();

        var consultation = Sample.OpenConsultation(regulator);

        Assert.Equal(ConsultationStatus.Open, consultation.Status);
        var opened = Assert.IsType<ConsultationOpened>(Assert.Single(consultation.RaisedEvents()));
        Assert.Equal(consultation.OpenedEventId, opened.EventId);
        Assert.Equal(regulator.RegisteredEventId, opened.CausationId);
        Assert.Equal((consultation.Id, regulator.Id, consultation.ClosesAt), (opened.ConsultationId, opened.RegulatorId, opened.ClosesAt));
        Assert.Equal(("DPB-2026-01", "Avatars and biometrics"), (opened.Reference, opened.Title));
    }

    [Fact]
    public void Closing_is_caused_by_the_opening_and_records_who_and_why()
    {
        var consultation = Sample.OpenConsultation();
        var closedAt = Sample.Now.AddDays(2);

        consultation.Close("officer-2", ConsultationCloseReason.ClosedByOfficer, closedAt);

        Assert.Equal(ConsultationStatus.Closed, consultation.Status);
        Assert.Equal(closedAt, consultation.ClosedAt);
        var closed = Assert.IsType<ConsultationClosed>(consultation.RaisedEvents()[^1]);
        Assert.Equal(consultation.ClosedEventId, closed.EventId);
        Assert.Equal(consultation.OpenedEventId, closed.CausationId);
        Assert.Equal(("officer-2", ConsultationCloseReason.ClosedByOfficer), (closed.Actor, closed.Reason));
    }

    [Fact]
    public void Closing_a_closed_consultation_is_a_state_conflict_and_announces_nothing()
    {
        var consultation = Sample.ClosedConsultation();
        var eventsBefore = consultation.RaisedEvents().Count;
        var closedEventId = consultation.ClosedEventId;

        Assert.Throws<StateConflictException>(() => consultation.Close("system", ConsultationCloseReason.DeadlinePassed, Sample.Now.AddDays(40)));

        Assert.Equal(eventsBefore, consultation.RaisedEvents().Count);
        Assert.Equal(closedEventId, consultation.ClosedEventId);
    }
}
