using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Health;
using PolicyEngage.ServiceDefaults.Json;
using PolicyEngage.ServiceDefaults.Messaging.Broker;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.ServiceDefaults.Messaging.FaultInjection;
using PolicyEngage.ServiceDefaults.Messaging.Outbox;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.ServiceDefaults.Messaging;

public static class ServiceMessaging
{
    /// <summary>
    /// MassTransit on RabbitMQ as the service's own broker user, with the service's consumers, retries with back-off
    /// (then the <c>_error</c> queue), and the outbox relay for <typeparamref name="TContext"/>. Exchanges, queues and
    /// bindings are declared ahead by the broker setup (deploy/rabbitmq/definitions.json); the service binds nothing.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging<TContext>(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator> addConsumers)
        where TContext : ServiceDbContext
    {
        var rabbit = builder.Configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        var serviceName = ServiceIdentity.NameOf(builder.Environment);
        var brokerUser = BrokerUser.Of(rabbit, builder.Environment);
        builder.Services.AddSingleton(brokerUser);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName.ToLowerInvariant(), includeNamespace: false));
            addConsumers(bus);

            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Exponential(rabbit.RetryLimit, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
                    retry.Ignore<MessageRefusedException>();
                });
                if (endpoint is IRabbitMqReceiveEndpointConfigurator queue) UseDeclaredTopology(queue);
            });

            bus.UsingRabbitMq((context, transport) =>
            {
                transport.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, host =>
                {
                    host.Username(brokerUser.Name);
                    host.Password(brokerUser.Password);
                });
                transport.ConfigureJsonSerializerOptions(JsonDefaults.Configure);
                // Events are published as their concrete type; the shared base record is not an exchange of its own.
                transport.Publish<IntegrationEvent>(publish => publish.Exclude = true);
                transport.ConfigureEndpoints(context);
            });
        });

        // Start without waiting for the broker: writes keep landing in the outbox while RabbitMQ is away.
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = false;
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });

        builder.Services.PostConfigure<HealthCheckServiceOptions>(BusHealth.TreatDegradedAsUnhealthy);

        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.AddSingleton<OutboxMetrics>();
        builder.Services.AddSingleton<OutboxRelay<TContext>>();
        builder.Services.AddSingleton<OutboxHousekeeping<TContext>>();
        builder.Services.AddHostedService<OutboxRelayService<TContext>>();
        builder.Services.AddHealthChecks().AddCheck<OutboxParkedHealthCheck<TContext>>("outbox-parked", tags: [HealthEndpoints.ReadyTag]);

        builder.Services.Configure<InboxOptions>(builder.Configuration.GetSection(InboxOptions.Section));
        builder.Services.AddSingleton<InboxMetrics>();
        builder.Services.AddSingleton<InboxPruner<TContext>>();
        builder.Services.AddHostedService<InboxPruningService<TContext>>();
        builder.AddFaultInjection();
        return builder;
    }

    /// <summary>
    /// The queue as the definitions file declares it (quorum), no bindings of the service's own, and no
    /// <c>Fault&lt;T&gt;</c> events (a service may publish only the events it owns); what fails or is skipped is parked
    /// in the queue's <c>_error</c> queue without its producer's <c>user_id</c>.
    /// </summary>
    private static void UseDeclaredTopology(IRabbitMqReceiveEndpointConfigurator queue)
    {
        queue.SetQuorumQueue();
        queue.ConfigureConsumeTopology = false;
        queue.PublishFaults = false;
        queue.ConfigureError(error => error.UseFilter(new ParkFailedMessageFilter()));
        queue.ConfigureDeadLetter(skipped => skipped.UseFilter(new ParkSkippedMessageFilter()));
    }

    private static void AddFaultInjection(this IHostApplicationBuilder builder)
    {
        var faults = builder.Configuration.GetSection(FaultInjectionOptions.Section);
        if (!faults.GetChildren().Any()) return;
        if (!builder.Environment.IsDevelopment())
            throw new InvalidOperationException(
                $"Refusing to start in {builder.Environment.EnvironmentName} with {FaultInjectionOptions.Section} configured: it exists to crash processes in tests.");
        builder.Services.Configure<FaultInjectionOptions>(faults);
        builder.Services.AddConsumeObserver<FaultInjectionObserver>();
    }
}
