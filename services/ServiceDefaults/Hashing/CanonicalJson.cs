using System.Text.Json;

namespace PolicyEngage.ServiceDefaults.Hashing;

/// <summary>
/// RFC 8785 canonical JSON. The implementation lives in PolicyEngage.Ledger.Proofs, which the offline verifier shares,
/// so that the ledger and anyone checking it hash the very same bytes; this adds serializing our own records.
/// </summary>
public static class CanonicalJson
{
    public static string Serialize<T>(T value) =>
        Serialize(JsonSerializer.SerializeToElement(value, Json.JsonDefaults.Options));

    public static string Serialize(JsonElement element) => Ledger.Proofs.CanonicalJson.Serialize(element);
}
