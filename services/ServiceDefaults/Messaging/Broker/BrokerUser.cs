using Microsoft.Extensions.Hosting;

namespace PolicyEngage.ServiceDefaults.Messaging.Broker;

/// <summary>
/// The broker user this process connects as. Its publishes carry the name as AMQP <c>user_id</c>, which RabbitMQ
/// checks against the connection, so a consumer (the ledger) can trust who produced a message.
/// </summary>
public sealed record BrokerUser(string Name, string Password)
{
    public static BrokerUser Of(RabbitMqOptions options, IHostEnvironment environment)
    {
        var name = string.IsNullOrWhiteSpace(options.Username) ? ServiceIdentity.NameOf(environment) : options.Username;
        if (!string.IsNullOrEmpty(options.Password)) return new BrokerUser(name, options.Password);
        if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                $"Refusing to start in {environment.EnvironmentName} without {RabbitMqOptions.Section}:Password for broker user '{name}'.");
        return new BrokerUser(name, DevelopmentPasswordOf(name));
    }

    /// <summary>What deploy/local/rabbitmq.sh sets on the local run's and the tests' private brokers, which listen on loopback only.</summary>
    public static string DevelopmentPasswordOf(string user) => $"{user}-development";
}
