namespace PolicyEngage.Contracts;

/// <summary>
/// Audit signed a checkpoint of its ledger: a C2SP tlog-checkpoint note over the first <see cref="TreeSize"/> entries.
/// Witnesses keep copies that Audit cannot rewrite later. The one event that does not enter the ledger (it is about it).
/// </summary>
public sealed record LedgerCheckpointSigned(long TreeSize, string RootHash, string Note) : IntegrationEvent;
