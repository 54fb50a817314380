using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyEngage.RegulatorLiaison.Webhooks;
using PolicyEngage.RegulatorLiaison.Webhooks.Delivery;
using PolicyEngage.RegulatorLiaison.Webhooks.Pushes;
using PolicyEngage.ServiceDefaults.Messaging.FaultInjection;

namespace PolicyEngage.RegulatorLiaison.Tests.Support;

/// <summary>A dispatcher of the app's own parts that a test drives round by round, as a second process would run one.</summary>
public static class PushDispatchers
{
    internal static DigestPushDispatcher Of(RegulatorLiaisonApp app) => new(
        app.Services.GetRequiredService<IServiceScopeFactory>(),
        app.Services.GetRequiredService<WebhookSender>(),
        app.Services.GetRequiredService<WebhookMetrics>(),
        app.Clock,
        app.Services.GetRequiredService<IOptions<WebhookOptions>>(),
        Options.Create(new FaultInjectionOptions()),
        NullLogger<DigestPushDispatcher>.Instance);
}
