using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;

namespace PolicyEngage.RegulatorLiaison.Positions;

[InboxName("position-paper-withdrawn")]
public sealed class PositionPaperWithdrawnConsumer(RegulatorLiaisonDbContext db, TimeProvider clock)
    : InboxConsumer<PositionPaperWithdrawn>(db, clock)
{
    protected override async Task Apply(PositionPaperWithdrawn message, CancellationToken cancellationToken)
    {
        var paper = await db.TrackedPapers.FindOrTrackAsync(message.PaperId, message.ConsultationId, cancellationToken);
        paper.RecordWithdrawal(message);
    }
}
