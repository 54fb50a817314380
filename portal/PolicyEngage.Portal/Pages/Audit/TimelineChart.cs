using System.Globalization;

namespace PolicyEngage.Portal.Pages.Audit;

/// <summary>
/// The geometry of a timeline's picture: one lane per service, each event a mark in sequence order, and a line from
/// each event to the earlier one its <c>causationId</c> names (when that one is on the same page).
/// </summary>
public sealed class TimelineChart
{
    public const int LaneHeight = 56;
    public const int Step = 40;
    public const int LabelWidth = 150;
    public const int Margin = 24;

    /// <summary>The services in the order of the flow, so the picture reads top-down as the story goes.</summary>
    private static readonly string[] KnownServices = ["RegulatorLiaison", "Submissions", "Reviews", "Audit"];

    private TimelineChart(IReadOnlyList<string> lanes, IReadOnlyList<Mark> marks, IReadOnlyList<Cause> causes)
    {
        Lanes = lanes;
        Marks = marks;
        Causes = causes;
    }

    public IReadOnlyList<string> Lanes { get; }
    public IReadOnlyList<Mark> Marks { get; }
    public IReadOnlyList<Cause> Causes { get; }

    public int Width => LabelWidth + Margin * 2 + Math.Max(1, Marks.Count) * Step;
    public int Height => Margin * 2 + Lanes.Count * LaneHeight;

    public static int LaneY(int lane) => Margin + lane * LaneHeight + LaneHeight / 2;

    public static TimelineChart Of(IReadOnlyList<TimelineEntry> entries)
    {
        var present = entries.Select(e => e.Service).Distinct().ToList();
        var lanes = KnownServices.Where(present.Contains).Concat(present.Except(KnownServices).Order(StringComparer.Ordinal)).ToList();
        var marks = entries.OrderBy(e => e.Sequence)
            .Select((entry, index) => new Mark(entry, LabelWidth + Margin + index * Step + Step / 2, LaneY(lanes.IndexOf(entry.Service))))
            .ToList();
        var byEvent = marks.ToDictionary(m => m.Entry.EventId);
        var causes = marks
            .Where(m => m.Entry.CausationId is { } cause && byEvent.ContainsKey(cause))
            .Select(m => new Cause(byEvent[m.Entry.CausationId!.Value], m))
            .ToList();
        return new TimelineChart(lanes, marks, causes);
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

public sealed record Mark(TimelineEntry Entry, int X, int Y);

/// <summary>A line from the event that led to another (<see cref="From"/>) to that other (<see cref="To"/>).</summary>
public sealed record Cause(Mark From, Mark To);
