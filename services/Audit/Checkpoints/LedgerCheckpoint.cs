using PolicyEngage.Contracts;
using PolicyEngage.Ledger.Proofs;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.Audit.Checkpoints;

/// <summary>
/// A signed head of the ledger: a C2SP tlog-checkpoint note over the first <see cref="TreeSize"/> entries. Every one is
/// kept, sizes only grow, and each is announced to witnesses (<see cref="LedgerCheckpointSigned"/>).
/// </summary>
public sealed class LedgerCheckpoint : AggregateRoot
{
    private LedgerCheckpoint() { }

    public long TreeSize { get; private set; }

    /// <summary>Lowercase hex.</summary>
    public string RootHash { get; private set; } = "";

    /// <summary>The signed note, exactly as served.</summary>
    public string Note { get; private set; } = "";
    public DateTime SignedAt { get; private set; }

    public static LedgerCheckpoint Sign(NoteSigner signer, long treeSize, byte[] rootHash, DateTime now)
    {
        var note = signer.Sign(new Checkpoint(signer.Name, treeSize, rootHash).Body);
        var checkpoint = new LedgerCheckpoint
        {
            TreeSize = treeSize,
            RootHash = Convert.ToHexStringLower(rootHash),
            Note = note,
            SignedAt = now,
        };
        checkpoint.Raise(new LedgerCheckpointSigned(treeSize, checkpoint.RootHash, note)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = now,
            Actor = "system",
        });
        return checkpoint;
    }
}
