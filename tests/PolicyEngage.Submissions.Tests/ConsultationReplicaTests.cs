using PolicyEngage.Contracts;
using PolicyEngage.Submissions.Consultations;
using PolicyEngage.Testing.Events;
using static PolicyEngage.Submissions.Tests.Support.PaperScenario;

namespace PolicyEngage.Submissions.Tests;

public class ConsultationReplicaTests
{
    [Fact]
    public void An_open_consultation_accepts_papers_strictly_before_closesAt()
    {
        var consultation = OpenConsultation(closesAt: Now.AddMinutes(1));

        Assert.True(consultation.AcceptsPapersAt(Now));
        Assert.False(consultation.AcceptsPapersAt(Now.AddMinutes(1)));
    }

    [Fact]
    public void A_close_that_overtakes_the_opening_keeps_the_consultation_closed()
    {
        var opened = Opened();
        var closed = ConsultationEvents.Closed(opened.ConsultationId, opened.RegulatorId) with { OccurredAt = Now };

        var consultation = ConsultationReplica.ClosedBeforeOpened(closed);
        consultation.ApplyOpened(opened);

        Assert.False(consultation.AcceptsPapersAt(Now.AddDays(-2)));
        Assert.Equal(opened.ClosesAt, consultation.ClosesAt);
        Assert.Equal(opened.EventId, consultation.OpenedEventId);
    }
}
