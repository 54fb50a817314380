using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.RegulatorLiaison.Webhooks.Endpoints;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks;

public sealed class WebhooksApiTests(RegulatorLiaisonApp app) : IClassFixture<RegulatorLiaisonApp>
{
    private async Task<Guid> RegisteredRegulatorAsync(string name)
    {
        var response = await app.Officer().PostAsJsonAsync("/api/regulators", new { name, jurisdiction = "EU" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private HttpClient RegulatorOf(Guid regulatorId) => app.ClientAs(Roles.Regulator, subject: $"regulator-{regulatorId:N}", regulator: regulatorId);

    private static async Task<JsonElement> RegisterAsync(HttpClient regulator, string url)
    {
        var response = await regulator.PostAsJsonAsync("/api/regulator/webhooks", new { url });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient regulator) =>
        (await regulator.GetFromJsonAsync<JsonElement[]>("/api/regulator/webhooks"))!;

    [Fact]
    public async Task A_registered_endpoint_shows_its_secret_once_and_is_listed_without_it_to_its_own_regulator_only()
    {
        var ofcom = RegulatorOf(await RegisteredRegulatorAsync("Ofcom"));
        var cnil = RegulatorOf(await RegisteredRegulatorAsync("CNIL"));

        var registered = await RegisterAsync(ofcom, "http://127.0.0.1:9/hooks");

        var secret = registered.GetProperty("secret").GetString()!;
        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", secret);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.Equal("http://127.0.0.1:9/hooks", registered.GetProperty("url").GetString());
        var listed = Assert.Single(await ListAsync(ofcom));
        Assert.Equal(registered.GetProperty("id").GetGuid(), listed.GetProperty("id").GetGuid());
        Assert.Equal(["createdAt", "disabledAt", "id", "url"], listed.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("disabledAt").ValueKind);
        Assert.Empty(await ListAsync(cnil));
    }

    [Fact]
    public async Task Another_regulators_endpoint_is_404_to_rotate_and_to_delete_and_stays_as_it_was()
    {
        var ofcomId = await RegisteredRegulatorAsync("Ofcom");
        var ofcom = RegulatorOf(ofcomId);
        var cnil = RegulatorOf(await RegisteredRegulatorAsync("CNIL"));
        var endpoint = await RegisterAsync(ofcom, "http://127.0.0.1:9/ofcom");
        var id = endpoint.GetProperty("id").GetGuid();

        await ProblemAssert.IsProblemAsync(await cnil.PostAsync($"/api/regulator/webhooks/{id}/rotate", null), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await cnil.DeleteAsync($"/api/regulator/webhooks/{id}"), HttpStatusCode.NotFound);

        var stored = await app.ReadAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal((endpoint.GetProperty("secret").GetString(), null, (DateTime?)null), (stored.Secret, stored.PreviousSecret, stored.DeletedAt));
    }

    [Fact]
    public async Task Rotating_returns_a_new_secret_and_keeps_the_old_one_signing_beside_it()
    {
        var ofcom = RegulatorOf(await RegisteredRegulatorAsync("Ofcom"));
        var endpoint = await RegisterAsync(ofcom, "http://127.0.0.1:9/ofcom");
        var id = endpoint.GetProperty("id").GetGuid();

        var response = await ofcom.PostAsync($"/api/regulator/webhooks/{id}/rotate", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rotated = await response.Content.ReadFromJsonAsync<JsonElement>();
        var (original, replacement) = (endpoint.GetProperty("secret").GetString()!, rotated.GetProperty("secret").GetString()!);
        Assert.NotEqual(original, replacement);
        Assert.Equal(id, rotated.GetProperty("id").GetGuid());
        var stored = await app.ReadAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == id));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal([replacement, original], stored.SigningSecrets(now));
        Assert.Equal(now.AddHours(24), stored.PreviousSecretUntil);
    }

    [Fact]
    public async Task A_deleted_endpoint_is_unlisted_and_404_from_then_on()
    {
        var ofcom = RegulatorOf(await RegisteredRegulatorAsync("Ofcom"));
        var kept = (await RegisterAsync(ofcom, "http://127.0.0.1:9/kept")).GetProperty("id").GetGuid();
        var deleted = (await RegisterAsync(ofcom, "http://127.0.0.1:9/deleted")).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await ofcom.DeleteAsync($"/api/regulator/webhooks/{deleted}")).StatusCode);

        Assert.Equal([kept], (await ListAsync(ofcom)).Select(e => e.GetProperty("id").GetGuid()));
        await ProblemAssert.IsProblemAsync(await ofcom.DeleteAsync($"/api/regulator/webhooks/{deleted}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await ofcom.PostAsync($"/api/regulator/webhooks/{deleted}/rotate", null), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("regulator.example/hooks")]
    [InlineData("ftp://regulator.example/hooks")]
    [InlineData("https://user:password@regulator.example/hooks")]
    [InlineData("")]
    public async Task A_url_that_is_not_an_absolute_http_or_https_one_is_a_400_naming_it_and_registers_nothing(string url)
    {
        var ofcom = RegulatorOf(await RegisteredRegulatorAsync("Ofcom"));
        var before = await app.ReadAsync(db => db.WebhookEndpoints.CountAsync());

        await ProblemAssert.NamesFieldAsync(await ofcom.PostAsJsonAsync("/api/regulator/webhooks", new { url }), HttpStatusCode.BadRequest, "url");

        Assert.Equal(before, await app.ReadAsync(db => db.WebhookEndpoints.CountAsync()));
    }

    [Fact]
    public async Task A_url_longer_than_the_bound_is_a_400()
    {
        var ofcom = RegulatorOf(await RegisteredRegulatorAsync("Ofcom"));
        var url = "https://regulator.example/" + new string('a', WebhookEndpoint.UrlLength);

        await ProblemAssert.NamesFieldAsync(await ofcom.PostAsJsonAsync("/api/regulator/webhooks", new { url }), HttpStatusCode.BadRequest, "url");
    }

    [Fact]
    public async Task A_regulator_token_that_names_no_registered_regulator_registers_nothing()
    {
        var stranger = RegulatorOf(Guid.CreateVersion7());

        await ProblemAssert.IsProblemAsync(await stranger.PostAsJsonAsync("/api/regulator/webhooks", new { url = "http://127.0.0.1:9/x" }), HttpStatusCode.Forbidden);
    }
    [Theory]
    [InlineData("POST", "/api/regulator/webhooks/not-a-guid/rotate")]
    [InlineData("DELETE", "/api/regulator/webhooks/not-a-guid")]
    [InlineData("DELETE", "/api/regulator/webhooks/12345")]
    public async Task A_malformed_endpoint_id_is_a_400_naming_the_id_and_changes_nothing(string method, string path)
    {
        var ofcom = RegulatorOf(await RegisteredRegulatorAsync("Ofcom"));
        var endpoint = await RegisterAsync(ofcom, "http://127.0.0.1:9/ofcom");
        var before = await app.ReadAsync(db => db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Secret, e.DeletedAt }).ToListAsync());

        await ProblemAssert.NamesFieldAsync(await ofcom.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), HttpStatusCode.BadRequest, "id");

        var after = await app.ReadAsync(db => db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Secret, e.DeletedAt }).ToListAsync());
        Assert.Equal(before, after);
        Assert.Single(await ListAsync(ofcom), e => e.GetProperty("id").GetGuid() == endpoint.GetProperty("id").GetGuid());
    }
}
