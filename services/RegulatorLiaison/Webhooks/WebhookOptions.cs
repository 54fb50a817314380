using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;

namespace PolicyEngage.RegulatorLiaison.Webhooks;

/// <summary>Configuration section <c>Webhooks</c>: how digests are pushed to the regulators' endpoints.</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string Section = "Webhooks";

    public const string DefaultRetrySchedule = "00:00:05,00:05:00,00:30:00,02:00:00,05:00:00,10:00:00,10:00:00";

    /// <summary>The most one span of the schedule (or a receiver's <c>Retry-After</c>) may wait.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(24);

    /// <summary>How long one attempt waits for the answer's status line and headers, connecting included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Comma-separated spans (<c>hh:mm:ss</c>) to wait after each failed attempt before the next: the first attempt and
    /// one retry per span. Empty: a single attempt.
    /// </summary>
    public string RetrySchedule { get; set; } = DefaultRetrySchedule;

    /// <summary>
    /// Comma-separated networks in CIDR form (<c>10.20.0.0/16, fd00:1::/64</c>) whose addresses webhooks may reach though
    /// they are private, loopback or otherwise blocked. Empty by default.
    /// </summary>
    public string AllowedNetworks { get; set; } = "";

    /// <summary>How often the dispatcher looks for pushes that are due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a rotated-out secret keeps signing beside the new one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The parsed <see cref="RetrySchedule"/>; a <see cref="FormatException"/> names the entry that is not a span.</summary>
    public IReadOnlyList<TimeSpan> RetrySpans() => Entries(RetrySchedule).Select(SpanOf).ToArray();

    /// <summary>The parsed <see cref="AllowedNetworks"/>; a <see cref="FormatException"/> names the entry that is no network.</summary>
    public IReadOnlyList<IPNetwork> AllowedNetworkList() => Entries(AllowedNetworks).Select(NetworkOf).ToArray();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ParseErrorOf(() => RetrySpans()) is { } schedule)
            yield return new ValidationResult($"{Section}:{nameof(RetrySchedule)}: {schedule}", [nameof(RetrySchedule)]);
        if (ParseErrorOf(() => AllowedNetworkList()) is { } networks)
            yield return new ValidationResult($"{Section}:{nameof(AllowedNetworks)}: {networks}", [nameof(AllowedNetworks)]);
    }

    private static string? ParseErrorOf(Action parse)
    {
        try
        {
            parse();
            return null;
        }
        catch (FormatException invalid)
        {
            return invalid.Message;
        }
    }

    private static string[] Entries(string list) => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static TimeSpan SpanOf(string entry) =>
        // "c" wants hh:mm:ss, so a bare "5" is refused rather than read as five days.
        entry.Contains(':') && TimeSpan.TryParseExact(entry, "c", CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero && span <= LongestWait
            ? span
            : throw new FormatException($"'{entry}' is not a span (hh:mm:ss) above zero and at most {LongestWait:c}.");

    private static IPNetwork NetworkOf(string entry) =>
        IPNetwork.TryParse(entry, out var network)
            ? network
            : throw new FormatException($"'{entry}' is not a network in CIDR form (address/prefix length).");
}
