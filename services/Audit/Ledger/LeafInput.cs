using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PolicyEngage.Ledger.Proofs;
using PolicyEngage.ServiceDefaults.Json;

namespace PolicyEngage.Audit.Ledger;

/// <summary>
/// An entry's Merkle leaf written straight from its columns: the very bytes <see cref="LedgerLeaf.Input"/> makes of the
/// entry as a timeline shows it (RFC 8785 over the leaf keys), without building, cloning and re-parsing a JSON tree per
/// entry, which cost some 25 times the hashing. The stored data is canonical JSON already (<see cref="StoredEvent"/>)
/// and goes in as it is. <c>LeafInputTests</c> hold the two equal over entries of every shape.
/// </summary>
public static class LeafInput
{
    public static byte[] HashOf(LedgerEntry entry)
    {
        var text = TextOf(entry);
        // The leaf prefix (RFC 6962: 0x00), then the input's UTF-8.
        var buffer = ArrayPool<byte>.Shared.Rent(1 + Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            buffer[0] = 0x00;
            var length = 1 + Encoding.UTF8.GetBytes(text, buffer.AsSpan(1));
            return SHA256.HashData(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The keys in RFC 8785's order (ordinal), which is <see cref="LedgerLeaf.LeafKeys"/> sorted.</summary>
    public static string TextOf(LedgerEntry entry)
    {
        var json = new StringBuilder(entry.Data.Length + 512);
        json.Append("{\"actor\":");
        CanonicalJson.WriteString(json, entry.Actor);
        json.Append(",\"consultationId\":");
        AppendId(json, entry.ConsultationId);
        json.Append(",\"data\":").Append(entry.Data);
        json.Append(",\"eventId\":");
        AppendId(json, entry.EventId);
        json.Append(",\"eventType\":");
        CanonicalJson.WriteString(json, entry.EventType);
        json.Append(",\"hash\":");
        CanonicalJson.WriteString(json, entry.Hash);
        // As the timeline writes it (its digits and 'T', '-', ':', '.', 'Z' need no escaping either way).
        json.Append(",\"occurredAt\":").Append(JsonSerializer.Serialize(entry.OccurredAt, JsonDefaults.Options));
        json.Append(",\"paperId\":");
        AppendId(json, entry.PaperId);
        json.Append(",\"previousHash\":");
        CanonicalJson.WriteString(json, entry.PreviousHash);
        json.Append(",\"sequence\":").Append(entry.Sequence.ToString(CultureInfo.InvariantCulture));
        json.Append(",\"service\":");
        CanonicalJson.WriteString(json, entry.Service);
        return json.Append('}').ToString();
    }

    private static void AppendId(StringBuilder json, Guid? id)
    {
        if (id is { } value) json.Append('"').Append(value.ToString("D")).Append('"');
        else json.Append("null");
    }
}
