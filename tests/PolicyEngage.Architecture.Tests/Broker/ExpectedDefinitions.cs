using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MassTransit;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Contracts;
using PolicyEngage.Testing;

namespace PolicyEngage.Architecture.Tests.Broker;

/// <summary>
/// The broker setup the services' code implies: a fanout exchange per event; per consumer queue (named as MassTransit names
/// the endpoint) its exchange, the bindings from the events it consumes, and its <c>_error</c> queue; per service a user that
/// may configure and write only its own queues and the exchanges of the events it owns, and read only its own queues.
/// </summary>
internal static class ExpectedDefinitions
{
    public const string VirtualHost = "/";

    public static JsonObject Build()
    {
        var endpoints = ConsumerEndpoints();
        var queues = endpoints.Select(e => e.Queue).Distinct().Order(StringComparer.Ordinal).ToList();

        var exchanges = new JsonArray();
        foreach (var eventType in LedgerConsumers.AllEventTypes) exchanges.Add(Exchange(TestBroker.ExchangeOf(eventType)));
        foreach (var queue in queues)
        {
            exchanges.Add(Exchange(queue));
            exchanges.Add(Exchange(ErrorQueueOf(queue)));
        }

        var bindings = new JsonArray();
        foreach (var (queue, eventType) in endpoints.OrderBy(e => e.Queue, StringComparer.Ordinal).ThenBy(e => e.EventType.FullName, StringComparer.Ordinal))
            bindings.Add(Binding(TestBroker.ExchangeOf(eventType), queue, "exchange"));
        foreach (var queue in queues)
        {
            bindings.Add(Binding(queue, queue, "queue"));
            bindings.Add(Binding(ErrorQueueOf(queue), ErrorQueueOf(queue), "queue"));
        }

        return new JsonObject
        {
            ["users"] = new JsonArray([.. EventProducers.Services.Select(User)]),
            ["vhosts"] = new JsonArray(new JsonObject { ["name"] = VirtualHost }),
            ["permissions"] = new JsonArray([.. EventProducers.Services.Select(Permission)]),
            ["exchanges"] = exchanges,
            ["queues"] = new JsonArray([.. queues.SelectMany(queue => new[] { Queue(queue), Queue(ErrorQueueOf(queue)) })]),
            ["bindings"] = bindings,
        };
    }

    public static string QueuePrefixOf(string service) => $"{service.ToLowerInvariant()}-";

    private static string ErrorQueueOf(string queue) => $"{queue}_error";

    /// <summary>(queue, event) for every consumer of every service; Audit's ledger takes every event on one queue.</summary>
    private static List<(string Queue, Type EventType)> ConsumerEndpoints()
    {
        var endpoints = LedgerConsumers.EventTypes.Select(type => (LedgerConsumers.EndpointName, type)).ToList();
        foreach (var service in new[] { EventProducers.Submissions, EventProducers.Reviews, EventProducers.RegulatorLiaison })
        {
            var formatter = new KebabCaseEndpointNameFormatter(service.ToLowerInvariant(), includeNamespace: false);
            var consumers = Assembly.Load($"PolicyEngage.{service}").GetTypes().Where(type => type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false });
            foreach (var consumer in consumers)
            {
                foreach (var consumed in consumer.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)))
                {
                    var queue = (string)typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!
                        .MakeGenericMethod(consumer).Invoke(formatter, null)!;
                    endpoints.Add((queue, consumed.GetGenericArguments()[0]));
                }
            }
        }
        return endpoints;
    }

    private static JsonObject User(string service) => new()
    {
        ["name"] = service,
        // No password: the local run's scripts and the compose file's broker-init set each one.
        ["password_hash"] = "",
        ["hashing_algorithm"] = "rabbit_password_hashing_sha256",
        ["tags"] = "",
        ["limits"] = new JsonObject(),
    };

    private static JsonObject Permission(string service)
    {
        var ownQueues = Regex.Escape(QueuePrefixOf(service)) + ".*";
        var ownEvents = EventProducers.Owners.Where(o => o.Value == service).Select(o => Regex.Escape(TestBroker.ExchangeOf(o.Key))).Order(StringComparer.Ordinal).ToList();
        var configureAndWrite = ownEvents.Count == 0 ? $"^{ownQueues}$" : $"^({ownQueues}|{string.Join('|', ownEvents)})$";
        return new JsonObject
        {
            ["user"] = service,
            ["vhost"] = VirtualHost,
            ["configure"] = configureAndWrite,
            ["write"] = configureAndWrite,
            ["read"] = $"^{ownQueues}$",
        };
    }

    private static JsonObject Exchange(string name) => new()
    {
        ["name"] = name,
        ["vhost"] = VirtualHost,
        ["type"] = "fanout",
        ["durable"] = true,
        ["auto_delete"] = false,
        ["internal"] = false,
        ["arguments"] = new JsonObject(),
    };

    /// <summary>Quorum queues; the ledger's also with a single active consumer, so one Audit process appends at a time.</summary>
    private static JsonObject Queue(string name)
    {
        var arguments = new JsonObject { ["x-queue-type"] = "quorum" };
        if (name == LedgerConsumers.EndpointName) arguments["x-single-active-consumer"] = true;
        return new JsonObject
        {
            ["name"] = name,
            ["vhost"] = VirtualHost,
            ["durable"] = true,
            ["auto_delete"] = false,
            ["arguments"] = arguments,
        };
    }

    private static JsonObject Binding(string source, string destination, string destinationType) => new()
    {
        ["source"] = source,
        ["vhost"] = VirtualHost,
        ["destination"] = destination,
        ["destination_type"] = destinationType,
        ["routing_key"] = "",
        ["arguments"] = new JsonObject(),
    };
}
