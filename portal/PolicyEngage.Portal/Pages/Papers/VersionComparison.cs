namespace PolicyEngage.Portal.Pages.Papers;

/// <summary>Two submitted versions side by side: what changed in the title, the summary and the body.</summary>
public sealed record VersionComparison(
    PaperVersionResponse From, PaperVersionResponse To, IReadOnlyList<DiffSegment> Title, IReadOnlyList<DiffSegment> Summary, IReadOnlyList<DiffSegment> Body)
{
    /// <summary>
    /// The versions asked for (<paramref name="from"/>, <paramref name="to"/>), else the latest against the one before;
    /// null while there is only one version, or when a number names none.
    /// </summary>
    public static VersionComparison? Of(IReadOnlyList<PaperVersionResponse> versions, int? from, int? to)
    {
        if (versions.Count < 2) return null;
        var newer = to is { } t ? versions.FirstOrDefault(v => v.Version == t) : versions[^1];
        if (newer is null) return null;
        var older = from is { } f ? versions.FirstOrDefault(v => v.Version == f) : versions.LastOrDefault(v => v.Version < newer.Version);
        if (older is null) return null;
        return new VersionComparison(older, newer,
            VersionDiff.Between(older.Title, newer.Title), VersionDiff.Between(older.Summary, newer.Summary), VersionDiff.Between(older.Body, newer.Body));
    }
}
