using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyEngage.Testing;

namespace PolicyEngage.EndToEnd.Tests.Security;

/// <summary>Runs every cell of <see cref="AuthorizationMatrix"/> through the real gateway against the running services.</summary>
[Collection(nameof(RunningSystem))]
public sealed class AuthorizationMatrixTests(RunningSystem system)
{
    [Fact]
    public async Task Every_route_answers_every_kind_of_caller_as_the_matrix_says_and_as_its_document_says()
    {
        var scenario = await SecurityScenario.BuildAsync(system.Client());
        var (callers, resources) = (scenario.Callers, scenario.Resources);
        var documented = await DocumentedStatuses.FetchAsync(callers[Who.Anonymous]);

        var mismatches = new List<string>();
        foreach (var row in AuthorizationMatrix.Rows)
        {
            foreach (var (who, expected) in row.Expected)
            {
                var body = row.Body is null ? null : JsonNode.Parse(Fill(JsonSerializer.Serialize(row.Body), resources));
                var response = await callers[who].SendAsync(new HttpMethod(row.Method), Fill(row.Path, resources), body);
                if ((int)response.Status != expected)
                    mismatches.Add($"{row.Method} {row.Path} as {who}: expected {expected}, got {(int)response.Status} {response.Body?.ToJsonString()}");
                if ((int)response.Status is 401 or 403 or 404 && response.Body?.ToJsonString().Contains(SecurityScenario.PaperTitle) == true)
                    mismatches.Add($"{row.Method} {row.Path} as {who}: a refusal carried the paper's text");
                if (documented.Undocumented(row.Method, row.Path, (int)response.Status) is { } undocumented)
                    mismatches.Add($"{undocumented} (as {who})");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {AuthorizationMatrix.CellCount} cells differ:\n{string.Join("\n", mismatches)}");
        var otherInbox = (await callers[Who.OtherRegulator].GetAsync("/api/regulator/inbox")).Json.AsArray();
        Assert.DoesNotContain(otherInbox, d => d!["id"]!.GetValue<Guid>() == resources["digest"]);
        var otherWebhooks = (await callers[Who.OtherRegulator].GetAsync("/api/regulator/webhooks")).Json.AsArray();
        Assert.Empty(otherWebhooks);
        var ownWebhooks = (await callers[Who.Regulator].GetAsync("/api/regulator/webhooks")).Json.AsArray();
        Assert.Equal([resources["webhook"]], ownWebhooks.Select(w => w!["id"]!.GetValue<Guid>()));
        Assert.All(ownWebhooks, w => Assert.Null(w!["secret"]));
    }

    private static string Fill(string template, IReadOnlyDictionary<string, Guid> resources) =>
        resources.Aggregate(template, (text, resource) => text.Replace($"{{{resource.Key}}}", resource.Value.ToString()));
}
