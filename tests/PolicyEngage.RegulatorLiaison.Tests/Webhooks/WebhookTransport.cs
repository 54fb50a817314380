using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.RegulatorLiaison.Webhooks.Delivery;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks;

/// <summary>The webhook transport registered as RegulatorLiaison registers it, in the environment and settings a test names.</summary>
internal sealed class WebhookTransport : IDisposable
{
    private readonly ServiceProvider _services;

    private WebhookTransport(ServiceProvider services) => _services = services;

    public static WebhookTransport In(string environment, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddWebhookClient(configuration, new TestHostEnvironment(environment));
        return new WebhookTransport(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    /// <summary>Production, where of the blocked ranges only the test receivers' 127.0.0.2 is allowed.</summary>
    public static WebhookTransport ProductionAllowing127002(params (string Key, string Value)[] settings) =>
        In("Production", [("Webhooks:AllowedNetworks", "127.0.0.2/32"), .. settings]);

    public WebhookSender Sender => Get<WebhookSender>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();
}
