namespace PolicyEngage.Audit.Ledger;

/// <summary>
/// How far the ledger has been verified: the entry up to which every check held when the checkpoint signer last
/// verified (it does, before each round). The incremental verify starts after it, so its cost follows what was added
/// since; <c>?full=true</c> ignores it and checks everything.
/// </summary>
public sealed class VerifiedHead
{
    public const int SingletonId = 1;

    private VerifiedHead() { }

    public int Id { get; private set; } = SingletonId;
    public long Sequence { get; private set; }
    public string Hash { get; private set; } = "";
    public long TreeSize { get; private set; }
    public DateTime VerifiedAt { get; private set; }

    public static VerifiedHead At(long sequence, string hash, long treeSize, DateTime verifiedAt) =>
        new() { Sequence = sequence, Hash = hash, TreeSize = treeSize, VerifiedAt = verifiedAt };

    public void MoveTo(long sequence, string hash, long treeSize, DateTime verifiedAt)
    {
        if (sequence < Sequence || (sequence == Sequence && treeSize <= TreeSize)) return;
        (Sequence, Hash, TreeSize, VerifiedAt) = (sequence, hash, treeSize, verifiedAt);
    }
}
