using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Mail;

namespace PolicyEngage.Submissions.Papers;

/// <summary>The mail that tells whoever submitted a version what the reviewer decided on it.</summary>
public static class DecisionMail
{
    /// <summary>The kind in its <c>Message-ID</c>: <c>decision.{ReviewCompleted's event id}@…</c>.</summary>
    public const string Kind = "decision";

    /// <summary>Null when the decided version is not held here or its submitter left no address.</summary>
    public static OutgoingMail? For(Paper paper, ReviewCompleted review, MailOptions mail, PortalLinks portal, DateTime now)
    {
        if (paper.Versions.SingleOrDefault(v => v.Number == review.Version) is not { SubmittedByEmail: { } recipient } version) return null;

        var (english, chinese) = review.Outcome switch
        {
            ReviewOutcome.Approve => ("Approved", "已批准"),
            ReviewOutcome.RequestChanges => ("Changes requested", "需要修改"),
            ReviewOutcome.Reject => ("Rejected", "已拒绝"),
            _ => throw new ArgumentOutOfRangeException(nameof(review), review.Outcome, "Unknown review outcome."),
        };
        var text = MailText.Bilingual(
            $"{english}: \"{version.Title}\", version {version.Number}",
            $"{chinese}：《{version.Title}》第 {version.Number} 版",
            $"""
            A reviewer has decided on version {version.Number} of your position paper "{version.Title}".

            Decision: {english}
            Reviewer's comment:
            {review.Comment}

            Read the paper, its versions and every review in the portal:
            """,
            $"""
            审阅人已就您的立场文件《{version.Title}》第 {version.Number} 版作出决定。

            决定：{chinese}
            审阅意见：
            {review.Comment}

            请在门户网站查看该文件、各版本及全部审阅意见：
            """,
            portal.Page($"papers/{paper.Id}"));
        return OutgoingMail.To(recipient, Kind, review.EventId, text, mail, now);
    }
}
