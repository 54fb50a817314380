using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PolicyEngage.Audit.Tests.Support;
using PolicyEngage.Contracts;
using PolicyEngage.Ledger.Proofs;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.Audit.Tests;

/// <summary>
/// The ledger as an outsider checks it, over HTTP only: a signed checkpoint verified with the published key, each
/// entry's inclusion proof against its root (leaves computed from the entries as the API shows them), and the
/// consistency of a later checkpoint with an earlier one, all with the library's RFC 6962 verification.
/// </summary>
public sealed class CheckpointAndProofTests(AuditApp app) : IClassFixture<AuditApp>
{
    private HttpClient Auditor => app.ClientAs(Roles.Auditor);

    [Fact]
    public async Task Every_entry_is_proven_included_in_a_signed_checkpoint_and_a_later_checkpoint_is_consistent_with_it()
    {
        var verifier = NoteVerifier.FromVerifierKey((await Auditor.GetFromJsonAsync<JsonObject>("/api/audit/key"))!["verifierKey"]!.GetValue<string>());
        var consultationId = await PublishConsultationAsync(papers: 3);
        var first = await CheckpointCoveringAsync(verifier, consultationId);

        var timeline = (await Auditor.GetFromJsonAsync<JsonArray>($"/api/audit/consultations/{consultationId}/timeline"))!;
        Assert.NotEmpty(timeline);
        foreach (var entry in timeline.Select(e => e!.AsObject()))
        {
            var sequence = entry["sequence"]!.GetValue<long>();
            var proof = (await Auditor.GetFromJsonAsync<JsonObject>($"/api/audit/entries/{sequence}/proof?treeSize={first.TreeSize}"))!;
            Assert.Equal(sequence - 1, proof["leafIndex"]!.GetValue<long>());
            Assert.Equal(Convert.ToHexStringLower(first.RootHash), proof["rootHash"]!.GetValue<string>());
            var hashes = proof["hashes"]!.AsArray().Select(h => Convert.FromHexString(h!.GetValue<string>())).ToList();
            Assert.True(MerkleVerify.Inclusion(MerkleHash.Leaf(LedgerLeaf.Input(entry)), sequence - 1, first.TreeSize, hashes, first.RootHash),
                $"entry {sequence} is not in the tree of size {first.TreeSize}");
            Assert.True(JsonNode.DeepEquals(entry, await Auditor.GetFromJsonAsync<JsonObject>($"/api/audit/entries/{sequence}")));
        }

        var later = await CheckpointCoveringAsync(verifier, await PublishConsultationAsync(papers: 2));
        Assert.True(later.TreeSize > first.TreeSize);
        var consistency = (await Auditor.GetFromJsonAsync<JsonObject>($"/api/audit/consistency?from={first.TreeSize}&to={later.TreeSize}"))!;
        var path = consistency["hashes"]!.AsArray().Select(h => Convert.FromHexString(h!.GetValue<string>())).ToList();
        Assert.True(MerkleVerify.Consistency(first.TreeSize, later.TreeSize, first.RootHash, later.RootHash, path));
        // Every checkpoint is kept, and served by its size as it was signed.
        Assert.True(verifier.TryOpen(await Auditor.GetStringAsync($"/api/audit/checkpoints/{first.TreeSize}"), out var kept, out var error), error);
        Assert.Equal(first.Body, kept);
    }

    [Fact]
    public async Task Any_signed_in_role_reads_the_latest_checkpoint_and_the_key_but_only_an_auditor_the_proofs()
    {
        await CheckpointCoveringAsync(null, await PublishConsultationAsync(papers: 1));
        var author = app.ClientAs(Roles.PolicyAuthor, organisation: "acme");

        var note = await author.GetAsync("/api/audit/checkpoint");
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        Assert.Equal("text/plain", note.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync("/api/audit/key")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync("/api/audit/entries/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync("/api/audit/entries/1/proof")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientAs(null).GetAsync("/api/audit/checkpoint")).StatusCode);
    }

    [Theory]
    [InlineData("/api/audit/entries/1/proof?treeSize=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/audit/entries/5/proof?treeSize=4", HttpStatusCode.BadRequest)]
    [InlineData("/api/audit/entries/1/proof?treeSize=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/audit/entries/999999/proof", HttpStatusCode.NotFound)]
    [InlineData("/api/audit/entries/999999", HttpStatusCode.NotFound)]
    [InlineData("/api/audit/entries/one", HttpStatusCode.BadRequest)]
    [InlineData("/api/audit/checkpoints/999999", HttpStatusCode.NotFound)]
    [InlineData("/api/audit/consistency?from=0&to=1", HttpStatusCode.BadRequest)]
    [InlineData("/api/audit/consistency?from=2&to=1", HttpStatusCode.BadRequest)]
    [InlineData("/api/audit/consistency?from=1", HttpStatusCode.BadRequest)]
    [InlineData("/api/audit/consistency?from=1&to=999999", HttpStatusCode.NotFound)]
    public async Task Bad_or_unknown_proof_parameters_are_refused_as_problems(string path, HttpStatusCode expected)
    {
        await CheckpointCoveringAsync(null, await PublishConsultationAsync(papers: 1));

        var response = await Auditor.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, expected);
    }

    /// <summary>An opened consultation with submitted papers: events that each cause the next.</summary>
    private async Task<Guid> PublishConsultationAsync(int papers)
    {
        var regulatorId = Guid.CreateVersion7();
        var registered = RegulatorEvents.Registered(regulatorId);
        var opened = ConsultationEvents.Opened(Guid.CreateVersion7(), regulatorId, registered.EventId);
        var submissions = Enumerable.Range(0, papers)
            .Select(_ => (IntegrationEvent)PaperEvents.Submitted(opened.ConsultationId, Guid.CreateVersion7(), causationId: opened.EventId));
        await app.PublishAsync([registered, opened, .. submissions]);
        return opened.ConsultationId;
    }

    /// <summary>Waits for a checkpoint whose tree holds the consultation's last entry, and checks its signature.</summary>
    private async Task<Checkpoint> CheckpointCoveringAsync(NoteVerifier? verifier, Guid consultationId)
    {
        var last = (await Auditor.GetFromJsonAsync<JsonArray>($"/api/audit/consultations/{consultationId}/timeline"))!
            .Max(e => e!["sequence"]!.GetValue<long>());
        Checkpoint? checkpoint = null;
        await Eventually.True(async () =>
        {
            var response = await Auditor.GetAsync("/api/audit/checkpoint");
            if (response.StatusCode != HttpStatusCode.OK) return false;
            var note = await response.Content.ReadAsStringAsync();
            verifier ??= NoteVerifier.FromVerifierKey((await Auditor.GetFromJsonAsync<JsonObject>("/api/audit/key"))!["verifierKey"]!.GetValue<string>());
            Assert.True(verifier.TryOpen(note, out var text, out var error), error);
            checkpoint = Checkpoint.ParseBody(text);
            return checkpoint.TreeSize >= last;
        }, $"a checkpoint holding entry {last}");
        return checkpoint!;
    }
}
