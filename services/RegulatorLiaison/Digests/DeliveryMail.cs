using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Regulators;
using PolicyEngage.ServiceDefaults.Mail;

namespace PolicyEngage.RegulatorLiaison.Digests;

/// <summary>The mail that tells a regulator's contact address that a digest was delivered to it, and how to acknowledge it.</summary>
public static class DeliveryMail
{
    /// <summary>The kind in its <c>Message-ID</c>: <c>digest-delivered.{DigestDelivered's event id}@…</c>.</summary>
    public const string Kind = "digest-delivered";

    /// <summary>Null when the regulator left no contact address.</summary>
    public static OutgoingMail? For(Digest digest, Consultation consultation, Regulator regulator, MailOptions mail, PortalLinks portal, DateTime now)
    {
        if (regulator.ContactEmail is not { } recipient) return null;
        var deliveredEventId = digest.DeliveredEventId ?? throw new InvalidOperationException($"Digest {digest.Id} has not been delivered.");

        var text = MailText.Bilingual(
            $"Digest delivered: {consultation.Reference} {consultation.Title}",
            $"摘要已送达：{consultation.Reference} {consultation.Title}",
            $"""
            The alliance has delivered a digest of the approved positions on your consultation {consultation.Reference}, "{consultation.Title}".

            Digest: {digest.Id}
            Content hash (SHA-256): {digest.ContentHash}

            To acknowledge receipt, open the digest in the portal and confirm it, or POST its content hash to
            /api/digests/{digest.Id}/acknowledge as {"{"}"contentHash": "{digest.ContentHash}"{"}"}. You receive a receipt.
            Read the digest:
            """,
            $"""
            联盟已就贵方的咨询 {consultation.Reference}《{consultation.Title}》送达一份已批准立场的摘要。

            摘要编号：{digest.Id}
            内容哈希值（SHA-256）：{digest.ContentHash}

            如需确认收到，请在门户网站打开该摘要并确认，或将其内容哈希值以 {"{"}"contentHash": "{digest.ContentHash}"{"}"}
            提交至 /api/digests/{digest.Id}/acknowledge（POST），您将收到回执。
            查看摘要：
            """,
            portal.Page($"digests/{digest.Id}"));
        return OutgoingMail.To(recipient, Kind, deliveredEventId, text, mail, now);
    }
}
