using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.RegulatorLiaison.Tests;

public sealed class RegulatorsAndConsultationsApiTests(RegulatorLiaisonApp app) : IClassFixture<RegulatorLiaisonApp>
{
    private async Task<Guid> RegisterRegulatorAsync()
    {
        var response = await app.Officer().PostAsJsonAsync("/api/regulators", new { name = "Data Protection Board", jurisdiction = "EU" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task<HttpResponseMessage> OpenAsync(Guid regulatorId, DateTime closesAt) =>
        app.Officer().PostAsJsonAsync("/api/consultations", new
        {
            regulatorId,
            reference = "DPB-2026-07",
            title = "Avatars and biometrics",
            summary = "How should avatars use biometric data?",
            closesAt,
        });

    private async Task<Guid> OpenConsultationAsync(TimeSpan closesIn)
    {
        var response = await OpenAsync(await RegisterRegulatorAsync(), app.Clock.GetUtcNow().UtcDateTime + closesIn);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<string[]> InvalidFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();
    }

    [Fact]
    public async Task A_liaison_officer_registers_a_regulator_that_officers_and_auditors_can_list()
    {
        var response = await app.Officer().PostAsJsonAsync("/api/regulators", new { name = "Ofcom", jurisdiction = "UK" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["id", "name", "jurisdiction", "contactEmail"], created.EnumerateObject().Select(p => p.Name));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/regulators/{id}", response.Headers.Location?.OriginalString);

        var listed = await app.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>("/api/regulators");
        Assert.Contains(listed.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id && r.GetProperty("jurisdiction").GetString() == "UK");

        var registered = Assert.Single(await app.OutboxAsync<RegulatorRegistered>(), e => e.RegulatorId == id);
        Assert.Equal(("officer-1", null), (registered.Actor, registered.CausationId));
    }

    [Fact]
    public async Task Regulators_are_for_officers_and_auditors_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/regulators")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(Roles.Regulator, regulator: Guid.CreateVersion7()).GetAsync("/api/regulators")).StatusCode);
        var auditorPost = await app.ClientAs(Roles.Auditor).PostAsJsonAsync("/api/regulators", new { name = "X", jurisdiction = "Y" });
        Assert.Equal(HttpStatusCode.Forbidden, auditorPost.StatusCode);
    }

    [Fact]
    public async Task Registering_a_regulator_names_each_invalid_field()
    {
        var response = await app.Officer().PostAsJsonAsync("/api/regulators", new { name = new string('n', 101), jurisdiction = " " });

        Assert.Equal(["jurisdiction", "name"], (await InvalidFieldsAsync(response)).Order());
    }

    [Fact]
    public async Task Opening_a_consultation_answers_it_open_and_any_signed_in_role_reads_it()
    {
        var regulatorId = await RegisterRegulatorAsync();
        var closesAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(30);

        var response = await OpenAsync(regulatorId, closesAt);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var opened = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(regulatorId, opened.GetProperty("regulatorId").GetGuid());
        Assert.Equal("DPB-2026-07", opened.GetProperty("reference").GetString());
        Assert.Equal("Open", opened.GetProperty("status").GetString());
        Assert.Equal(closesAt, opened.GetProperty("closesAt").GetDateTime().ToUniversalTime());
        var id = opened.GetProperty("id").GetGuid();

        foreach (var reader in new[] { app.ClientAs(Roles.Auditor), app.ClientAs(Roles.Regulator, regulator: regulatorId), app.ClientAs(Roles.PolicyAuthor, organisation: "acme") })
        {
            var read = await reader.GetFromJsonAsync<JsonElement>($"/api/consultations/{id}");
            Assert.Equal("Avatars and biometrics", read.GetProperty("title").GetString());
            var listed = await reader.GetFromJsonAsync<JsonElement>("/api/consultations");
            Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientAs(Roles.Auditor).GetAsync($"/api/consultations/{Guid.CreateVersion7()}")).StatusCode);

        var openedEvent = Assert.Single(await app.OutboxAsync<ConsultationOpened>(), e => e.ConsultationId == id);
        var registered = Assert.Single(await app.OutboxAsync<RegulatorRegistered>(), e => e.RegulatorId == regulatorId);
        Assert.Equal(registered.EventId, openedEvent.CausationId);
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(0)]
    [InlineData(2 * 366 * 24 * 60)]
    public async Task A_deadline_must_lie_strictly_ahead_and_within_two_years(int minutesAhead)
    {
        var response = await OpenAsync(await RegisterRegulatorAsync(), app.Clock.GetUtcNow().UtcDateTime.AddMinutes(minutesAhead));

        Assert.Equal(["closesAt"], await InvalidFieldsAsync(response));
    }

    [Fact]
    public async Task A_deadline_exactly_two_years_ahead_is_accepted()
    {
        var response = await OpenAsync(await RegisterRegulatorAsync(), app.Clock.GetUtcNow().UtcDateTime.AddYears(2));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Opening_a_consultation_names_every_missing_field()
    {
        var response = await app.Officer().PostAsJsonAsync("/api/consultations", new { title = new string('t', 201), summary = new string('s', 2001) });

        Assert.Equal(["closesAt", "reference", "regulatorId", "summary", "title"], (await InvalidFieldsAsync(response)).Order());
    }

    [Fact]
    public async Task Opening_a_consultation_for_an_unknown_regulator_is_a_state_conflict()
    {
        var response = await OpenAsync(Guid.CreateVersion7(), app.Clock.GetUtcNow().UtcDateTime.AddDays(1));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task An_officer_closes_a_consultation_once()
    {
        var id = await OpenConsultationAsync(TimeSpan.FromDays(30));

        var closed = await app.Officer().PostAsync($"/api/consultations/{id}/close", null);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("Closed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await app.Officer().PostAsync($"/api/consultations/{id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Officer().PostAsync($"/api/consultations/{Guid.CreateVersion7()}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(Roles.Auditor).PostAsync($"/api/consultations/{id}/close", null)).StatusCode);

        var closedEvent = Assert.Single(await app.OutboxAsync<ConsultationClosed>(), e => e.ConsultationId == id);
        Assert.Equal(("officer-1", ConsultationCloseReason.ClosedByOfficer), (closedEvent.Actor, closedEvent.Reason));
    }

    [Fact]
    public async Task A_consultation_closes_itself_once_its_deadline_passes()
    {
        var id = await OpenConsultationAsync(TimeSpan.FromMinutes(1));

        app.Clock.Advance(TimeSpan.FromMinutes(2));

        var auditor = app.ClientAs(Roles.Auditor);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string? status;
        do
        {
            await Task.Delay(50);
            status = (await auditor.GetFromJsonAsync<JsonElement>($"/api/consultations/{id}")).GetProperty("status").GetString();
        }
        while (status != "Closed" && DateTime.UtcNow < deadline);

        Assert.Equal("Closed", status);
        var closed = Assert.Single(await app.OutboxAsync<ConsultationClosed>(), e => e.ConsultationId == id);
        Assert.Equal(("system", ConsultationCloseReason.DeadlinePassed), (closed.Actor, closed.Reason));
    }
}
