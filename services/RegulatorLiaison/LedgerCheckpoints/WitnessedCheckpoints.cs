using Microsoft.EntityFrameworkCore;
using PolicyEngage.RegulatorLiaison.Data;

namespace PolicyEngage.RegulatorLiaison.LedgerCheckpoints;

public static class WitnessedCheckpoints
{
    /// <summary>The note of the largest tree witnessed so far (they may arrive out of order), or null before the first.</summary>
    public static Task<string?> LatestNoteAsync(RegulatorLiaisonDbContext db, CancellationToken cancellationToken) =>
        db.WitnessedCheckpoints.AsNoTracking().OrderByDescending(c => c.TreeSize).Select(c => c.Note).FirstOrDefaultAsync(cancellationToken);
}
