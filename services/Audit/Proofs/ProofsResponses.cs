namespace PolicyEngage.Audit.Proofs;

/// <summary>RFC 6962 §2.1.1: the audit path of leaf <see cref="LeafIndex"/> (the entry of sequence + 1) in the tree of a checkpoint, the leaf's sibling first; hashes in lowercase hex.</summary>
public sealed record InclusionProofResponse(long LeafIndex, long TreeSize, string RootHash, IReadOnlyList<string> Hashes);

/// <summary>RFC 6962 §2.1.2: that the tree of size <see cref="From"/> is a prefix of the tree of size <see cref="To"/>.</summary>
public sealed record ConsistencyProofResponse(long From, long To, string FromRoot, string ToRoot, IReadOnlyList<string> Hashes);
