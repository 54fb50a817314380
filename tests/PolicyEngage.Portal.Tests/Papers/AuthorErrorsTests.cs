using System.Net;
using Microsoft.Playwright;
using PolicyEngage.Portal.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Portal.Tests.Papers;

[Collection(PortalCollection.Name)]
public sealed class AuthorErrorsTests(PortalSystem system, Chromium chromium)
{
    [Fact]
    public async Task A_title_too_long_is_shown_beside_the_field_and_nothing_is_created()
    {
        var consultationId = await PaperScenes.OpenConsultationAsync(system, "ERR-1");
        await using var author = await PortalVisitor.OpenAsync(chromium, system);
        await author.SignInAsync("err1", Roles.PolicyAuthor, "errco");
        await author.GotoAsync($"/papers/new?consultationId={consultationId}");

        await author.Page.GetByLabel("Title").FillAsync(new string('T', 201));
        await author.Page.GetByLabel("Summary").FillAsync("A summary");
        await author.Page.GetByLabel("Body").FillAsync("A body kept after the refusal");
        await author.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save draft" }).ClickAsync();

        await Assertions.Expect(author.Page.Locator("#problems")).ToBeFocusedAsync();
        await Assertions.Expect(author.Page.Locator("#problems a[href='#Title']")).ToHaveCountAsync(1);
        await Assertions.Expect(author.Page.Locator("[data-valmsg-for=Title]")).ToContainTextAsync("200");
        await Assertions.Expect(author.Page.GetByLabel("Body")).ToHaveValueAsync("A body kept after the refusal");
        await author.CheckAccessibilityAsync("author-new-paper-refused");

        var papers = await (await system.Client().SignInAsync("err1", Roles.PolicyAuthor, org: "errco")).GetAsync($"/api/papers?consultationId={consultationId}");
        Assert.Empty(papers.Json.AsArray());
    }

    [Fact]
    public async Task A_paper_for_a_closed_consultation_is_refused_in_words()
    {
        var consultationId = await PaperScenes.OpenConsultationAsync(system, "ERR-2");
        await using var author = await PortalVisitor.OpenAsync(chromium, system);
        await author.SignInAsync("err2", Roles.PolicyAuthor, "errco");
        await author.GotoAsync($"/papers/new?consultationId={consultationId}");
        var liaison = await system.Client().SignInAsync("ERR-2-liaison", Roles.LiaisonOfficer);
        (await liaison.PostAsync($"/api/consultations/{consultationId}/close")).Expect(HttpStatusCode.OK);
        var submissions = await system.Client().SignInAsync("err2", Roles.PolicyAuthor, org: "errco");
        await submissions.EventuallyAsync(() => submissions.PostAsync("/api/papers", FlowSteps.PaperBody(consultationId, "probe after close")),
            r => r.Status == HttpStatusCode.Conflict, "Submissions knows of the close");

        await author.Page.GetByLabel("Title").FillAsync("Too late");
        await author.Page.GetByLabel("Summary").FillAsync("Late");
        await author.Page.GetByLabel("Body").FillAsync("Late");
        await author.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save draft" }).ClickAsync();

        await Assertions.Expect(author.Page.Locator("#problems")).ToContainTextAsync("This cannot be done in its current state.");
        await Assertions.Expect(author.Page.Locator("#problems")).ToContainTextAsync("closed");
    }

    [Fact]
    public async Task Two_people_editing_the_same_paper_the_later_save_is_told_someone_changed_it()
    {
        var consultationId = await PaperScenes.OpenConsultationAsync(system, "ERR-3");
        var api = await system.Client().SignInAsync("err3", Roles.PolicyAuthor, org: "staleco");
        var paperId = FlowSteps.Id(await FlowSteps.CreatePaperAsync(api, consultationId, "Shared draft"));

        await using var first = await PortalVisitor.OpenAsync(chromium, system);
        await first.SignInAsync("err3", Roles.PolicyAuthor, "staleco");
        await using var second = await PortalVisitor.OpenAsync(chromium, system);
        await second.SignInAsync("err3-colleague", Roles.PolicyAuthor, "staleco");
        await first.GotoAsync($"/papers/{paperId}/edit");
        await second.GotoAsync($"/papers/{paperId}/edit");
        await first.CheckAccessibilityAsync("author-edit");
        await first.ScreenshotAsync("author-edit");

        await first.Page.GetByLabel("Title").FillAsync("Shared draft, first hand");
        await first.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(first.Page.Locator(".notice")).ToContainTextAsync("Your changes are saved.");

        await second.Page.GetByLabel("Body").FillAsync("Second hand's body");
        await second.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(second.Page.Locator("#problems")).ToContainTextAsync("Someone changed this since you opened it.");
        await Assertions.Expect(second.Page.GetByLabel("Body")).ToHaveValueAsync("Second hand's body");
        await second.CheckAccessibilityAsync("author-edit-stale");

        var paper = await api.GetAsync($"/api/papers/{paperId}");
        Assert.Equal("Shared draft, first hand", paper.Json["title"]!.GetValue<string>());
        Assert.Equal("Body of Shared draft", paper.Json["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stale_paper_page_cannot_submit_an_older_text()
    {
        var consultationId = await PaperScenes.OpenConsultationAsync(system, "ERR-4");
        var api = await system.Client().SignInAsync("err4", Roles.PolicyAuthor, org: "staleco4");
        var paperId = FlowSteps.Id(await FlowSteps.CreatePaperAsync(api, consultationId, "Stale submit"));

        await using var author = await PortalVisitor.OpenAsync(chromium, system);
        await author.SignInAsync("err4", Roles.PolicyAuthor, "staleco4");
        await author.GotoAsync($"/papers/{paperId}");
        (await api.PutAsync($"/api/papers/{paperId}", FlowSteps.PaperText("Stale submit, changed meanwhile"))).Expect(HttpStatusCode.OK);

        await author.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Submit for review" }).ClickAsync();

        await Assertions.Expect(author.Page.Locator("#problems")).ToContainTextAsync("Someone changed this since you opened it.");
        await Assertions.Expect(author.Page.Locator("h1")).ToHaveTextAsync("Stale submit, changed meanwhile");
        Assert.Equal("Draft", (await api.GetAsync($"/api/papers/{paperId}")).Json["status"]!.GetValue<string>());
    }
}
