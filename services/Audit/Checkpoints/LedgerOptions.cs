namespace PolicyEngage.Audit.Checkpoints;

/// <summary>Configuration section <c>Ledger</c>.</summary>
public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>The log's name in every checkpoint and key (C2SP tlog-checkpoint's origin line).</summary>
    public string Origin { get; set; } = "policyengage.local/ledger";

    /// <summary>
    /// The Ed25519 signing key in signed-note form, <c>PRIVATE+KEY+&lt;origin&gt;+&lt;key id&gt;+&lt;base64&gt;</c>. Required
    /// outside Development; run.sh makes one in its data folder.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>A new checkpoint is signed within this long after new entries arrive.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the signing process holds <see cref="Checkpoints.SignerLease"/> past its last round: when it dies, another
    /// process signs after this long. At least two intervals, so that a holder keeps it between rounds.
    /// </summary>
    public TimeSpan SignerLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An event waiting longer than this for its cause turns readiness Degraded: the cause may never come.</summary>
    public TimeSpan WaitAlertAfter { get; set; } = TimeSpan.FromMinutes(5);
}
