using System.Text.Json.Nodes;

namespace PolicyEngage.RegulatorLiaison.Tests.Support;

/// <summary>The fields a digest's published <c>contentHash</c> covers (SPEC), read off an answer as an outsider would.</summary>
public static class HashedDigest
{
    public static readonly string[] Fields = ["id", "consultationId", "regulatorId", "compiledAt", "positions", "statistics", "groups", "ledgerCheckpoint"];

    /// <summary>
    /// The hashed fields the answer has: one compiled before a field joined the format has none of it, and a preview has
    /// no id.
    /// </summary>
    public static JsonObject Of(JsonObject digest) => new(Fields.Where(digest.ContainsKey).Select(f => KeyValuePair.Create(f, digest[f]?.DeepClone())));
}
