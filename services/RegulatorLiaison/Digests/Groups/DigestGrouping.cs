namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

public static class DigestGrouping
{
    /// <summary>Binds <see cref="DigestGroupingOptions"/>; a threshold outside (0, 1] stops the service at start.</summary>
    public static IHostApplicationBuilder AddDigestGrouping(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DigestGroupingOptions>()
            .Bind(builder.Configuration.GetSection(DigestGroupingOptions.Section))
            .Validate(o => o.SimilarityThreshold is > 0 and <= 1, "Digests:SimilarityThreshold must be above 0 and at most 1.")
            .ValidateOnStart();
        return builder;
    }
}
