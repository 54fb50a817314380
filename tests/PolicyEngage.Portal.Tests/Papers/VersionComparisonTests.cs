using PolicyEngage.Portal.Pages.Papers;

namespace PolicyEngage.Portal.Tests.Papers;

public sealed class VersionComparisonTests
{
    private static readonly DateTimeOffset Moment = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static PaperVersionResponse Version(int number, string body) => new(number, new string('a', 64), $"Title {number}", "Summary", body, Moment.AddHours(number));

    private static readonly IReadOnlyList<PaperVersionResponse> Three = [Version(1, "first"), Version(2, "second"), Version(3, "third")];

    [Fact]
    public void By_default_the_latest_version_is_compared_with_the_one_before()
    {
        var comparison = VersionComparison.Of(Three, from: null, to: null)!;

        Assert.Equal((2, 3), (comparison.From.Version, comparison.To.Version));
        Assert.Contains(comparison.Body, s => s is { Kind: DiffKind.Added, Text: "third" });
    }

    [Fact]
    public void Any_two_versions_may_be_chosen()
    {
        var comparison = VersionComparison.Of(Three, from: 1, to: 3)!;

        Assert.Equal((1, 3), (comparison.From.Version, comparison.To.Version));
        Assert.Contains(comparison.Body, s => s is { Kind: DiffKind.Removed, Text: "first" });
    }

    [Fact]
    public void One_version_alone_or_a_number_that_names_none_compares_nothing()
    {
        Assert.Null(VersionComparison.Of([Version(1, "only")], null, null));
        Assert.Null(VersionComparison.Of(Three, from: 1, to: 9));
        Assert.Null(VersionComparison.Of(Three, from: 0, to: 2));
    }
}
