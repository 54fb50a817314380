using System.Net;
using System.Text.Json;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Audit.Tests.Support;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.Audit.Tests;

public sealed class LedgerApiTests(AuditApp app) : IClassFixture<AuditApp>
{
    /// <summary>A consultation with two papers, one reviewed, both carried by a digest that was delivered and acknowledged.</summary>
    private sealed record Story(Guid ConsultationId, Guid PaperA, Guid PaperB, Guid PaperOutside, IntegrationEvent[] Events);

    /// <summary>The text every paper of the story submits; its hash is checked against the literal below.</summary>
    private const string Body = "Our position, in full.";

    private async Task<Story> PublishStoryAsync()
    {
        var (regulatorId, consultationId, paperA, paperB, paperOutside) =
            (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var registered = RegulatorEvents.Registered(regulatorId);
        var opened = ConsultationEvents.Opened(consultationId, regulatorId, registered.EventId);
        var submittedA = PaperEvents.Submitted(consultationId, paperA, body: Body, causationId: opened.EventId) with { Title = "Privatsphäre für alle 🌍" };
        var submittedB = PaperEvents.Submitted(consultationId, paperB, body: Body, causationId: opened.EventId);
        var submittedOutside = PaperEvents.Submitted(consultationId, paperOutside, body: Body, causationId: opened.EventId);
        var reviewedA = ReviewEvents.Completed(consultationId, paperA, causationId: submittedA.EventId);
        var closed = ConsultationEvents.Closed(consultationId, regulatorId) with { CausationId = opened.EventId };
        var compiled = DigestEvents.Compiled(consultationId, regulatorId, Guid.CreateVersion7(), closed.EventId, paperA, paperB);
        var delivered = DigestEvents.Delivered(compiled);
        var acknowledged = DigestEvents.Acknowledged(delivered);
        IntegrationEvent[] events = [registered, opened, submittedA, submittedB, submittedOutside, reviewedA, closed, compiled, delivered, acknowledged];
        // Each from its owner (TestMessagePublisher), as the broker would vouch for it.
        await app.PublishAsync(events);
        return new Story(consultationId, paperA, paperB, paperOutside, events);
    }

    [Fact]
    public async Task A_papers_timeline_shows_its_own_events_and_the_digests_that_carried_it()
    {
        var story = await PublishStoryAsync();
        var client = app.ClientAs(Roles.Auditor);

        var timelineA = await TimelineAsync(client, $"/api/audit/papers/{story.PaperA}/timeline");
        var timelineB = await TimelineAsync(client, $"/api/audit/papers/{story.PaperB}/timeline");
        var timelineOutside = await TimelineAsync(client, $"/api/audit/papers/{story.PaperOutside}/timeline");

        Assert.Equal(["PositionPaperSubmitted", "ReviewCompleted", "DigestCompiled", "DigestDelivered"], EventTypes(timelineA));
        Assert.Equal(["PositionPaperSubmitted", "DigestCompiled", "DigestDelivered"], EventTypes(timelineB));
        Assert.Equal(["PositionPaperSubmitted"], EventTypes(timelineOutside));
        var sequences = timelineA.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        var digest = timelineA.EnumerateArray().Single(e => e.GetProperty("eventType").GetString() == "DigestCompiled");
        Assert.Equal(JsonValueKind.Null, digest.GetProperty("paperId").ValueKind);
        Assert.Equal(story.ConsultationId, digest.GetProperty("consultationId").GetGuid());
    }

    [Fact]
    public async Task A_consultations_timeline_is_in_causal_order_and_each_entry_recomputes_from_what_it_shows()
    {
        var story = await PublishStoryAsync();
        var client = app.ClientAs(Roles.Auditor);

        var timeline = await TimelineAsync(client, $"/api/audit/consultations/{story.ConsultationId}/timeline");

        // Every event but the regulator's registration names the consultation.
        Assert.Equal(story.Events.Skip(1).Select(e => e.EventId), timeline.EnumerateArray().Select(e => e.GetProperty("eventId").GetGuid()));
        foreach (var entry in timeline.EnumerateArray())
        {
            var data = entry.GetProperty("data");
            Assert.Equal(SpecHash.EntryHash(entry.GetProperty("previousHash").GetString()!, data.GetRawText()), entry.GetProperty("hash").GetString());
            var eventType = story.Events.Single(e => e.EventId == entry.GetProperty("eventId").GetGuid()).GetType();
            Assert.Equal(EventProducers.Owners[eventType], entry.GetProperty("service").GetString());
            Assert.False(data.TryGetProperty("body", out _));
        }
        var submitted = timeline.EnumerateArray().First(e => e.GetProperty("eventType").GetString() == "PositionPaperSubmitted");
        Assert.Equal(SpecHash.Sha256Hex("Our position, in full."), submitted.GetProperty("data").GetProperty("bodyHash").GetString());
    }

    [Fact]
    public async Task The_data_of_an_entry_is_written_as_the_exact_canonical_text_that_was_hashed()
    {
        var story = await PublishStoryAsync();
        var client = app.ClientAs(Roles.Auditor);

        var text = await client.GetStringAsync($"/api/audit/papers/{story.PaperA}/timeline");

        // Not re-escaped (a JSON writer escapes characters outside the BMP): the raw text in the response is the hashed text.
        Assert.Contains("\"title\":\"Privatsphäre für alle 🌍\"", text);
    }

    [Fact]
    public async Task Verify_reports_an_intact_chain()
    {
        await PublishStoryAsync();
        var client = app.ClientAs(Roles.Auditor);

        using var verification = JsonDocument.Parse(await client.GetStringAsync("/api/audit/verify"));

        var root = verification.RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.True(root.GetProperty("count").GetInt64() >= 10);
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("headHash").GetString());
        Assert.NotEqual(SpecHash.Genesis, root.GetProperty("headHash").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("firstInvalidSequence").ValueKind);
    }

    [Theory]
    [InlineData("consultations")]
    [InlineData("papers")]
    public async Task An_id_the_ledger_has_never_seen_is_404_problem(string resource)
    {
        var response = await app.ClientAs(Roles.Auditor).GetAsync($"/api/audit/{resource}/{Guid.CreateVersion7()}/timeline");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Reviewer, "acme", HttpStatusCode.Forbidden)]
    [InlineData(Roles.LiaisonOfficer, null, HttpStatusCode.Forbidden)]
    [InlineData(Roles.PolicyAuthor, "acme", HttpStatusCode.Forbidden)]
    public async Task Only_auditors_read_the_ledger(string? role, string? organisation, HttpStatusCode expected)
    {
        var client = app.ClientAs(role, organisation);

        Assert.Equal(expected, (await client.GetAsync("/api/audit/verify")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/api/audit/papers/{Guid.CreateVersion7()}/timeline")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_audit_routes()
    {
        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/audit/consultations/{id}/timeline", document);
        Assert.Contains("/api/audit/papers/{id}/timeline", document);
        Assert.Contains("/api/audit/verify", document);
    }

    private static async Task<JsonElement> TimelineAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static List<string> EventTypes(JsonElement timeline) =>
        timeline.EnumerateArray().Select(e => e.GetProperty("eventType").GetString()!).ToList();
}
