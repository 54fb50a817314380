using System.Net;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Health;
using PolicyEngage.ServiceDefaults.Messaging;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.ServiceDefaults.Messaging.Outbox;
using PolicyEngage.ServiceDefaults.Persistence;
using PolicyEngage.Testing;

namespace PolicyEngage.ServiceDefaults.Tests.Messaging;

/// <summary>One "service" process as the real ones are wired: ServiceDefaults' database, bus on real RabbitMQ, outbox relay.</summary>
internal static class MessagingHost
{
    public static async Task<WebApplication> StartAsync(
        string databaseFile,
        TestVirtualHost virtualHost,
        DeliveryLog? deliveries = null,
        bool runRelay = true,
        TimeSpan? claimDuration = null,
        ushort? unreachableBrokerPort = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        IReadOnlyList<Type>? alsoOwns = null)
    {
        await virtualHost.AddServiceAsync("Registry", [typeof(RegulatorRegistered), .. alsoOwns ?? []], new Dictionary<string, Type[]>
        {
            ["registry-registration-seen"] = [typeof(RegulatorRegistered)],
            ["registry-delivery-counter"] = [typeof(RegulatorRegistered)],
        });
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "PolicyEngage.Registry",
            EnvironmentName = Environments.Development,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:registry"] = $"Data Source={databaseFile}",
            ["RabbitMq:Port"] = (unreachableBrokerPort ?? TestBroker.AmqpPort).ToString(),
            ["RabbitMq:VirtualHost"] = virtualHost.Name,
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:BatchSize"] = "50",
            ["Outbox:ClaimDuration"] = (claimDuration ?? TimeSpan.FromSeconds(30)).ToString(),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
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
        // Tests prune by calling the pruner, never racing the hourly service.
        builder.Services.Remove(builder.Services.Single(d => d.ImplementationType == typeof(InboxPruningService<RegistryDbContext>)));

        var host = builder.Build();
        host.MapHealthEndpoints();
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Database.EnsureCreatedAsync();
        await host.StartAsync();
        if (unreachableBrokerPort is null)
            await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return host;
    }

    public static async Task<T> WithDbAsync<T>(this IHost host, Func<RegistryDbContext, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    public static OutboxRelay<RegistryDbContext> Relay(this IHost host) => host.Services.GetRequiredService<OutboxRelay<RegistryDbContext>>();

    /// <summary>GET /health/ready of the host, as a load balancer asks it.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> ReadinessAsync(this IHost host)
    {
        var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var response = await client.GetAsync("/health/ready");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
