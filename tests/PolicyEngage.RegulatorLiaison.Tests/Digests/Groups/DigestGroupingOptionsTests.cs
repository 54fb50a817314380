using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PolicyEngage.RegulatorLiaison.Digests.Groups;
using static PolicyEngage.RegulatorLiaison.Tests.Digests.Groups.Bodies;

namespace PolicyEngage.RegulatorLiaison.Tests.Digests.Groups;

public sealed class DigestGroupingOptionsTests
{
    private static IHost HostWith(string? threshold)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (threshold is not null) builder.Configuration.AddInMemoryCollection([new("Digests:SimilarityThreshold", threshold)]);
        builder.AddDigestGrouping();
        return builder.Build();
    }

    private static DigestGroupingOptions Configured(string? threshold)
    {
        using var host = HostWith(threshold);
        return host.Services.GetRequiredService<IOptions<DigestGroupingOptions>>().Value;
    }

    [Fact]
    public void The_threshold_is_0_8_unless_configured()
    {
        Assert.Equal(0.8m, Configured(null).SimilarityThreshold);
    }

    [Theory]
    [InlineData("0.5", true)]
    [InlineData("0.9", false)]
    public void The_configured_threshold_decides_whether_a_pair_is_grouped(string threshold, bool grouped)
    {
        // Two edits apart: 40 shared shingles of 60, 0.667.
        var body = DistinctWords(54);
        var positions = new GroupCandidate[] { new(Guid.CreateVersion7(), "acme", body), new(Guid.CreateVersion7(), "beta", Replaced(Replaced(body, 10), 40)) };

        var groups = LikePositions.Group(positions, Configured(threshold).SimilarityThreshold);

        Assert.Equal(grouped, groups.Count == 1);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("-0.8")]
    public async Task A_threshold_outside_zero_to_one_stops_the_host_at_start(string threshold)
    {
        using var host = HostWith(threshold);

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Digests:SimilarityThreshold", refused.Message);
    }
}
