using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using PolicyEngage.Contracts;
using PolicyEngage.Reviews.ReviewCases;
using PolicyEngage.Reviews.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Json;
using PolicyEngage.Testing;

namespace PolicyEngage.Reviews.Tests;

public sealed class ReviewCasesApiTests(ReviewsApp app) : IClassFixture<ReviewsApp>
{
    private static readonly object Approval = new { decision = "Approve", comment = "Well argued." };

    [Fact]
    public async Task Anonymous_callers_get_401_and_other_roles_403()
    {
        var reviewCase = await app.OpenCaseAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(Roles.PolicyAuthor, "acme").GetAsync("/api/reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(Roles.LiaisonOfficer).GetAsync($"/api/reviews/{reviewCase.Id}")).StatusCode);
        var byAuditor = await app.ClientAs(Roles.Auditor).PostAsJsonAsync($"/api/reviews/{reviewCase.Id}/decisions", Approval);
        Assert.Equal(HttpStatusCode.Forbidden, byAuditor.StatusCode);
        Assert.Equal(ReviewCaseStatus.Open, (await app.FindCaseAsync(reviewCase.Id))!.Status);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_follows_the_order_cases_were_opened_in_not_their_clocks()
    {
        // Opening times out of order, as two processes' clocks may be: the list follows the order of creation.
        var start = DateTime.UtcNow.AddDays(-1);
        var openedLater = await app.OpenCaseAsync(openedAt: start.AddMinutes(2));
        var withdrawn = await app.OpenCaseAsync(openedAt: start.AddMinutes(1), withdrawn: true);
        var openedEarlier = await app.OpenCaseAsync(openedAt: start);
        var ours = new[] { openedLater.Id, withdrawn.Id, openedEarlier.Id };
        var auditor = app.ClientAs(Roles.Auditor);

        var open = await ListAsync(auditor, "?status=Open", ours);
        var withdrawnOnly = await ListAsync(auditor, "?status=withdrawn", ours);
        var all = await ListAsync(auditor, "", ours);

        Assert.Equal([openedLater.Id, openedEarlier.Id], open.Select(c => c.Id));
        Assert.Equal([withdrawn.Id], withdrawnOnly.Select(c => c.Id));
        Assert.Equal([openedLater.Id, withdrawn.Id, openedEarlier.Id], all.Select(c => c.Id));
        var listed = open[1];
        Assert.Equal(
            (openedEarlier.PaperId, openedEarlier.PaperVersion, openedEarlier.ConsultationId, "acme", openedEarlier.Title, ReviewCaseStatus.Open),
            (listed.PaperId, listed.PaperVersion, listed.ConsultationId, listed.Organisation, listed.Title, listed.Status));
    }

    [Theory]
    [InlineData("Closed")]
    [InlineData("1")]
    [InlineData("Open,Decided")]
    public async Task An_unknown_status_is_a_400_naming_status(string status)
    {
        var response = await app.ClientAs(Roles.Reviewer, "globex").GetAsync($"/api/reviews?status={Uri.EscapeDataString(status)}");

        await AssertInvalidAsync(response, "status");
    }

    [Fact]
    public async Task A_case_reads_in_full_and_an_unknown_or_malformed_id_does_not()
    {
        var reviewCase = await app.OpenCaseAsync();
        var reviewer = app.ClientAs(Roles.Reviewer, "globex");

        var read = await reviewer.GetFromJsonAsync<ReviewCaseResponse>($"/api/reviews/{reviewCase.Id}", JsonDefaults.Options);
        var unknown = await reviewer.GetAsync($"/api/reviews/{Guid.CreateVersion7()}");
        var malformed = await reviewer.GetAsync("/api/reviews/not-a-guid");

        Assert.Equal((reviewCase.Summary, reviewCase.Body, reviewCase.ContentHash), (read!.Summary, read.Body, read.ContentHash));
        Assert.Equal(ReviewCaseStatus.Open, read.Status);
        Assert.Null(read.Decision);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task A_reviewer_of_another_organisation_decides_once_and_the_decision_is_published()
    {
        var reviewCase = await app.OpenCaseAsync(organisation: "acme");
        var reviewer = app.ClientAs(Roles.Reviewer, "globex", subject: "reviewer-7");

        var response = await reviewer.PostAsJsonAsync(
            $"/api/reviews/{reviewCase.Id}/decisions", new { decision = "RequestChanges", comment = "Cite the standard." });
        var again = await reviewer.PostAsJsonAsync($"/api/reviews/{reviewCase.Id}/decisions", Approval);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decided = (await response.Content.ReadFromJsonAsync<ReviewCaseResponse>(JsonDefaults.Options))!;
        Assert.Equal(ReviewCaseStatus.Decided, decided.Status);
        Assert.Equal(ReviewOutcome.RequestChanges, decided.Decision);
        Assert.Equal("Cite the standard.", decided.Comment);
        Assert.Equal("reviewer-7", decided.DecidedBy);
        Assert.NotNull(decided.DecidedAt);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already decided", await again.Content.ReadAsStringAsync());
        Assert.Equal(ReviewOutcome.RequestChanges, (await app.FindCaseAsync(reviewCase.Id))!.Decision);

        var published = app.Services.GetTestHarness().Published;
        // The outbox relay publishes after the response, on its own schedule: wait for it rather than for harness inactivity.
        await Eventually.True(() => published.Select<ReviewCompleted>(p =>
            p.Context.Message.ReviewCaseId == reviewCase.Id &&
            p.Context.Message.Outcome == ReviewOutcome.RequestChanges &&
            p.Context.Message.CausationId == reviewCase.SubmittedEventId &&
            p.Context.MessageId == p.Context.Message.EventId).Any(), "the decision published from the outbox");
        Assert.Single(published.Select<ReviewCompleted>(p => p.Context.Message.ReviewCaseId == reviewCase.Id));
    }

    public static TheoryData<string, string> InvalidDecisions => new()
    {
        { """{}""", "decision" },
        { """{"comment":"Fine."}""", "decision" },
        { """{"decision":"Maybe","comment":"Fine."}""", "decision" },
        { """{"decision":"RequestChanges, Reject","comment":"Fine."}""", "decision" },
        { """{"decision":1,"comment":"Fine."}""", "decision" },
        { """{"decision":"Approve"}""", "comment" },
        { """{"decision":"Approve","comment":"   "}""", "comment" },
        { $$"""{"decision":"Approve","comment":"{{new string('x', 5001)}}"}""", "comment" },
    };

    [Theory]
    [MemberData(nameof(InvalidDecisions))]
    public async Task An_invalid_decision_is_a_400_naming_the_field_before_anything_else_is_checked(string body, string field)
    {
        // The paper's own organisation on an unknown case: validation must still answer first.
        var response = await app.ClientAs(Roles.Reviewer, "acme").PostAsync(
            $"/api/reviews/{Guid.CreateVersion7()}/decisions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await AssertInvalidAsync(response, field);
    }

    [Fact]
    public async Task A_comment_of_exactly_5000_characters_is_accepted()
    {
        var reviewCase = await app.OpenCaseAsync(organisation: "acme");

        var response = await app.ClientAs(Roles.Reviewer, "globex").PostAsJsonAsync(
            $"/api/reviews/{reviewCase.Id}/decisions", new { decision = "Approve", comment = new string('x', 5000) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Deciding_on_an_unknown_case_is_404()
    {
        var response = await app.ClientAs(Roles.Reviewer, "globex").PostAsJsonAsync($"/api/reviews/{Guid.CreateVersion7()}/decisions", Approval);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_reviewer_never_decides_on_a_paper_of_their_own_organisation_even_once_it_is_decided()
    {
        var reviewCase = await app.OpenCaseAsync(organisation: "acme");
        var ownOrganisation = app.ClientAs(Roles.Reviewer, "acme");

        var whileOpen = await ownOrganisation.PostAsJsonAsync($"/api/reviews/{reviewCase.Id}/decisions", Approval);
        Assert.Equal(ReviewCaseStatus.Open, (await app.FindCaseAsync(reviewCase.Id))!.Status);
        await app.ClientAs(Roles.Reviewer, "globex").PostAsJsonAsync($"/api/reviews/{reviewCase.Id}/decisions", Approval);
        var onceDecided = await ownOrganisation.PostAsJsonAsync($"/api/reviews/{reviewCase.Id}/decisions", Approval);

        Assert.Equal(HttpStatusCode.Forbidden, whileOpen.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, onceDecided.StatusCode);
    }

    [Fact]
    public async Task Deciding_on_a_withdrawn_paper_is_409()
    {
        var reviewCase = await app.OpenCaseAsync(organisation: "acme", withdrawn: true);

        var response = await app.ClientAs(Roles.Reviewer, "globex").PostAsJsonAsync($"/api/reviews/{reviewCase.Id}/decisions", Approval);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("paper withdrawn", await response.Content.ReadAsStringAsync());
        Assert.Equal(ReviewCaseStatus.Withdrawn, (await app.FindCaseAsync(reviewCase.Id))!.Status);
    }

    private static async Task<List<ReviewCaseSummary>> ListAsync(HttpClient client, string query, Guid[] ours)
    {
        var cases = await client.GetFromJsonAsync<List<ReviewCaseSummary>>($"/api/reviews{query}", JsonDefaults.Options);
        return cases!.Where(c => ours.Contains(c.Id)).ToList();
    }

    private static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"The problem does not name '{field}': {problem.RootElement}");
    }
}
