using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace PolicyEngage.RegulatorLiaison.Webhooks.Delivery;

/// <summary>The HTTP client that pushes webhooks, and what registration and sending need beside it.</summary>
public static class WebhookClient
{
    public const string Name = "webhooks";

    /// <summary>The resilience pipeline of one attempt: a total timeout and nothing else.</summary>
    public const string AttemptPipeline = "webhook-attempt";

    /// <summary>
    /// Registers <see cref="WebhookOptions"/> (validated at start), <see cref="WebhookAddressPolicy"/>,
    /// <see cref="WebhookUrlRules"/>, <see cref="WebhookSender"/> and the named client behind it. Outside Development
    /// blocked addresses are refused at each connection and only https URLs register.
    /// </summary>
    public static IHttpClientBuilder AddWebhookClient(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => WebhookAddressPolicy.For(environment, provider.GetRequiredService<IOptions<WebhookOptions>>().Value));
        services.AddSingleton(provider => new WebhookUrlRules(provider.GetRequiredService<WebhookAddressPolicy>(), allowPlainHttp: environment.IsDevelopment()));
        services.AddSingleton<WebhookSender>();

        var client = services.AddHttpClient(Name, http =>
            {
                // The attempt pipeline's timeout governs; HttpClient's own 100 s would only blur which one fired.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.UserAgent.ParseAdd("PolicyEngage-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => CreatePrimaryHandler(provider.GetRequiredService<WebhookAddressPolicy>()));
        // Retries are not here: the schedule lives in the database, so a restart resumes it and a success is recorded once.
        client.AddResilienceHandler(AttemptPipeline, (pipeline, context) =>
            pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout));
        return client;
    }

    private static SocketsHttpHandler CreatePrimaryHandler(WebhookAddressPolicy policy) => new()
    {
        // A 3xx is the receiver's answer to this attempt; following it would reach a URL nobody registered.
        AllowAutoRedirect = false,
        // An environment's proxy would make the connection to an address we never checked.
        UseProxy = false,
        UseCookies = false,
        // Connections are re-made, and the name resolved and checked again, at least this often.
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectCallback = new GuardedConnect(policy).ConnectAsync,
        // Our trace ids are ours: a regulator's server gets no traceparent or baggage from us.
        ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
    };
}
