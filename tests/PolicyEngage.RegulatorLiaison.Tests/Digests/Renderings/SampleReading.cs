using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.RegulatorLiaison.Digests.Groups;
using PolicyEngage.RegulatorLiaison.Digests.Renderings;

namespace PolicyEngage.RegulatorLiaison.Tests.Digests.Renderings;

/// <summary>
/// A digest with Chinese, Japanese and Korean positions, a group, a signed checkpoint note, and text written to break
/// out of each rendering: markup, scripts, event handlers, Markdown links and runs of backticks.
/// </summary>
internal static class SampleReading
{
    public const string CompiledAt = "2026-04-01T12:00:00.1234567Z";

    public const string HostileTitle = "[click me](https://evil.example/x) <img src=x onerror=alert(1)> **bold** # heading";
    public const string HostileOrganisation = "Evil & Co <b>bold</b> | pipe `tick`";
    public const string HostileSummary = "<script>alert(1)</script> &lt;not an entity&gt;";
    public const string HostileBody =
        "Before the fence.\n```\n</div><script>alert(2)</script>\n````\n<img src=x onerror=alert(3)>\n" +
        "A run of five: ````` and [a link](javascript:alert(4)).\r\nWindows line, then\ttab.\n";

    public const string Checkpoint =
        "policyengage.example/ledger\n42\nqL6iW7n0ZLz0x7Jc1v0b3nUQf1o0x8kzv5mQe2Jx9aA=\n\n" +
        "— policyengage.example/ledger Az3grlgB3dUD1lM4mOj0VQrA8Ol0FTIm2P5lKs0y0k0+w5Js0d3V7n0Q==\n";

    public static readonly DigestPosition Chinese = new(
        Guid.Parse("01960000-0000-7000-8000-000000000001"), 1, new string('a', 64), "中国消费者协会", "关于数据保护的意见",
        "我们支持该提案，但需要更多保障。",
        "我们认为，个人数据的处理必须透明。\n监管机构应当要求企业公开其数据使用方式，并给予用户撤回同意的权利。");

    public static readonly DigestPosition Japanese = new(
        Guid.Parse("01960000-0000-7000-8000-000000000002"), 2, new string('b', 64), "日本消費者連盟", "個人情報保護に関する意見書",
        "私たちは、この提案を支持します。",
        "ただし、透明性の確保が必要です。カタカナのデータベースとひらがなの説明を含みます。");

    public static readonly DigestPosition Korean = new(
        Guid.Parse("01960000-0000-7000-8000-000000000003"), 3, new string('c', 64), "한국소비자연맹", "개인정보 보호에 관한 의견",
        "우리는 이 제안을 지지합니다.",
        "그러나 더 많은 보호 장치가 필요합니다. 이용자는 언제든지 동의를 철회할 수 있어야 합니다.");

    public static readonly DigestPosition Hostile = new(
        Guid.Parse("01960000-0000-7000-8000-000000000004"), 7, new string('d', 64), HostileOrganisation, HostileTitle, HostileSummary, HostileBody);

    public static readonly DigestStatistics Statistics = new(Positions: 4, Organisations: 4, PendingReview: 2, Rejected: 1, Withdrawn: 3, Late: 5);

    public static readonly DigestGroup Group = new([Chinese.PaperId, Japanese.PaperId], [Chinese.Organisation, Japanese.Organisation], 0.8571);

    public static DigestReading Reading(string? checkpoint = Checkpoint, params DigestPosition[] positions)
    {
        positions = positions.Length > 0 ? positions : [Chinese, Japanese, Korean, Hostile];
        var digest = new DigestResponse(
            Guid.Parse("01960000-0000-7000-8000-0000000000d1"), Guid.NewGuid(), Guid.NewGuid(),
            DateTime.Parse(CompiledAt, null, System.Globalization.DateTimeStyles.RoundtripKind), new string('e', 64),
            positions, Statistics, DigestStatus.Delivered, null, null, [], positions.Contains(Chinese) ? [Group] : [], new LedgerCheckpointCopy(checkpoint));
        return DigestReading.Of(digest, "CP-2026/07 <i>", "Open banking & data 「開放」 consultation", "Financial Conduct Authority 金融庁");
    }

    /// <summary>Every text each rendering must show, as the digest holds it.</summary>
    public static IEnumerable<string> Facts(DigestReading reading)
    {
        yield return reading.ConsultationReference;
        yield return reading.ConsultationTitle;
        yield return reading.RegulatorName;
        yield return reading.DigestId.ToString();
        yield return CompiledAt;
        yield return reading.Status.ToString();
        yield return reading.ContentHash;
        if (reading.LedgerCheckpoint is { } note) yield return note;
        foreach (var group in reading.Groups)
        {
            yield return group.Similarity.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var member in group.Members)
            {
                yield return member.Organisation;
                yield return member.Title!;
            }
        }
        foreach (var position in reading.Positions)
        {
            yield return position.Organisation;
            yield return position.Title;
            yield return position.Summary;
            yield return position.Body;
            yield return position.Version.ToString();
            yield return position.ContentHash;
            yield return position.PaperId.ToString();
        }
    }

    /// <summary>Each statistic's label and figure, as a reader sees them.</summary>
    public static readonly (string Label, string Value)[] StatisticRows =
    [
        ("Positions", "4"), ("Organisations", "4"), ("Pending review", "2"), ("Rejected", "1"), ("Withdrawn", "3"), ("Late", "5"),
    ];
}
