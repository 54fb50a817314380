using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Json;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.RegulatorLiaison.Tests;

public sealed class DigestsApiTests(RegulatorLiaisonApp app) : IClassFixture<RegulatorLiaisonApp>
{
    /// <summary>A consultation whose papers' events arrive in awkward orders, as the bus may deliver them.</summary>
    private sealed record Scenario(Guid RegulatorId, Guid ConsultationId, PositionPaperSubmitted Beta, PositionPaperSubmitted Acme);

    private async Task<Scenario> ConsultationWithPapersAsync()
    {
        var regulator = await app.Officer().PostAsJsonAsync("/api/regulators", new { name = "Data Protection Board", jurisdiction = "EU" });
        var regulatorId = (await regulator.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var consultation = await app.Officer().PostAsJsonAsync("/api/consultations", new
        {
            regulatorId, reference = "DPB-2026-09", title = "Avatars", summary = "Biometrics in avatars", closesAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(30),
        });
        var consultationId = (await consultation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Approved, in order.
        var beta = PaperEvents.Submitted(consultationId, Guid.CreateVersion7(), 1, "beta");
        await app.PublishAsync(beta);
        await app.PublishAsync(ReviewEvents.Completed(beta, ReviewOutcome.Approve));

        // Approved on version 2, the approval overtaking the submission; the text needs careful canonical escaping.
        var acmeId = Guid.CreateVersion7();
        var acmeFirst = PaperEvents.Submitted(consultationId, acmeId, 1, "acme");
        var acme = PaperEvents.Submitted(consultationId, acmeId, 2, "acme", title: "Privacy \"by design\" — Überblick\n\tzweite Fassung");
        await app.PublishAsync(acmeFirst);
        await app.PublishAsync(ReviewEvents.Completed(acmeFirst, ReviewOutcome.RequestChanges));
        await app.PublishAsync(ReviewEvents.Completed(acme, ReviewOutcome.Approve));
        await app.PublishAsync(acme);

        var rejected = PaperEvents.Submitted(consultationId, Guid.CreateVersion7(), 1, "gamma");
        await app.PublishAsync(rejected);
        await app.PublishAsync(ReviewEvents.Completed(rejected, ReviewOutcome.Reject));

        await app.PublishAsync(PaperEvents.Submitted(consultationId, Guid.CreateVersion7(), 1, "delta"));

        // Withdrawn before its (approving) review arrived.
        var withdrawn = PaperEvents.Submitted(consultationId, Guid.CreateVersion7(), 1, "acme");
        await app.PublishAsync(withdrawn);
        await app.PublishAsync(PaperEvents.Withdrawn(withdrawn));
        await app.PublishAsync(ReviewEvents.Completed(withdrawn, ReviewOutcome.Approve));

        return new Scenario(regulatorId, consultationId, beta, acme);
    }

    private async Task CloseAsync(Guid consultationId) =>
        Assert.Equal(HttpStatusCode.OK, (await app.Officer().PostAsync($"/api/consultations/{consultationId}/close", null)).StatusCode);

    /// <summary>Compiles, and checks on every digest compiled that each tracked paper is counted in exactly one bucket.</summary>
    private async Task<JsonObject> CompileAsync(Guid consultationId)
    {
        var response = await app.Officer().PostAsync($"/api/consultations/{consultationId}/digests", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var digest = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        var statistics = digest["statistics"]!;
        var counted = new[] { "positions", "pendingReview", "rejected", "withdrawn", "late" }.Sum(bucket => statistics[bucket]!.GetValue<int>());
        Assert.Equal(await app.ReadAsync(db => db.TrackedPapers.CountAsync(p => p.ConsultationId == consultationId)), counted);
        return digest;
    }

    /// <summary>Asks for delivery and answers as Submissions would: every carried paper reserved.</summary>
    private async Task DeliverAsync(Guid digestId)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await app.Officer().PostAsync($"/api/digests/{digestId}/deliver", null)).StatusCode);
        await ReservedBySubmissionsAsync(digestId);
    }

    private async Task<DigestPapersReserved> ReservedBySubmissionsAsync(Guid digestId)
    {
        var request = Assert.Single(await app.OutboxAsync<DigestDeliveryRequested>(), e => e.DigestId == digestId);
        var reserved = new DigestPapersReserved(request.ConsultationId, request.DigestId, request.Papers)
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = app.Clock.GetUtcNow().UtcDateTime,
            Actor = "system",
            CausationId = request.EventId,
        };
        await app.PublishAsync(reserved);
        return reserved;
    }

    private static Guid IdOf(JsonObject digest) => digest["id"]!.GetValue<Guid>();

    private async Task<HttpResponseMessage> AcknowledgeAsync(HttpClient regulator, Guid digestId, string contentHash) =>
        await regulator.PostAsJsonAsync($"/api/digests/{digestId}/acknowledge", new { contentHash });

    [Fact]
    public async Task Positions_are_the_approved_not_withdrawn_papers_whatever_order_their_events_came_in()
    {
        var scenario = await ConsultationWithPapersAsync();

        var positions = await app.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>($"/api/consultations/{scenario.ConsultationId}/positions");

        Assert.Equal(
            [(scenario.Acme.PaperId, 2, scenario.Acme.ContentHash, "acme", scenario.Acme.Title), (scenario.Beta.PaperId, 1, scenario.Beta.ContentHash, "beta", scenario.Beta.Title)],
            positions.EnumerateArray().Select(p => (
                p.GetProperty("paperId").GetGuid(), p.GetProperty("version").GetInt32(), p.GetProperty("contentHash").GetString(),
                p.GetProperty("organisation").GetString(), p.GetProperty("title").GetString())));
        Assert.Equal(
            ["paperId", "version", "contentHash", "organisation", "title", "summary"],
            positions.EnumerateArray().First().EnumerateObject().Select(p => p.Name));

        Assert.Equal(HttpStatusCode.NotFound, (await app.Officer().GetAsync($"/api/consultations/{Guid.CreateVersion7()}/positions")).StatusCode);
        var author = app.ClientAs(Roles.PolicyAuthor, organisation: "acme");
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync($"/api/consultations/{scenario.ConsultationId}/positions")).StatusCode);
    }

    [Fact]
    public async Task A_digest_is_compiled_only_for_a_known_closed_consultation()
    {
        var scenario = await ConsultationWithPapersAsync();

        Assert.Equal(HttpStatusCode.Conflict, (await app.Officer().PostAsync($"/api/consultations/{scenario.ConsultationId}/digests", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Officer().PostAsync($"/api/consultations/{Guid.CreateVersion7()}/digests", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(Roles.Auditor).PostAsync($"/api/consultations/{scenario.ConsultationId}/digests", null)).StatusCode);
    }

    [Fact]
    public async Task A_digests_hash_is_recomputable_from_the_compile_response_and_the_digest_never_changes()
    {
        var scenario = await ConsultationWithPapersAsync();
        await CloseAsync(scenario.ConsultationId);

        var digest = await CompileAsync(scenario.ConsultationId);

        // SPEC: SHA-256 of the canonical JSON of {id, consultationId, regulatorId, compiledAt, positions, statistics, groups, ledgerCheckpoint} as returned.
        Assert.Equal(IndependentCanonicalJson.Sha256HexOf(HashedDigest.Of(digest)), digest["contentHash"]!.GetValue<string>());
        Assert.Equal((scenario.ConsultationId, scenario.RegulatorId), (digest["consultationId"]!.GetValue<Guid>(), digest["regulatorId"]!.GetValue<Guid>()));
        Assert.Equal(
            [(scenario.Acme.PaperId, scenario.Acme.Body, scenario.Acme.Summary), (scenario.Beta.PaperId, scenario.Beta.Body, scenario.Beta.Summary)],
            digest["positions"]!.AsArray().Select(p => (p!["paperId"]!.GetValue<Guid>(), p["body"]!.GetValue<string>(), p["summary"]!.GetValue<string>())));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"positions":2,"organisations":2,"pendingReview":1,"rejected":1,"withdrawn":1,"late":0}"""), digest["statistics"]));

        var read = JsonNode.Parse(await app.ClientAs(Roles.Auditor).GetStringAsync($"/api/digests/{IdOf(digest)}"))!.AsObject();
        Assert.True(JsonNode.DeepEquals(HashedDigest.Of(digest), HashedDigest.Of(read)));
        Assert.Equal(digest["contentHash"]!.GetValue<string>(), read["contentHash"]!.GetValue<string>());

        var closed = Assert.Single(await app.OutboxAsync<ConsultationClosed>(), e => e.ConsultationId == scenario.ConsultationId);
        var compiled = Assert.Single(await app.OutboxAsync<DigestCompiled>(), e => e.DigestId == IdOf(digest));
        Assert.Equal((closed.EventId, digest["contentHash"]!.GetValue<string>()), (compiled.CausationId, compiled.ContentHash));
        Assert.Equal(
            [new DigestPaperVersion(scenario.Acme.PaperId, 2, scenario.Acme.ContentHash), new DigestPaperVersion(scenario.Beta.PaperId, 1, scenario.Beta.ContentHash)],
            compiled.Papers);
    }

    [Fact]
    public async Task A_digest_reaches_only_its_regulator_once_delivered_and_is_acknowledged_once()
    {
        var scenario = await ConsultationWithPapersAsync();
        await CloseAsync(scenario.ConsultationId);
        var digest = await CompileAsync(scenario.ConsultationId);
        var (id, contentHash) = (IdOf(digest), digest["contentHash"]!.GetValue<string>());
        var desk = app.ClientAs(Roles.Regulator, subject: "desk-1", regulator: scenario.RegulatorId);
        var otherDesk = app.ClientAs(Roles.Regulator, subject: "desk-9", regulator: Guid.CreateVersion7());

        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/api/digests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AcknowledgeAsync(desk, id, contentHash)).StatusCode);
        Assert.DoesNotContain((await desk.GetFromJsonAsync<JsonElement>("/api/regulator/inbox")).EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);

        var delivering = await app.Officer().PostAsync($"/api/digests/{id}/deliver", null);
        Assert.Equal(HttpStatusCode.Accepted, delivering.StatusCode);
        Assert.Equal("Delivering", (await delivering.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/api/digests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.Officer().PostAsync($"/api/digests/{id}/deliver", null)).StatusCode);
        var compiled = Assert.Single(await app.OutboxAsync<DigestCompiled>(), e => e.DigestId == id);
        var requested = Assert.Single(await app.OutboxAsync<DigestDeliveryRequested>(), e => e.DigestId == id);
        Assert.Equal(compiled.EventId, requested.CausationId);
        Assert.Equal(compiled.Papers, requested.Papers);
        var reserved = await ReservedBySubmissionsAsync(id);
        var deliveredEvent = Assert.Single(await app.OutboxAsync<DigestDelivered>(), e => e.DigestId == id);
        Assert.Equal(reserved.EventId, deliveredEvent.CausationId);
        Assert.Equal(compiled.Papers, deliveredEvent.Papers);

        var seen = JsonNode.Parse(await desk.GetStringAsync($"/api/digests/{id}"))!.AsObject();
        Assert.True(JsonNode.DeepEquals(HashedDigest.Of(digest), HashedDigest.Of(seen)));
        Assert.Equal(HttpStatusCode.NotFound, (await otherDesk.GetAsync($"/api/digests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AcknowledgeAsync(otherDesk, id, contentHash)).StatusCode);
        var inbox = (await desk.GetFromJsonAsync<JsonElement>("/api/regulator/inbox")).EnumerateArray().ToList();
        var entry = Assert.Single(inbox, d => d.GetProperty("id").GetGuid() == id);
        Assert.Equal(contentHash, entry.GetProperty("contentHash").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("acknowledgedAt").ValueKind);
        Assert.DoesNotContain((await otherDesk.GetFromJsonAsync<JsonElement>("/api/regulator/inbox")).EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);

        var malformed = await AcknowledgeAsync(desk, id, contentHash.ToUpperInvariant());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("contentHash", out _));
        Assert.Equal(HttpStatusCode.Conflict, (await AcknowledgeAsync(desk, id, new string('a', 64))).StatusCode);

        var acknowledged = await AcknowledgeAsync(desk, id, contentHash);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var receipt = JsonNode.Parse(await acknowledged.Content.ReadAsStringAsync())!;
        Assert.Equal((id, contentHash, "desk-1"), (receipt["digestId"]!.GetValue<Guid>(), receipt["contentHash"]!.GetValue<string>(), receipt["acknowledgedBy"]!.GetValue<string>()));

        var again = await AcknowledgeAsync(app.ClientAs(Roles.Regulator, subject: "desk-2", regulator: scenario.RegulatorId), id, contentHash);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(JsonNode.DeepEquals(receipt, JsonNode.Parse(await again.Content.ReadAsStringAsync())));
        var acknowledgedEvent = Assert.Single(await app.OutboxAsync<DigestAcknowledged>(), e => e.DigestId == id);
        Assert.Equal((deliveredEvent.EventId, "desk-1"), (acknowledgedEvent.CausationId, acknowledgedEvent.Actor));
    }

    [Fact]
    public async Task Two_acknowledgements_at_the_same_moment_get_the_same_receipt_and_raise_one_event()
    {
        const int Rounds = 25;
        var scenario = await ConsultationWithPapersAsync();
        await CloseAsync(scenario.ConsultationId);
        var desks = new[] { "desk-a", "desk-b" }.Select(subject => app.ClientAs(Roles.Regulator, subject: subject, regulator: scenario.RegulatorId)).ToArray();

        for (var round = 0; round < Rounds; round++)
        {
            var digest = await CompileAsync(scenario.ConsultationId);
            var (id, contentHash) = (IdOf(digest), digest["contentHash"]!.GetValue<string>());
            await DeliverAsync(id);

            var answers = await Task.WhenAll(desks.Select(desk => AcknowledgeAsync(desk, id, contentHash)));

            var receipts = new List<JsonNode>();
            foreach (var answer in answers)
            {
                var body = await answer.Content.ReadAsStringAsync();
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"Round {round}: {(int)answer.StatusCode} {body}");
                receipts.Add(JsonNode.Parse(body)!);
            }
            Assert.True(JsonNode.DeepEquals(receipts[0], receipts[1]), $"Round {round}: {receipts[0]} vs {receipts[1]}");
            var acknowledged = Assert.Single(await app.OutboxAsync<DigestAcknowledged>(), e => e.DigestId == id);
            Assert.Equal(acknowledged.AcknowledgedBy, receipts[0]["acknowledgedBy"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Compiling_while_an_approved_version_s_text_is_still_on_its_way_is_409_until_it_arrives()
    {
        var scenario = await ConsultationWithPapersAsync();
        var overtaken = PaperEvents.Submitted(scenario.ConsultationId, Guid.CreateVersion7(), 1, "omega");
        await app.PublishAsync(ReviewEvents.Completed(overtaken, ReviewOutcome.Approve));
        await CloseAsync(scenario.ConsultationId);

        var refused = await app.Officer().PostAsync($"/api/consultations/{scenario.ConsultationId}/digests", null);

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Contains("still arriving", problem.GetProperty("detail").GetString());
        await app.PublishAsync(overtaken);
        var digest = await CompileAsync(scenario.ConsultationId);
        Assert.Contains(digest["positions"]!.AsArray(), p => p!["paperId"]!.GetValue<Guid>() == overtaken.PaperId);
    }

    [Fact]
    public async Task A_version_submitted_after_the_close_is_counted_late_and_is_never_a_position()
    {
        var scenario = await ConsultationWithPapersAsync();
        await CloseAsync(scenario.ConsultationId);
        // Accepted by Submissions while its replica lagged: the event's own time is after the close.
        var late = PaperEvents.Submitted(scenario.ConsultationId, Guid.CreateVersion7(), 1, "omega") with { OccurredAt = app.Clock.GetUtcNow().UtcDateTime.AddSeconds(1) };
        await app.PublishAsync(late);
        await app.PublishAsync(ReviewEvents.Completed(late, ReviewOutcome.Approve));

        var digest = await CompileAsync(scenario.ConsultationId);

        Assert.DoesNotContain(digest["positions"]!.AsArray(), p => p!["paperId"]!.GetValue<Guid>() == late.PaperId);
        Assert.Equal(1, digest["statistics"]!["late"]!.GetValue<int>());
        var positions = await app.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>($"/api/consultations/{scenario.ConsultationId}/positions");
        Assert.DoesNotContain(positions.EnumerateArray(), p => p.GetProperty("paperId").GetGuid() == late.PaperId);
    }

    [Fact]
    public async Task A_digest_compiled_before_late_groups_and_the_ledger_checkpoint_were_added_keeps_its_shape_and_its_hash()
    {
        var scenario = await ConsultationWithPapersAsync();
        await CloseAsync(scenario.ConsultationId);
        var current = await CompileAsync(scenario.ConsultationId);
        Assert.True(current.ContainsKey("ledgerCheckpoint"));
        // The document as an earlier format stored it: no "late" in its statistics, no groups, no ledgerCheckpoint, hashed without them.
        var earlier = HashedDigest.Of(current);
        earlier["statistics"]!.AsObject().Remove("late");
        earlier.Remove("ledgerCheckpoint");
        earlier.Remove("groups");
        var earlierHash = IndependentCanonicalJson.Sha256HexOf(earlier);
        await app.ReadAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE Digests SET Document = {earlier.ToJsonString(JsonDefaults.Options)}, ContentHash = {earlierHash} WHERE Id = {IdOf(current)}"));

        var read = JsonNode.Parse(await app.ClientAs(Roles.Auditor).GetStringAsync($"/api/digests/{IdOf(current)}"))!.AsObject();

        Assert.False(read["statistics"]!.AsObject().ContainsKey("late"));
        Assert.False(read.ContainsKey("ledgerCheckpoint"));
        Assert.False(read.ContainsKey("groups"));
        Assert.True(JsonNode.DeepEquals(earlier, HashedDigest.Of(read)));
        Assert.Equal(earlierHash, IndependentCanonicalJson.Sha256HexOf(HashedDigest.Of(read)));
        Assert.Equal(earlierHash, read["contentHash"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_digest_carries_the_largest_ledger_checkpoint_witnessed_under_its_hash_and_the_receipt_the_one_known_at_the_first_acknowledgement()
    {
        var scenario = await ConsultationWithPapersAsync();
        await CloseAsync(scenario.ConsultationId);
        // Out of order: the larger tree first; the smaller one arriving later changes nothing.
        await app.PublishAsync([Checkpoint(900_002), Checkpoint(900_001)]);

        var digest = await CompileAsync(scenario.ConsultationId);

        Assert.Equal(Checkpoint(900_002).Note, digest["ledgerCheckpoint"]!.GetValue<string>());
        Assert.Equal(IndependentCanonicalJson.Sha256HexOf(HashedDigest.Of(digest)), digest["contentHash"]!.GetValue<string>());
        var id = IdOf(digest);
        Assert.Equal(HttpStatusCode.Accepted, (await app.Officer().PostAsync($"/api/digests/{id}/deliver", null)).StatusCode);
        await ReservedBySubmissionsAsync(id);
        await app.PublishAsync(Checkpoint(900_003));
        var desk = app.ClientAs(Roles.Regulator, subject: "desk-1", regulator: scenario.RegulatorId);
        var receipt = await (await AcknowledgeAsync(desk, id, digest["contentHash"]!.GetValue<string>())).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(Checkpoint(900_003).Note, receipt!["ledgerCheckpoint"]!.GetValue<string>());

        await app.PublishAsync(Checkpoint(900_004));
        var again = await (await AcknowledgeAsync(desk, id, digest["contentHash"]!.GetValue<string>())).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(Checkpoint(900_003).Note, again!["ledgerCheckpoint"]!.GetValue<string>());
    }

    /// <summary>A witness copy as Audit would publish it; the sizes are far above any other test's, so the latest is the test's own.</summary>
    private static LedgerCheckpointSigned Checkpoint(long treeSize) => new(treeSize, new string('c', 64), $"policyengage.local/ledger\n{treeSize}\nroot\n\n— sig\n")
    {
        EventId = new Guid((int)treeSize, 0, 0, new byte[8]),
        OccurredAt = DateTime.UtcNow,
        Actor = "system",
    };

    [Fact]
    public async Task A_delivery_Submissions_refuses_leaves_the_digest_refused_naming_the_papers_and_undeliverable()
    {
        var scenario = await ConsultationWithPapersAsync();
        await CloseAsync(scenario.ConsultationId);
        var id = IdOf(await CompileAsync(scenario.ConsultationId));
        Assert.Equal(HttpStatusCode.Accepted, (await app.Officer().PostAsync($"/api/digests/{id}/deliver", null)).StatusCode);
        var request = Assert.Single(await app.OutboxAsync<DigestDeliveryRequested>(), e => e.DigestId == id);

        await app.PublishAsync(new DigestDeliveryRefused(request.ConsultationId, id, request.Papers.Where(p => p.PaperId == scenario.Beta.PaperId).ToList())
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = app.Clock.GetUtcNow().UtcDateTime,
            Actor = "system",
            CausationId = request.EventId,
        });

        var digest = await app.Officer().GetFromJsonAsync<JsonElement>($"/api/digests/{id}");
        Assert.Equal("Refused", digest.GetProperty("status").GetString());
        Assert.Equal([scenario.Beta.PaperId], digest.GetProperty("refusedPapers").EnumerateArray().Select(p => p.GetGuid()));
        await ProblemAssert.IsProblemAsync(await app.Officer().PostAsync($"/api/digests/{id}/deliver", null), HttpStatusCode.Conflict);
        Assert.DoesNotContain(await app.OutboxAsync<DigestDelivered>(), e => e.DigestId == id);
        var desk = app.ClientAs(Roles.Regulator, subject: "desk-1", regulator: scenario.RegulatorId);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/api/digests/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_digest_carrying_a_withdrawn_paper_is_not_delivered_until_compiled_again()
    {
        var scenario = await ConsultationWithPapersAsync();
        await CloseAsync(scenario.ConsultationId);
        var stale = await CompileAsync(scenario.ConsultationId);

        await app.PublishAsync(PaperEvents.Withdrawn(scenario.Beta));

        var refused = await app.Officer().PostAsync($"/api/digests/{IdOf(stale)}/deliver", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("compile", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await app.OutboxAsync<DigestDelivered>(), e => e.DigestId == IdOf(stale));

        var fresh = await CompileAsync(scenario.ConsultationId);
        Assert.Equal([scenario.Acme.PaperId], fresh["positions"]!.AsArray().Select(p => p!["paperId"]!.GetValue<Guid>()));
        Assert.Equal(2, fresh["statistics"]!["withdrawn"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Accepted, (await app.Officer().PostAsync($"/api/digests/{IdOf(fresh)}/deliver", null)).StatusCode);
    }
}
