using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Events;

namespace PolicyEngage.RegulatorLiaison.Tests.Digests;

/// <summary><c>GET /api/consultations/{id}/digest-preview</c>: what compiling would give now, open or closed, saving nothing.</summary>
public sealed class DigestPreviewTests(RegulatorLiaisonApp app) : IClassFixture<RegulatorLiaisonApp>
{
    private async Task<(Guid ConsultationId, PositionPaperSubmitted Approved)> OpenConsultationWithPapersAsync()
    {
        var regulator = await app.Officer().PostAsJsonAsync("/api/regulators", new { name = "Preview Board", jurisdiction = "EU" });
        var regulatorId = (await regulator.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var consultation = await app.Officer().PostAsJsonAsync("/api/consultations", new
        {
            regulatorId, reference = $"PRE-{Guid.NewGuid():N}"[..12], title = "Preview", summary = "A preview", closesAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(30),
        });
        var consultationId = (await consultation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var approved = PaperEvents.Submitted(consultationId, organisation: "acme");
        await app.PublishAsync(approved);
        await app.PublishAsync(ReviewEvents.Completed(approved, ReviewOutcome.Approve));
        await app.PublishAsync(PaperEvents.Submitted(consultationId, organisation: "globex"));
        return (consultationId, approved);
    }

    private async Task<(int Digests, int Outbox)> SavedAsync() =>
        (await app.ReadAsync(db => db.Digests.CountAsync()), await app.ReadAsync(db => db.OutboxMessages.CountAsync()));

    [Fact]
    public async Task An_open_consultations_preview_holds_the_approved_positions_and_statistics_without_an_id_and_saves_nothing()
    {
        var (consultationId, approved) = await OpenConsultationWithPapersAsync();
        var before = await SavedAsync();

        var response = await app.Officer().GetAsync($"/api/consultations/{consultationId}/digest-preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.False(preview.ContainsKey("id"));
        Assert.Equal(consultationId, preview["consultationId"]!.GetValue<Guid>());
        Assert.Equal([approved.PaperId], preview["positions"]!.AsArray().Select(p => p!["paperId"]!.GetValue<Guid>()));
        Assert.Equal(approved.Body, preview["positions"]![0]!["body"]!.GetValue<string>());
        Assert.Equal((1, 1), (preview["statistics"]!["positions"]!.GetValue<int>(), preview["statistics"]!["pendingReview"]!.GetValue<int>()));
        Assert.Equal(IndependentCanonicalJson.Sha256HexOf(HashedDigest.Of(preview)), preview["contentHash"]!.GetValue<string>());
        Assert.Equal(before, await SavedAsync());
    }

    [Fact]
    public async Task A_closed_consultations_preview_is_the_digest_it_would_compile_but_its_id()
    {
        var (consultationId, _) = await OpenConsultationWithPapersAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.Officer().PostAsync($"/api/consultations/{consultationId}/close", null)).StatusCode);

        var preview = JsonNode.Parse(await app.Officer().GetStringAsync($"/api/consultations/{consultationId}/digest-preview"))!;
        var compiled = JsonNode.Parse(await (await app.Officer().PostAsync($"/api/consultations/{consultationId}/digests", null)).Content.ReadAsStringAsync())!;

        foreach (var field in new[] { "positions", "statistics", "groups", "regulatorId" })
            Assert.True(JsonNode.DeepEquals(compiled[field], preview[field]), field);
    }

    [Fact]
    public async Task An_unknown_consultation_is_404_and_only_liaison_officers_preview()
    {
        await ProblemAssert.IsProblemAsync(await app.Officer().GetAsync($"/api/consultations/{Guid.CreateVersion7()}/digest-preview"), HttpStatusCode.NotFound);
        var (consultationId, _) = await OpenConsultationWithPapersAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(Roles.Auditor).GetAsync($"/api/consultations/{consultationId}/digest-preview")).StatusCode);
    }
}
