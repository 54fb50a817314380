using PolicyEngage.Contracts;

namespace PolicyEngage.Reviews.ReviewCases;

/// <summary>
/// A withdrawal this service has heard of. The bus does not keep order, so a submission may arrive after the
/// withdrawal of its paper; remembering the withdrawal lets that late submission open its case already withdrawn.
/// </summary>
public sealed class PaperWithdrawal
{
    private PaperWithdrawal() { }

    public Guid PaperId { get; private set; }

    /// <summary>The latest submitted version when the paper was withdrawn; it and every earlier version are withdrawn.</summary>
    public int Version { get; private set; }

    public DateTime WithdrawnAt { get; private set; }

    public static PaperWithdrawal Of(PositionPaperWithdrawn withdrawn) => new()
    {
        PaperId = withdrawn.PaperId,
        Version = withdrawn.Version,
        WithdrawnAt = withdrawn.OccurredAt,
    };
}
