using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Data;

namespace PolicyEngage.Audit.Checkpoints;

/// <summary>
/// Which Audit process signs checkpoints: the one holding this lease, renewed each round by a conditional
/// <c>UPDATE</c> that only the holder, or anyone once the lease has lapsed, can make. Two processes never both hold it;
/// one that stalls past <see cref="LedgerOptions.SignerLease"/> loses it, and the checkpoint's key on its size still
/// refuses a second note for one size.
/// </summary>
public sealed class SignerLease
{
    public const string CheckpointSigner = "checkpoint-signer";

    private SignerLease() { }

    public string Name { get; private set; } = CheckpointSigner;
    public string Holder { get; private set; } = "";
    public DateTime ExpiresAt { get; private set; }

    /// <summary>Takes or renews the lease for <paramref name="holder"/>; false while another holds it.</summary>
    public static async Task<bool> TryHoldAsync(AuditDbContext db, string holder, DateTime now, TimeSpan duration, CancellationToken cancellationToken)
    {
        var held = await db.SignerLeases
            .Where(l => l.Name == CheckpointSigner && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, now + duration), cancellationToken);
        return held == 1;
    }

    public static Task ReleaseAsync(AuditDbContext db, string holder, CancellationToken cancellationToken) =>
        db.SignerLeases.Where(l => l.Name == CheckpointSigner && l.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, DateTime.MinValue), cancellationToken);
}
