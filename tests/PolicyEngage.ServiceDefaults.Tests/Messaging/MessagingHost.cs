using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging;
using PolicyEngage.ServiceDefaults.Messaging.Outbox;
using PolicyEngage.ServiceDefaults.Persistence;
using PolicyEngage.Testing;

namespace PolicyEngage.ServiceDefaults.Tests.Messaging;

/// <summary>One "service" process as the real ones are wired: ServiceDefaults' database, bus on real RabbitMQ, outbox relay.</summary>
internal static class MessagingHost
{
    public static async Task<IHost> StartAsync(
        string databaseFile,
        TestVirtualHost virtualHost,
        DeliveryLog? deliveries = null,
        bool runRelay = true,
        TimeSpan? claimDuration = null)
    {
        await virtualHost.AddServiceAsync("Registry", [typeof(RegulatorRegistered)], new Dictionary<string, Type[]>
        {
            ["registry-registration-seen"] = [typeof(RegulatorRegistered)],
            ["registry-delivery-counter"] = [typeof(RegulatorRegistered)],
        });
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "PolicyEngage.Registry",
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:registry"] = $"Data Source={databaseFile}",
            ["RabbitMq:Port"] = TestBroker.AmqpPort.ToString(),
            ["RabbitMq:VirtualHost"] = virtualHost.Name,
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:BatchSize"] = "50",
            ["Outbox:ClaimDuration"] = (claimDuration ?? TimeSpan.FromSeconds(30)).ToString(),
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddServiceDatabase<RegistryDbContext, RegistryDbContext>("registry");
        builder.AddServiceMessaging<RegistryDbContext>(bus =>
        {
            if (deliveries is null) return;
            builder.Services.AddSingleton(deliveries);
            bus.AddConsumer<RegistrationSeenConsumer>();
            bus.AddConsumer<DeliveryCounter>();
        });
        if (!runRelay)
            builder.Services.Remove(builder.Services.Single(d => d.ImplementationType == typeof(OutboxRelayService<RegistryDbContext>)));

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Database.EnsureCreatedAsync();
        await host.StartAsync();
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return host;
    }

    public static async Task<T> WithDbAsync<T>(this IHost host, Func<RegistryDbContext, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    public static OutboxRelay<RegistryDbContext> Relay(this IHost host) => host.Services.GetRequiredService<OutboxRelay<RegistryDbContext>>();
}
