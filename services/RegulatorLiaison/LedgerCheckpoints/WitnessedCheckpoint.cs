using PolicyEngage.Contracts;

namespace PolicyEngage.RegulatorLiaison.LedgerCheckpoints;

/// <summary>
/// A copy of a checkpoint Audit signed, kept as a witness: digests carry the largest one known when they are compiled,
/// so every regulator holds heads of the ledger that Audit cannot rewrite later. Checkpoints may arrive out of order.
/// </summary>
public sealed class WitnessedCheckpoint
{
    /// <summary>An origin line, a size line, a root line and a signature line or a few: a note is short.</summary>
    public const int NoteLength = 4000;

    private WitnessedCheckpoint() { }

    public long TreeSize { get; private set; }
    public string RootHash { get; private set; } = "";

    /// <summary>The signed note exactly as Audit published it.</summary>
    public string Note { get; private set; } = "";
    public DateTime ReceivedAt { get; private set; }

    public static WitnessedCheckpoint Of(LedgerCheckpointSigned signed, DateTime receivedAt) => new()
    {
        TreeSize = signed.TreeSize,
        RootHash = signed.RootHash,
        Note = signed.Note,
        ReceivedAt = receivedAt,
    };
}
