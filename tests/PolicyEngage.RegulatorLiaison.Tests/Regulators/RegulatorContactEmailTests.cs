using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.RegulatorLiaison.Tests.Regulators;

/// <summary>A regulator's contact address: given at registration, shown to liaison officers alone, never in an event.</summary>
public sealed class RegulatorContactEmailTests(RegulatorLiaisonApp app) : IClassFixture<RegulatorLiaisonApp>
{
    [Fact]
    public async Task The_contact_address_is_shown_to_liaison_officers_and_null_to_auditors_on_every_route()
    {
        var id = await RegisterAsync("desk@ofcom.example");
        var auditor = app.ClientAs(Roles.Auditor);

        Assert.Equal("desk@ofcom.example", await ContactOfAsync(app.Officer(), $"/api/regulators/{id}"));
        Assert.Equal("desk@ofcom.example", await ListedContactOfAsync(app.Officer(), id));
        Assert.Null(await ContactOfAsync(auditor, $"/api/regulators/{id}"));
        Assert.Null(await ListedContactOfAsync(auditor, id));
        var auditorsList = await auditor.GetStringAsync("/api/regulators");
        Assert.DoesNotContain("@ofcom.example", auditorsList);
    }

    [Fact]
    public async Task The_contact_address_is_kept_in_no_event()
    {
        var id = await RegisterAsync("private.desk@ofcom.example");

        var bodies = await app.ReadAsync(db => db.OutboxMessages.AsNoTracking().Select(m => m.Body).ToListAsync());
        Assert.Contains(bodies, body => body.Contains(id.ToString()));
        Assert.All(bodies, body => Assert.DoesNotContain("@ofcom.example", body));
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("Desk <desk@ofcom.example>")]
    [InlineData("desk@ofcom.example; other@ofcom.example")]
    [InlineData("")]
    public async Task A_contact_address_that_is_not_one_plain_address_is_a_400_naming_contactEmail_and_saves_nothing(string contactEmail)
    {
        var before = await CountsAsync();

        using var response = await app.Officer().PostAsJsonAsync("/api/regulators", new { name = "Ofcom", jurisdiction = "UK", contactEmail });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["contactEmail"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_regulator_registered_without_a_contact_address_shows_null()
    {
        using var response = await app.Officer().PostAsJsonAsync("/api/regulators", new { name = "Ofcom", jurisdiction = "UK" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contactEmail").ValueKind);
    }

    private async Task<Guid> RegisterAsync(string contactEmail)
    {
        using var response = await app.Officer().PostAsJsonAsync("/api/regulators", new { name = "Ofcom", jurisdiction = "UK", contactEmail });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(contactEmail, created.GetProperty("contactEmail").GetString());
        return created.GetProperty("id").GetGuid();
    }

    private static async Task<string?> ContactOfAsync(HttpClient client, string route) =>
        (await client.GetFromJsonAsync<JsonElement>(route)).GetProperty("contactEmail").GetString();

    private static async Task<string?> ListedContactOfAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/regulators")).EnumerateArray()
            .Single(r => r.GetProperty("id").GetGuid() == id).GetProperty("contactEmail").GetString();

    private Task<(int Regulators, int Outbox)> CountsAsync() =>
        app.ReadAsync(async db => (await db.Regulators.CountAsync(), await db.OutboxMessages.CountAsync()));
}
