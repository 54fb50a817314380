using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;

namespace PolicyEngage.RegulatorLiaison.LedgerCheckpoints;

[InboxName("ledger-checkpoint-signed")]
public sealed class LedgerCheckpointSignedConsumer(RegulatorLiaisonDbContext db, TimeProvider clock)
    : InboxConsumer<LedgerCheckpointSigned>(db, clock)
{
    protected override async Task Apply(LedgerCheckpointSigned message, CancellationToken cancellationToken)
    {
        // A size signed once is signed once: a second note of it (a re-published event) adds nothing.
        if (await db.WitnessedCheckpoints.AnyAsync(c => c.TreeSize == message.TreeSize, cancellationToken)) return;
        db.WitnessedCheckpoints.Add(WitnessedCheckpoint.Of(message, UtcNow));
    }
}
