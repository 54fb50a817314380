using System.Net;
using Microsoft.Playwright;
using PolicyEngage.Portal.Tests.Papers;
using PolicyEngage.Portal.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Portal.Tests.Reviews;

[Collection(PortalCollection.Name)]
public sealed class ReviewerPagesTests(PortalSystem system, Chromium chromium)
{
    [Fact]
    public async Task The_queue_holds_only_other_organisations_cases_and_a_decision_made_there_reaches_the_author_s_page()
    {
        var consultationId = await PaperScenes.OpenConsultationAsync(system, "REV-1");
        var api = system.Client();
        var ownAuthor = await api.SignInAsync("rev1-own", Roles.PolicyAuthor, org: "reviewhouse");
        var otherAuthor = await api.SignInAsync("rev1-other", Roles.PolicyAuthor, org: "elsewhere");
        var reviewerApi = await api.SignInAsync("rev1-reviewer", Roles.Reviewer, org: "reviewhouse");
        var ownPaper = FlowSteps.Id(await FlowSteps.CreatePaperAsync(ownAuthor, consultationId, "REV-1 own house paper"));
        (await ownAuthor.PostAsync($"/api/papers/{ownPaper}/submit")).Expect(HttpStatusCode.OK);
        var otherPaper = FlowSteps.Id(await FlowSteps.CreatePaperAsync(otherAuthor, consultationId, "REV-1 elsewhere paper"));
        (await otherAuthor.PostAsync($"/api/papers/{otherPaper}/submit")).Expect(HttpStatusCode.OK);
        var otherCase = await FlowSteps.OpenCaseAsync(reviewerApi, otherPaper, 1);
        var auditor = await api.SignInAsync("rev1-auditor", Roles.Auditor);
        var ownCase = await FlowSteps.OpenCaseAsync(auditor, ownPaper, 1);

        await using var reviewer = await PortalVisitor.OpenAsync(chromium, system);
        await reviewer.SignInAsync("rev1-reviewer", Roles.Reviewer, "reviewhouse");
        await Assertions.Expect(reviewer.Page.Locator("h1")).ToHaveTextAsync("Review queue");
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "REV-1 elsewhere paper" })).ToBeVisibleAsync();
        Assert.DoesNotContain("REV-1 own house paper", await reviewer.Page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(reviewer.Page.Locator("tbody")).ToContainTextAsync("Consultation REV-1");
        await reviewer.CheckAccessibilityAsync("reviewer-queue");
        await reviewer.ScreenshotAsync("reviewer-queue");

        // Its own organisation's case, reached by address: the form refuses in words.
        await reviewer.GotoAsync($"/reviews/{ownCase}");
        await reviewer.Page.GetByLabel("Approve").CheckAsync();
        await reviewer.Page.GetByLabel("Comment for the author").FillAsync("Looks fine to us.");
        await reviewer.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(reviewer.Page.Locator("#problems")).ToContainTextAsync("You may not decide on your own organisation's paper.");
        await Assertions.Expect(reviewer.Page.Locator("#problems")).ToBeFocusedAsync();

        // A decision with no comment: the API requires one, and the page says so beside the field.
        await reviewer.GotoAsync($"/reviews/{otherCase}");
        await Assertions.Expect(reviewer.Page.Locator(".paper-text").Last).ToHaveTextAsync("Body of REV-1 elsewhere paper");
        await reviewer.CheckAccessibilityAsync("reviewer-case");
        await reviewer.ScreenshotAsync("reviewer-case");
        await reviewer.Page.GetByLabel("Approve").CheckAsync();
        await reviewer.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(reviewer.Page.Locator("[data-valmsg-for=Comment]")).ToContainTextAsync("comment");
        await Assertions.Expect(reviewer.Page.GetByLabel("Approve")).ToBeCheckedAsync();
        await reviewer.CheckAccessibilityAsync("reviewer-case-refused");

        await reviewer.Page.GetByLabel("Comment for the author").FillAsync("Clear and well argued.");
        await reviewer.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(reviewer.Page.Locator(".notice")).ToContainTextAsync("Your decision is recorded: Approve");
        Assert.EndsWith("/reviews", reviewer.Page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await reviewer.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "REV-1 elsewhere paper" }).CountAsync());

        // Deciding again (a second tab kept open): already decided, said clearly.
        await reviewer.GotoAsync($"/reviews/{otherCase}");
        await Assertions.Expect(reviewer.Page.Locator("main")).ToContainTextAsync("Clear and well argued.");
        Assert.Equal(0, await reviewer.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Record the decision" }).CountAsync());

        await using var author = await PortalVisitor.OpenAsync(chromium, system);
        await author.SignInAsync("rev1-other", Roles.PolicyAuthor, "elsewhere");
        await author.GotoAsync($"/papers/{otherPaper}");
        await author.Page.ReloadUntilAsync(author.Page.Locator(".decisions li"), "the decision");
        await Assertions.Expect(author.Page.Locator(".decisions")).ToContainTextAsync("Approve");
        await Assertions.Expect(author.Page.Locator(".decisions")).ToContainTextAsync("Clear and well argued.");
        await author.Page.ReloadUntilAsync(author.Page.Locator(".facts", new PageLocatorOptions { HasText = "Approved" }), "the paper approved");
    }

    [Fact]
    public async Task A_decision_on_a_case_decided_meanwhile_is_refused_in_words()
    {
        var consultationId = await PaperScenes.OpenConsultationAsync(system, "REV-2");
        var api = system.Client();
        var authorApi = await api.SignInAsync("rev2-author", Roles.PolicyAuthor, org: "rev2co");
        var colleague = await api.SignInAsync("rev2-colleague", Roles.Reviewer, org: "rev2reviewers");
        var paperId = FlowSteps.Id(await FlowSteps.CreatePaperAsync(authorApi, consultationId, "REV-2 paper"));
        (await authorApi.PostAsync($"/api/papers/{paperId}/submit")).Expect(HttpStatusCode.OK);
        var caseId = await FlowSteps.OpenCaseAsync(colleague, paperId, 1);

        await using var reviewer = await PortalVisitor.OpenAsync(chromium, system, "zh-CN");
        await reviewer.SignInAsync("rev2-reviewer", Roles.Reviewer, "rev2reviewers");
        await Assertions.Expect(reviewer.Page.Locator("h1")).ToHaveTextAsync("评审队列");
        await reviewer.CheckAccessibilityAsync("reviewer-queue");
        await reviewer.ScreenshotAsync("reviewer-queue");
        await reviewer.GotoAsync($"/reviews/{caseId}");
        await reviewer.CheckAccessibilityAsync("reviewer-case");
        await reviewer.ScreenshotAsync("reviewer-case");

        (await colleague.PostAsync($"/api/reviews/{caseId}/decisions", new { decision = "Reject", comment = "Out of scope." })).Expect(HttpStatusCode.OK);
        await reviewer.Page.GetByLabel("要求修改").CheckAsync();
        await reviewer.Page.GetByLabel("给作者的意见").FillAsync("请补充。");
        await reviewer.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "记录决定" }).ClickAsync();

        await Assertions.Expect(reviewer.Page.Locator("#problems")).ToContainTextAsync("already decided");
        await Assertions.Expect(reviewer.Page.Locator("main")).ToContainTextAsync("Out of scope.");
    }
}
