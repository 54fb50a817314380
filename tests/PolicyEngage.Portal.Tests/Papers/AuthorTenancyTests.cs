using System.Net;
using Microsoft.Playwright;
using PolicyEngage.Portal.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Portal.Tests.Papers;

[Collection(PortalCollection.Name)]
public sealed class AuthorTenancyTests(PortalSystem system, Chromium chromium)
{
    private const string DraftTitle = "Alpha confidential draft title";
    private const string DraftBody = "Alpha confidential draft body";
    private const string WorkingEdit = "Alpha unsubmitted working edit";

    [Fact]
    public async Task An_author_of_another_organisation_never_sees_a_draft_or_a_working_edit_on_any_page()
    {
        var consultationId = await PaperScenes.OpenConsultationAsync(system, "TEN-1");
        var api = system.Client();
        var alpha = await api.SignInAsync("ten-alpha", Roles.PolicyAuthor, org: "alpha");
        var reviewerApi = await api.SignInAsync("ten-reviewer", Roles.Reviewer, org: "gamma");
        var draftId = FlowSteps.Id((await alpha.PostAsync("/api/papers", new { consultationId, title = DraftTitle, summary = "Alpha summary", body = DraftBody }))
            .Expect(HttpStatusCode.Created));
        var submittedId = await PaperScenes.TwoVersionsAsync(alpha, reviewerApi, consultationId,
            new { consultationId, title = "Alpha submitted", summary = "Alpha s", body = "Alpha first text" },
            new { title = "Alpha submitted", summary = "Alpha s", body = "Alpha second text" });
        var secondCase = await FlowSteps.OpenCaseAsync(reviewerApi, submittedId, 2);
        (await reviewerApi.PostAsync($"/api/reviews/{secondCase}/decisions", new { decision = "RequestChanges", comment = "Once more." })).Expect(HttpStatusCode.OK);
        await FlowSteps.AwaitStatusAsync(alpha, submittedId, "ChangesRequested");
        (await alpha.PutAsync($"/api/papers/{submittedId}", new { title = WorkingEdit, summary = WorkingEdit, body = WorkingEdit })).Expect(HttpStatusCode.OK);

        await using var beta = await PortalVisitor.OpenAsync(chromium, system);
        await beta.SignInAsync("ten-beta", Roles.PolicyAuthor, "beta");

        await beta.GotoAsync($"/consultations/{consultationId}");
        await Assertions.Expect(beta.Page.GetByText("Your organisation has no paper in this consultation yet.")).ToBeVisibleAsync();
        await AssertNothingOfAlphaAsync(beta);

        foreach (var path in new[] { $"/papers/{draftId}", $"/papers/{draftId}/edit", $"/papers/{draftId}/withdraw", $"/papers/{draftId}?from=1&to=2",
                     $"/papers/{submittedId}", $"/papers/{submittedId}/edit", $"/papers/{submittedId}/withdraw" })
        {
            var response = await beta.GotoAsync(path);
            Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
            await Assertions.Expect(beta.Page.Locator("h1")).ToHaveTextAsync("Not found");
            await AssertNothingOfAlphaAsync(beta);
        }

        // The review queue is not an author's page at all, and shows nothing of alpha's.
        var queue = await beta.GotoAsync("/reviews");
        Assert.Equal((int)HttpStatusCode.Forbidden, queue!.Status);
        await AssertNothingOfAlphaAsync(beta);

        // A reviewer sees alpha's submitted versions, never the draft nor the working edit.
        await using var reviewer = await PortalVisitor.OpenAsync(chromium, system);
        await reviewer.SignInAsync("ten-reviewer", Roles.Reviewer, "gamma");
        await reviewer.GotoAsync($"/consultations/{consultationId}");
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Alpha submitted" })).ToBeVisibleAsync();
        await AssertNothingOfAlphaAsync(reviewer);
        await reviewer.GotoAsync($"/papers/{submittedId}");
        await Assertions.Expect(reviewer.Page.Locator("main")).ToContainTextAsync("Alpha second text");
        await AssertNothingOfAlphaAsync(reviewer);
        Assert.Equal(0, await reviewer.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Edit the paper" }).CountAsync());
        Assert.Equal((int)HttpStatusCode.NotFound, (await reviewer.GotoAsync($"/papers/{draftId}"))!.Status);
        await AssertNothingOfAlphaAsync(reviewer);
        await reviewer.GotoAsync("/reviews");
        await AssertNothingOfAlphaAsync(reviewer);
    }

    private static async Task AssertNothingOfAlphaAsync(PortalVisitor visitor)
    {
        var html = await visitor.Page.ContentAsync();
        foreach (var secret in new[] { DraftTitle, DraftBody, WorkingEdit })
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
    }
}
