using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Testing;

namespace PolicyEngage.Architecture.Tests.Broker;

/// <summary>deploy/rabbitmq/definitions.json, which the local run, the tests and the compose file load, against the code.</summary>
public sealed class BrokerDefinitionsTests
{
    private static readonly string DefinitionsFile = Path.Combine(RepositoryRoot.Path, "deploy", "rabbitmq", "definitions.json");
    private static readonly JsonObject Definitions = JsonNode.Parse(File.ReadAllText(DefinitionsFile))!.AsObject();

    [Fact]
    public void The_definitions_file_declares_exactly_the_topology_and_users_the_services_code_implies()
    {
        var expected = ExpectedDefinitions.Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (File.ReadAllText(DefinitionsFile) == expected) return;

        var written = Path.Combine(RepositoryRoot.Path, ".data", "definitions.expected.json");
        Directory.CreateDirectory(Path.GetDirectoryName(written)!);
        File.WriteAllText(written, expected);
        Assert.Fail($"deploy/rabbitmq/definitions.json is out of step with the consumers or the owners of the events. What the code implies is in {written}: review the difference and copy it over.");
    }

    [Fact]
    public void Every_event_has_exactly_one_owner_that_is_a_service()
    {
        Assert.Equal(LedgerConsumers.AllEventTypes.Select(t => t.FullName).Order(), EventProducers.Owners.Keys.Select(t => t.FullName).Order());
        Assert.All(EventProducers.Owners.Values, owner => Assert.Contains(owner, EventProducers.Services));
    }

    /// <summary>Read from the file, not from the generator: what the broker will enforce.</summary>
    [Fact]
    public void Each_service_user_may_write_and_configure_only_its_own_queues_and_the_exchanges_of_its_own_events()
    {
        var queues = Definitions["queues"]!.AsArray().Select(q => (string)q!["name"]!).ToList();
        Assert.NotEmpty(queues);
        foreach (var service in EventProducers.Services)
        {
            var permission = Definitions["permissions"]!.AsArray().Single(p => (string)p!["user"]! == service)!;
            foreach (var (eventType, owner) in EventProducers.Owners)
            {
                var exchange = TestBroker.ExchangeOf(eventType);
                Assert.True(Matches(permission, "write", exchange) == (owner == service), $"{service} write on {exchange}");
                Assert.True(Matches(permission, "configure", exchange) == (owner == service), $"{service} configure on {exchange}");
                Assert.False(Matches(permission, "read", exchange), $"{service} read on {exchange}");
            }
            foreach (var queue in queues)
            {
                var own = queue.StartsWith(ExpectedDefinitions.QueuePrefixOf(service), StringComparison.Ordinal);
                foreach (var kind in new[] { "configure", "write", "read" })
                    Assert.True(Matches(permission, kind, queue) == own, $"{service} {kind} on {queue}");
            }
        }
    }

    [Fact]
    public void No_user_has_a_password_or_a_tag_in_the_file()
    {
        Assert.All(Definitions["users"]!.AsArray(), user =>
        {
            Assert.Equal("", (string)user!["password_hash"]!);
            Assert.Equal("", (string)user["tags"]!);
        });
    }

    private static bool Matches(JsonNode permission, string kind, string name) => Regex.IsMatch(name, (string)permission[kind]!);
}
