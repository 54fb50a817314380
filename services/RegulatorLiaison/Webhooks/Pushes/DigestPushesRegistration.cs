using PolicyEngage.RegulatorLiaison.Webhooks.Delivery;

namespace PolicyEngage.RegulatorLiaison.Webhooks.Pushes;

public static class DigestPushesRegistration
{
    /// <summary>The guarded webhook client, the dispatcher that attempts due pushes through it, and the count of its attempts.</summary>
    public static IHostApplicationBuilder AddDigestPushes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddWebhookClient(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<WebhookMetrics>();
        builder.Services.AddHostedService<DigestPushDispatcher>();
        return builder;
    }
}
