using System.Globalization;

namespace PolicyEngage.RegulatorLiaison.Digests.Renderings;

/// <summary>The words and number formats the three renderings share, so they say the same things the same way.</summary>
internal static class ReadingFacts
{
    public const string GroupsHeading = "Groups of like positions";
    public const string NoGroups = "None: no two positions are near-duplicates.";
    public const string NoCheckpoint = "None recorded: no ledger checkpoint had been witnessed when the digest was compiled.";

    public static string Heading(DigestReading reading) => $"{reading.ConsultationReference} — {reading.ConsultationTitle}";

    /// <summary>As System.Text.Json writes a <see cref="DateTime"/>, so every rendering shows the JSON's <c>compiledAt</c>.</summary>
    public static string Timestamp(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Similarity(double value) => value.ToString(CultureInfo.InvariantCulture);

    public static IReadOnlyList<(string Label, string Value)> Statistics(DigestStatistics statistics) =>
    [
        ("Positions", Number(statistics.Positions)),
        ("Organisations", Number(statistics.Organisations)),
        ("Pending review", Number(statistics.PendingReview)),
        ("Rejected", Number(statistics.Rejected)),
        ("Withdrawn", Number(statistics.Withdrawn)),
        // A digest compiled before late papers were counted has no such figure, rather than a zero.
        ("Late", statistics.Late is { } late ? Number(late) : "not counted"),
    ];

    /// <summary>The digest's own facts, shown under the heading.</summary>
    public static IReadOnlyList<(string Label, string Value)> Particulars(DigestReading reading) =>
    [
        ("Regulator", reading.RegulatorName),
        ("Digest", reading.DigestId.ToString()),
        ("Compiled at", Timestamp(reading.CompiledAt)),
        ("Status", reading.Status.ToString()),
        ("Content hash", reading.ContentHash),
    ];

    public static IReadOnlyList<(string Label, string Value)> Particulars(DigestPosition position) =>
    [
        ("Organisation", position.Organisation),
        ("Version", Number(position.Version)),
        ("Paper", position.PaperId.ToString()),
        ("Content hash", position.ContentHash),
    ];

    public static string Member(ReadingGroupMember member) =>
        member.Title is { } title ? $"{member.Organisation} — {title}" : $"{member.Organisation} — paper {member.PaperId}";
}
