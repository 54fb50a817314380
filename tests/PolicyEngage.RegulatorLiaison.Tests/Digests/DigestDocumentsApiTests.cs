using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Events;
using UglyToad.PdfPig;

namespace PolicyEngage.RegulatorLiaison.Tests.Digests;

/// <summary>
/// The digest route as a person reads it: like positions grouped under the digest's hash, and the same digest as an
/// HTML page, a Markdown document or a PDF, chosen by <c>Accept</c>.
/// </summary>
public sealed class DigestDocumentsApiTests(RegulatorLiaisonApp app) : IClassFixture<RegulatorLiaisonApp>
{
    private const string CampaignBody =
        "We ask the regulator to require that every avatar platform obtains explicit consent before it processes biometric data of its users.";

    private sealed record Compiled(string Reference, Guid RegulatorId, JsonObject Digest, PositionPaperSubmitted[] Papers);

    /// <summary>Three approved positions, two of them the same campaign text from different organisations.</summary>
    private async Task<Compiled> CompiledAsync(string reference)
    {
        var regulator = await app.Officer().PostAsJsonAsync("/api/regulators", new { name = "Personal Information Commission 個人情報保護委員会", jurisdiction = "JP" });
        var regulatorId = (await regulator.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var consultation = await app.Officer().PostAsJsonAsync("/api/consultations", new
        {
            regulatorId, reference, title = "Avatars and consent", summary = "Consent for biometrics", closesAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(30),
        });
        var consultationId = (await consultation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        PositionPaperSubmitted[] papers =
        [
            PaperEvents.Submitted(consultationId, organisation: "acme", body: CampaignBody),
            PaperEvents.Submitted(consultationId, organisation: "initech", body: "An unrelated answer about data retention periods and their review by an independent body."),
            PaperEvents.Submitted(consultationId, organisation: "globex", body: CampaignBody + " Thank you."),
        ];
        foreach (var paper in papers)
        {
            await app.PublishAsync(paper);
            await app.PublishAsync(ReviewEvents.Completed(paper, ReviewOutcome.Approve));
        }
        Assert.Equal(HttpStatusCode.OK, (await app.Officer().PostAsync($"/api/consultations/{consultationId}/close", null)).StatusCode);
        var response = await app.Officer().PostAsync($"/api/consultations/{consultationId}/digests", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new Compiled(reference, regulatorId, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), papers);
    }

    private async Task<HttpResponseMessage> GetAsync(Guid digestId, string? accept, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/digests/{digestId}");
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await (client ?? app.Officer()).SendAsync(request);
    }

    [Fact]
    public async Task Like_positions_are_one_group_in_position_order_under_the_digests_hash()
    {
        var compiled = await CompiledAsync("PIC-GROUPS");
        var (acme, globex) = (compiled.Papers[0], compiled.Papers[2]);

        var group = Assert.Single(compiled.Digest["groups"]!.AsArray())!;
        var order = compiled.Digest["positions"]!.AsArray().Select(p => p!["paperId"]!.GetValue<Guid>()).ToList();
        Assert.Equal(order.Where(id => id == acme.PaperId || id == globex.PaperId), group["paperIds"]!.AsArray().Select(id => id!.GetValue<Guid>()));
        Assert.Equal(order.IndexOf(acme.PaperId) < order.IndexOf(globex.PaperId) ? ["acme", "globex"] : ["globex", "acme"],
            group["organisations"]!.AsArray().Select(o => o!.GetValue<string>()));
        // 21 words and 23 words: 17 and 19 shingles, the 17 shared; 17/19 rounded.
        Assert.Equal(0.8947, group["similarity"]!.GetValue<double>());
        Assert.Equal(IndependentCanonicalJson.Sha256HexOf(HashedDigest.Of(compiled.Digest)), compiled.Digest["contentHash"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/*")]
    [InlineData("application/json")]
    [InlineData("text/html;q=0.5, application/json")]
    public async Task No_accept_any_type_or_json_preferred_answers_the_json_digest(string? accept)
    {
        var compiled = await CompiledAsync($"PIC-JSON-{Guid.NewGuid():N}"[..20]);

        var response = await GetAsync(compiled.Digest["id"]!.GetValue<Guid>(), accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        var read = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(compiled.Digest["contentHash"]!.GetValue<string>(), read["contentHash"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("text/html", "text/html")]
    [InlineData("text/markdown", "text/markdown")]
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("application/json;q=0.1, application/pdf;q=0.9", "application/pdf")]
    public async Task The_digest_renders_as_the_document_asked_for_naming_the_consultation_and_the_regulator(string accept, string mediaType)
    {
        var compiled = await CompiledAsync($"PIC-DOC-{Guid.NewGuid():N}"[..20]);

        var response = await GetAsync(compiled.Digest["id"]!.GetValue<Guid>(), accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        var text = mediaType == "application/pdf"
            ? string.Join(" ", PdfDocument.Open(await response.Content.ReadAsByteArrayAsync()).GetPages().Select(p => p.Text))
            : await response.Content.ReadAsStringAsync();
        foreach (var fact in new[] { compiled.Reference, "Avatars and consent", "個人情報保護委員会", compiled.Digest["contentHash"]!.GetValue<string>(), "initech" })
            Assert.Contains(fact, mediaType == "text/markdown" ? text.Replace("\\", "") : text);
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("text/plain")]
    [InlineData("application/json;q=0, text/html;q=0")]
    public async Task A_type_it_cannot_give_is_a_406_problem(string accept)
    {
        var compiled = await CompiledAsync($"PIC-406-{Guid.NewGuid():N}"[..20]);

        var response = await GetAsync(compiled.Digest["id"]!.GetValue<Guid>(), accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_regulator_gets_no_rendering_of_a_digest_not_yet_delivered_to_it()
    {
        var compiled = await CompiledAsync($"PIC-404-{Guid.NewGuid():N}"[..20]);
        var regulator = app.ClientAs(Roles.Regulator, subject: "desk-1", regulator: compiled.RegulatorId);

        foreach (var accept in new[] { "text/html", "application/pdf", "application/json" })
            await ProblemAssert.IsProblemAsync(await GetAsync(compiled.Digest["id"]!.GetValue<Guid>(), accept, regulator), HttpStatusCode.NotFound);
    }
}
