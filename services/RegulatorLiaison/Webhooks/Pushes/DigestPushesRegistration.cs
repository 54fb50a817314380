using PolicyEngage.RegulatorLiaison.Webhooks.Delivery;

namespace PolicyEngage.RegulatorLiaison.Webhooks.Pushes;

public static class DigestPushesRegistration
{
    /// <summary>The guarded webhook client and the dispatcher that attempts due pushes through it.</summary>
    public static IHostApplicationBuilder AddDigestPushes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddWebhookClient(builder.Configuration, builder.Environment);
        builder.Services.AddHostedService<DigestPushDispatcher>();
        return builder;
    }
}
