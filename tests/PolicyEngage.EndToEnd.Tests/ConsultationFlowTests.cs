using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Hashing;
using static PolicyEngage.Testing.FlowSteps;
using PolicyEngage.Testing;

namespace PolicyEngage.EndToEnd.Tests;

/// <summary>
/// SPEC steps 1 to 7 through the real gateway, against the four services as real processes on a real broker:
/// a token per role, eventual consistency awaited where the SPEC makes it asynchronous.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class ConsultationFlowTests(RunningSystem system)
{
    private readonly ApiClient _api = system.Client();

    [Fact]
    public async Task The_whole_consultation_flow_holds_end_to_end()
    {
        try
        {
            await RunFlowAsync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new Exception($"{exception.Message}\n\nProcess logs:\n{system.Logs()}", exception);
        }
    }

    private async Task RunFlowAsync()
    {
        var liaison = await _api.SignInAsync("liaison-1", "LiaisonOfficer");
        var auditor = await _api.SignInAsync("auditor-1", "Auditor");
        var acme = await _api.SignInAsync("author-acme", "PolicyAuthor", org: "acme");
        var initech = await _api.SignInAsync("author-initech", "PolicyAuthor", org: "initech");
        var umbrella = await _api.SignInAsync("author-umbrella", "PolicyAuthor", org: "umbrella");
        var hooli = await _api.SignInAsync("author-hooli", "PolicyAuthor", org: "hooli");
        var reviewer = await _api.SignInAsync("reviewer-globex", "Reviewer", org: "globex");
        var acmeReviewer = await _api.SignInAsync("reviewer-acme", "Reviewer", org: "acme");

        // 1. Regulators and consultations.
        var regulatorId = Id((await liaison.PostAsync("/api/regulators", new { name = "Ofcom", jurisdiction = "UK" })).Expect(HttpStatusCode.Created));
        var otherRegulatorId = Id((await liaison.PostAsync("/api/regulators", new { name = "Arcep", jurisdiction = "FR" })).Expect(HttpStatusCode.Created));
        var opened = (await liaison.PostAsync("/api/consultations", new
        {
            regulatorId,
            reference = "OFCOM-2026-07",
            title = "Privacy in shared virtual spaces",
            summary = "Call for positions on avatar privacy.",
            closesAt = DateTime.UtcNow.AddHours(1),
        })).Expect(HttpStatusCode.Created);
        Assert.Equal("Open", opened.Json["status"]!.GetValue<string>());
        var consultationId = Id(opened);
        var shortLivedClosesAt = DateTime.UtcNow.AddSeconds(6);
        var shortLived = Id((await liaison.PostAsync("/api/consultations", new
        {
            regulatorId,
            reference = "OFCOM-2026-08",
            title = "A consultation about to close",
            summary = "Closes in seconds.",
            closesAt = shortLivedClosesAt,
        })).Expect(HttpStatusCode.Created));

        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Anonymous().GetAsync("/api/papers")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await acme.PostAsync("/api/regulators", new { name = "X", jurisdiction = "Y" })).Status);

        // A draft is accepted before closesAt; after it, neither submitting it nor a new draft is.
        var lateDraft = await CreatePaperAsync(acme, shortLived, "Late thoughts");
        var untilDeadline = shortLivedClosesAt - DateTime.UtcNow;
        if (untilDeadline > TimeSpan.Zero) await Task.Delay(untilDeadline + TimeSpan.FromMilliseconds(200));
        (await acme.PostAsync($"/api/papers/{Id(lateDraft)}/submit")).Expect(HttpStatusCode.Conflict);
        (await acme.PostAsync("/api/papers", PaperBody(shortLived, "Too late"))).Expect(HttpStatusCode.Conflict);
        Assert.Equal("Draft", (await acme.GetAsync($"/api/papers/{Id(lateDraft)}")).Json["status"]!.GetValue<string>());
        (await acme.PostAsync("/api/papers", PaperBody(Guid.NewGuid(), "Unknown consultation"))).Expect(HttpStatusCode.Conflict);

        // 2-4. Request changes, then version 2, then approval.
        var acmePaper = await CreatePaperAsync(acme, consultationId, "Privacy by default");
        var acmePaperId = Id(acmePaper);
        Assert.Equal(1, acmePaper.Json["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await initech.GetAsync($"/api/papers/{acmePaperId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/api/papers/{acmePaperId}")).Status);

        var submitted = (await acme.PostAsync($"/api/papers/{acmePaperId}/submit")).Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", submitted.Json["status"]!.GetValue<string>());
        Assert.Equal(
            Sha256Hex.OfCanonicalJson(new { title = "Privacy by default", summary = "Summary of Privacy by default", body = "Body of Privacy by default" }),
            submitted.Json["contentHash"]!.GetValue<string>());

        var firstCase = await OpenCaseAsync(reviewer, acmePaperId, version: 1);
        (await acmeReviewer.PostAsync($"/api/reviews/{firstCase}/decisions", new { decision = "Approve", comment = "Looks right to me" })).Expect(HttpStatusCode.Forbidden);
        (await reviewer.PostAsync($"/api/reviews/{firstCase}/decisions", new { decision = "RequestChanges", comment = "Cite the regulation." })).Expect(HttpStatusCode.OK);
        (await reviewer.PostAsync($"/api/reviews/{firstCase}/decisions", new { decision = "Approve", comment = "Changed my mind" })).Expect(HttpStatusCode.Conflict);

        var changesRequested = await acme.EventuallyAsync(() => acme.GetAsync($"/api/papers/{acmePaperId}"),
            r => r.Body?["status"]?.GetValue<string>() == "ChangesRequested", "changes requested reaching the author");
        var review = Assert.Single(changesRequested.Json["reviews"]!.AsArray());
        Assert.Equal("Cite the regulation.", review!["comment"]!.GetValue<string>());
        Assert.Equal("RequestChanges", review["decision"]!.GetValue<string>());

        var staleETag = changesRequested.ETag!;
        var edited = (await acme.PutAsync($"/api/papers/{acmePaperId}", PaperText("Privacy by default, revised"), ifMatch: staleETag)).Expect(HttpStatusCode.OK);
        Assert.Equal(2, edited.Json["version"]!.GetValue<int>());
        (await acme.PutAsync($"/api/papers/{acmePaperId}", PaperText("A lost update"), ifMatch: staleETag)).Expect(HttpStatusCode.PreconditionFailed);
        var resubmitted = (await acme.PostAsync($"/api/papers/{acmePaperId}/submit", ifMatch: edited.ETag)).Expect(HttpStatusCode.OK);
        Assert.Equal(2, resubmitted.Json["version"]!.GetValue<int>());
        var approvedHash = resubmitted.Json["contentHash"]!.GetValue<string>();

        var secondCase = await OpenCaseAsync(reviewer, acmePaperId, version: 2);
        (await reviewer.PostAsync($"/api/reviews/{secondCase}/decisions", new { decision = "Approve", comment = "Good." })).Expect(HttpStatusCode.OK);

        // Other papers: one approved then withdrawn, one rejected, one left pending, one approved and withdrawn after compiling.
        var initechPaperId = await SubmitAndDecideAsync(initech, reviewer, consultationId, "Interoperability", "Approve");
        var umbrellaPaperId = await SubmitAndDecideAsync(umbrella, reviewer, consultationId, "Lighter rules", "Reject");
        var pendingPaper = await CreatePaperAsync(acme, consultationId, "Second thoughts");
        (await acme.PostAsync($"/api/papers/{Id(pendingPaper)}/submit")).Expect(HttpStatusCode.OK);
        var hooliPaperId = await SubmitAndDecideAsync(hooli, reviewer, consultationId, "Age assurance", "Approve");

        await AwaitStatusAsync(acme, acmePaperId, "Approved");
        await AwaitStatusAsync(hooli, hooliPaperId, "Approved");
        await AwaitPositionsAsync(liaison, consultationId, [acmePaperId, hooliPaperId, initechPaperId]);
        (await initech.PostAsync($"/api/papers/{initechPaperId}/withdraw")).Expect(HttpStatusCode.OK);

        // 5. Compile only once closed; the withdrawn paper is left out.
        (await liaison.PostAsync($"/api/consultations/{consultationId}/digests")).Expect(HttpStatusCode.Conflict);
        (await liaison.PostAsync($"/api/consultations/{consultationId}/close")).Expect(HttpStatusCode.OK);
        await AwaitPositionsAsync(liaison, consultationId, [acmePaperId, hooliPaperId]);
        var firstDigest = (await liaison.PostAsync($"/api/consultations/{consultationId}/digests")).Expect(HttpStatusCode.Created);
        AssertDigestHash(firstDigest.Json);
        var acmePosition = firstDigest.Json["positions"]!.AsArray().Single(p => p!["paperId"]!.GetValue<Guid>() == acmePaperId)!;
        Assert.Equal(2, acmePosition["version"]!.GetValue<int>());
        Assert.Equal(approvedHash, acmePosition["contentHash"]!.GetValue<string>());
        Assert.Equal("Body of Privacy by default, revised", acmePosition["body"]!.GetValue<string>());
        var statistics = firstDigest.Json["statistics"]!;
        Assert.Equal(2, statistics["positions"]!.GetValue<int>());
        Assert.Equal(2, statistics["organisations"]!.GetValue<int>());
        Assert.Equal(1, statistics["pendingReview"]!.GetValue<int>());
        Assert.Equal(1, statistics["rejected"]!.GetValue<int>());
        Assert.Equal(1, statistics["withdrawn"]!.GetValue<int>());
        Assert.DoesNotContain(umbrellaPaperId, PaperIds(firstDigest.Json["positions"]!));

        // A paper withdrawn after compiling blocks delivery: compile again.
        (await hooli.PostAsync($"/api/papers/{hooliPaperId}/withdraw")).Expect(HttpStatusCode.OK);
        await AwaitPositionsAsync(liaison, consultationId, [acmePaperId]);
        (await liaison.PostAsync($"/api/digests/{Id(firstDigest)}/deliver")).Expect(HttpStatusCode.Conflict);
        var digest = (await liaison.PostAsync($"/api/consultations/{consultationId}/digests")).Expect(HttpStatusCode.Created);
        Assert.Equal([acmePaperId], PaperIds(digest.Json["positions"]!));
        var digestId = Id(digest);
        var digestHash = digest.Json["contentHash"]!.GetValue<string>();

        // 6. Delivery, only to the addressed regulator, and an idempotent receipt.
        var ofcom = await _api.SignInAsync("desk-ofcom", "Regulator", regulator: regulatorId);
        var arcep = await _api.SignInAsync("desk-arcep", "Regulator", regulator: otherRegulatorId);
        Assert.Equal(HttpStatusCode.NotFound, (await ofcom.GetAsync($"/api/digests/{digestId}")).Status);
        var delivering = (await liaison.PostAsync($"/api/digests/{digestId}/deliver")).Expect(HttpStatusCode.Accepted);
        Assert.Equal("Delivering", delivering.Json["status"]!.GetValue<string>());
        // Delivered once Submissions, the authority on withdrawal, has reserved the paper.
        await liaison.EventuallyAsync(() => liaison.GetAsync($"/api/digests/{digestId}"),
            r => r.Json["status"]!.GetValue<string>() == "Delivered", "Submissions reserving the digest's papers");
        (await acme.PostAsync($"/api/papers/{acmePaperId}/withdraw")).Expect(HttpStatusCode.Conflict);

        var inbox = (await ofcom.GetAsync("/api/regulator/inbox")).Expect(HttpStatusCode.OK);
        Assert.Equal([digestId], inbox.Json.AsArray().Select(d => d!["id"]!.GetValue<Guid>()));
        Assert.Empty((await arcep.GetAsync("/api/regulator/inbox")).Expect(HttpStatusCode.OK).Json.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await arcep.GetAsync($"/api/digests/{digestId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await arcep.PostAsync($"/api/digests/{digestId}/acknowledge", new { contentHash = digestHash })).Status);
        var received = (await ofcom.GetAsync($"/api/digests/{digestId}")).Expect(HttpStatusCode.OK);
        Assert.Equal(digestHash, received.Json["contentHash"]!.GetValue<string>());
        AssertDigestHash(received.Json);

        (await ofcom.PostAsync($"/api/digests/{digestId}/acknowledge", new { contentHash = "not-a-hash" })).Expect(HttpStatusCode.BadRequest);
        (await ofcom.PostAsync($"/api/digests/{digestId}/acknowledge", new { contentHash = new string('0', 64) })).Expect(HttpStatusCode.Conflict);
        var receipt = (await ofcom.PostAsync($"/api/digests/{digestId}/acknowledge", new { contentHash = digestHash })).Expect(HttpStatusCode.OK);
        Assert.Equal("desk-ofcom", receipt.Json["acknowledgedBy"]!.GetValue<string>());
        var again = (await ofcom.PostAsync($"/api/digests/{digestId}/acknowledge", new { contentHash = digestHash })).Expect(HttpStatusCode.OK);
        Assert.Equal(receipt.Json.ToJsonString(), again.Json.ToJsonString());

        // Once Submissions learns of the delivery, the paper can no longer be withdrawn.
        await AwaitPaperAsync(acme, acmePaperId, p => p["deliveredToRegulator"]!.GetValue<bool>(), "the delivery reaching Submissions");
        (await acme.PostAsync($"/api/papers/{acmePaperId}/withdraw")).Expect(HttpStatusCode.Conflict);
        Assert.Equal("Approved", (await acme.GetAsync($"/api/papers/{acmePaperId}")).Json["status"]!.GetValue<string>());

        // 7. The auditor's timeline: every event once, causes before effects, the chain recomputes and verifies.
        var expectedTypes = new Dictionary<string, int>
        {
            ["ConsultationOpened"] = 1, ["PositionPaperSubmitted"] = 6, ["ReviewCompleted"] = 5, ["PositionPaperWithdrawn"] = 2,
            ["ConsultationClosed"] = 1, ["DigestCompiled"] = 2, ["DigestDeliveryRequested"] = 1, ["DigestPapersReserved"] = 1,
            ["DigestDelivered"] = 1, ["DigestAcknowledged"] = 1,
        };
        var timeline = await auditor.EventuallyAsync(() => auditor.GetAsync($"/api/audit/consultations/{consultationId}/timeline"),
            r => r.Status == HttpStatusCode.OK && expectedTypes.All(t => r.Json.AsArray().Count(e => e!["eventType"]!.GetValue<string>() == t.Key) == t.Value),
            "every event of the consultation in the ledger");
        AssertLedgerEntries(timeline.Json.AsArray());
        var entries = timeline.Json.AsArray();
        Assert.Equal(entries.Count, entries.Select(e => e!["eventId"]!.GetValue<Guid>()).Distinct().Count());
        Assert.Equal(entries.Count, expectedTypes.Values.Sum());
        var submittedEntry = entries.First(e => e!["eventType"]!.GetValue<string>() == "PositionPaperSubmitted")!;
        Assert.Null(submittedEntry["data"]!["body"]);
        Assert.Equal(64, submittedEntry["data"]!["bodyHash"]!.GetValue<string>().Length);

        var paperTimeline = (await auditor.GetAsync($"/api/audit/papers/{acmePaperId}/timeline")).Expect(HttpStatusCode.OK).Json.AsArray();
        Assert.Equal(
            ["PositionPaperSubmitted", "ReviewCompleted", "PositionPaperSubmitted", "ReviewCompleted"],
            paperTimeline.Select(e => e!["eventType"]!.GetValue<string>()).Where(t => t is "PositionPaperSubmitted" or "ReviewCompleted"));
        Assert.Contains(paperTimeline, e => e!["eventType"]!.GetValue<string>() == "DigestDelivered");

        var verification = (await auditor.GetAsync("/api/audit/verify")).Expect(HttpStatusCode.OK).Json;
        Assert.True(verification["valid"]!.GetValue<bool>(), verification.ToJsonString());
        Assert.True(verification["count"]!.GetValue<int>() >= entries.Count + 2);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync("/api/audit/verify")).Status);

        // Paper bodies, tokens (or their signatures) and the private signing key (its PEM's first line of base64) never
        // reach a log line of any process.
        var tokens = new[] { liaison, auditor, acme, initech, umbrella, hooli, reviewer, acmeReviewer, ofcom, arcep }.Select(c => c.Token!).ToList();
        var privateKey = File.ReadLines(TestSigningKey.PrivateKeyPath).Skip(1).First();
        var secrets = tokens.Concat(tokens.Select(t => t[(t.LastIndexOf('.') + 1)..])).Append("Body of ").Append(privateKey);
        foreach (var (process, log) in system.FullLogs())
        {
            Assert.Contains("Application started", log);
            Assert.DoesNotContain(secrets, secret => log.Contains(secret, StringComparison.Ordinal));
        }
    }

    /// <summary>The SPEC's digest hash, recomputed from the response: SHA-256 of the canonical JSON of eight named fields.</summary>
    private static void AssertDigestHash(JsonNode digest)
    {
        var hashed = new JsonObject();
        foreach (var field in new[] { "id", "consultationId", "regulatorId", "compiledAt", "positions", "statistics", "groups", "ledgerCheckpoint" })
        {
            Assert.True(digest.AsObject().ContainsKey(field), $"a new digest has {field}");
            hashed[field] = digest[field]?.DeepClone();
        }
        Assert.Equal(digest["contentHash"]!.GetValue<string>(), Sha256Hex.Of(CanonicalJson.Serialize(JsonSerializer.SerializeToElement(hashed))));
    }

    /// <summary>Each entry's hash recomputes from its predecessor's hash and its data; no entry precedes its cause.</summary>
    private static void AssertLedgerEntries(JsonArray entries)
    {
        var sequenceOf = entries.ToDictionary(e => e!["eventId"]!.GetValue<Guid>(), e => e!["sequence"]!.GetValue<long>());
        long previousSequence = 0;
        foreach (var entry in entries)
        {
            var sequence = entry!["sequence"]!.GetValue<long>();
            Assert.True(sequence > previousSequence, "timeline ordered by sequence");
            previousSequence = sequence;

            var data = CanonicalJson.Serialize(JsonSerializer.SerializeToElement(entry["data"]));
            Assert.Equal(entry["hash"]!.GetValue<string>(), Sha256Hex.Of(entry["previousHash"]!.GetValue<string>() + data));

            if (entry["data"]!["causationId"]?.GetValue<Guid?>() is { } cause && sequenceOf.TryGetValue(cause, out var causeSequence))
                Assert.True(causeSequence < sequence, $"{entry["eventType"]} sequenced after its cause");
        }
    }
}
