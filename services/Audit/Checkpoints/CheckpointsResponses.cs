namespace PolicyEngage.Audit.Checkpoints;

/// <summary>The key that verifies every checkpoint, in the signed-note verifier form <c>&lt;origin&gt;+&lt;key id&gt;+&lt;key&gt;</c>.</summary>
public sealed record LedgerKeyResponse(string Origin, string VerifierKey);
